"""The index builder gives way to its process's requests: while one is answered, a builder thread
waits at its next stopping point (at most PAUSE_SECONDS); with none, or in a request's own
thread, it goes straight on; while it runs, Python hands over to the requests sooner."""

import contextlib
import gc
import sys
import threading
import time

from exhibitors.catalogue import courtesy


def in_a_thread(work):
    results = []
    thread = threading.Thread(target=lambda: results.append(work()))
    thread.start()
    thread.join()
    return results[0]


def waited(mark_as_builder):
    """Seconds one give_way() took in a thread of its own."""

    def run():
        with courtesy.building() if mark_as_builder else contextlib.nullcontext():
            started = time.monotonic()
            courtesy.give_way()
            return time.monotonic() - started

    return in_a_thread(run)


def test_a_builder_waits_while_a_request_is_answered_and_no_longer(monkeypatch):
    monkeypatch.setattr(courtesy, "PAUSE_SECONDS", 0.5)
    monkeypatch.setattr(courtesy, "_answering", 0)  # earlier tests' responses left unclosed
    courtesy._started(sender=None)  # as Django signals a request
    try:
        assert waited(mark_as_builder=True) >= courtesy.PAUSE_SECONDS
        assert waited(mark_as_builder=False) < courtesy.PAUSE_SECONDS / 2  # the request's own work
    finally:
        courtesy._finished(sender=None)
    assert waited(mark_as_builder=True) < courtesy.PAUSE_SECONDS / 2


def test_a_builder_does_not_give_way_to_a_request_that_waits_for_its_index(monkeypatch):
    monkeypatch.setattr(courtesy, "PAUSE_SECONDS", 0.5)
    monkeypatch.setattr(courtesy, "_answering", 0)  # earlier tests' responses left unclosed
    courtesy._started(sender=None)  # as Django signals a request
    try:
        with courtesy.waiting():  # the request has no index to serve until the builder makes one
            assert waited(mark_as_builder=True) < courtesy.PAUSE_SECONDS / 2
        assert waited(mark_as_builder=True) >= courtesy.PAUSE_SECONDS  # it has one now: its own work
    finally:
        courtesy._finished(sender=None)


def test_a_builder_goes_on_as_soon_as_the_request_is_answered(monkeypatch):
    monkeypatch.setattr(courtesy, "PAUSE_SECONDS", 2)
    monkeypatch.setattr(courtesy, "_answering", 0)  # earlier tests' responses left unclosed
    courtesy._started(sender=None)  # as Django signals a request
    answered = []

    def answer():
        answered.append(time.monotonic())
        courtesy._finished(sender=None)

    threading.Timer(0.05, answer).start()

    def build():
        with courtesy.building():
            courtesy.give_way()
            return time.monotonic()

    went_on = in_a_thread(build)
    assert answered and answered[0] <= went_on < answered[0] + 1  # well before PAUSE_SECONDS


def test_the_build_loops_go_through_every_row():
    rows = list(range(2 * courtesy.EVERY + 3))

    def build():
        with courtesy.building():
            return list(courtesy.every(iter(rows)))

    assert in_a_thread(build) == rows


def test_while_a_builder_runs_python_hands_over_to_a_request_sooner_and_after_it_as_before():
    before = sys.getswitchinterval()

    def build():
        with courtesy.building():
            return sys.getswitchinterval()

    assert in_a_thread(build) == courtesy.SWITCH_SECONDS < before
    assert sys.getswitchinterval() == before


def test_while_a_builder_runs_the_collector_is_off_and_after_it_what_lived_through_it_is_frozen():
    gc.unfreeze()
    kept = []

    def build():
        with courtesy.building():
            kept.append([object() for _ in range(100)])  # the new index, as far as the collector sees
            return gc.isenabled()

    assert in_a_thread(build) is False
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0  # no later full collection walks it again
    gc.unfreeze()


def test_a_collector_turned_off_by_someone_else_stays_off_and_nothing_is_frozen():
    gc.unfreeze()
    gc.disable()
    try:

        def build():
            with courtesy.building():
                return gc.isenabled()

        assert in_a_thread(build) is False
        assert not gc.isenabled()
        assert gc.get_freeze_count() == 0
    finally:
        gc.enable()
