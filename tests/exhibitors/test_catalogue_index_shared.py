"""One catalogue index build per edit, for every process: the process that claims the new version
builds it and hands it over through the shared cache; another process takes it from there
instead of querying every exhibit again, waits for it while it is being built, and builds its
own when the one that claimed it never hands it over.

A second process is played by this one with its own index dropped (`_current` emptied): what it
may use is what a real second process finds, the shared cache."""

import gc
import threading
import time
import weakref

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from common.cache import content_version
from exhibitors.catalogue import courtesy, rebuild, words
from exhibitors.catalogue.index import AREA, CatalogueIndex
from tests.forms import titles

SHOWN = ["DL-3 tank", "MA-4 submarine", "SH-1 submarine", "SH-2 corvette"]


def another_process():
    rebuild._current.clear()


@pytest.mark.django_db(transaction=True)  # the builder reads through a connection of its own
def test_a_process_takes_the_index_another_process_built_for_this_version(client, catalogue, settings):
    settings.EXPO_CATALOGUE_REBUILD = "background"
    assert titles(client.get("/en/exhibits/?q=ma").content.decode()) == ["MA-4 submarine"]
    draft = catalogue["products"]["draft"]
    draft.is_published = True
    draft.save()  # committed: the catalogue's version moves
    client.get("/en/exhibits/?q=ma")  # served from the previous index; the builder starts after it
    rebuild.join()  # this process built the new index, everything visitors ask for built in
    with CaptureQueriesContext(connection) as warm:
        client.get("/en/exhibits/?q=ma")
    another_process()
    with CaptureQueriesContext(connection) as taken:
        html = client.get("/en/exhibits/?q=ma").content.decode()
    assert titles(html) == ["MA-4 submarine", "MA-5 secret ship"]
    # No query over the exhibits for the index, its order or its words: a warm request's queries.
    assert [query["sql"] for query in taken] == [query["sql"] for query in warm]
    rebuild.join()  # no builder outlives the test


def test_a_process_waits_for_the_version_another_process_is_building(catalogue, edition):
    version = content_version(AREA)
    assert cache.add(rebuild.claim_key(edition, version), "another process")
    built_elsewhere = CatalogueIndex(edition, version)
    index_key, version_key = rebuild._shared_keys(edition.pk)

    def hand_over():
        cache.set(index_key, built_elsewhere)
        cache.set(version_key, version)

    handing = threading.Timer(0.3, hand_over)
    handing.start()
    started = time.monotonic()
    with CaptureQueriesContext(connection) as queries:
        index = rebuild.index_for(edition)
    handing.join()
    assert time.monotonic() - started >= 0.3
    assert queries.captured_queries == []
    assert (index.version, index.products.pks) == (version, built_elsewhere.products.pks)


def test_a_process_builds_its_own_when_the_version_it_waits_for_never_comes(client, catalogue, edition, monkeypatch):
    monkeypatch.setattr(rebuild, "REQUEST_WAIT_SECONDS", 0.3)  # a request with no index waits this long at most
    assert cache.add(rebuild.claim_key(edition, content_version(AREA)), "a process that died")
    started = time.monotonic()
    assert titles(client.get("/en/exhibits/").content.decode()) == SHOWN
    assert time.monotonic() - started >= 0.3


def test_a_word_index_handed_over_in_pieces_searches_as_the_one_built(monkeypatch):
    monkeypatch.setattr(words, "PIECE", 2)  # five texts: three pieces
    texts = ["tau ngam kilo", "", "tau hai quan", "xe tang\x00t-90", "tau ngam"]
    built = words.WordIndex(enumerate(texts, start=10), {pk: at for at, pk in enumerate(range(10, 15))})
    cache.set("handed-over", built)  # pickled, as the shared cache hands it to another process
    taken = cache.get("handed-over")
    for typed in (["tau"], ["tau", "ngam"], ["ngam", "k"], ["t-90"], ["xe", "tang"], ["tang", "t-90"], ["quan"]):
        mask = built.matching(typed)
        assert (taken.matching(typed), taken.phrase(mask, typed)) == (mask, built.phrase(mask, typed)), typed
    assert taken.matching(["tau", "ngam"]) == 0b10001
    assert taken.matching(["tang", "t-90"]) == 0b01000  # the NUL is a space in the index, never a cut
    assert (taken.texts, taken.vocabulary) == (built.texts, built.vocabulary)


def test_an_index_holds_no_reference_cycles_so_once_frozen_and_replaced_it_is_freed_at_once(catalogue, edition):
    """The builder freezes what its build leaves (courtesy.py): frozen objects are never collected
    again, so an index must be freed by reference counting alone when the next one replaces it."""
    collecting = gc.isenabled()
    gc.disable()
    gc.unfreeze()
    try:
        index = CatalogueIndex(edition, "a version no edit gives")  # never handed over
        rebuild._prepare(index, edition)  # every order and both word indexes built in
        gc.freeze()
        parts = [index, index.products, index.exhibitors, index.products.words, index.exhibitors.words]
        parts += [index.categories[0], index.sectors[0], index.venues[0]]
        gone = [weakref.ref(part) for part in parts]
        del index, parts
        assert [ref() for ref in gone] == [None] * len(gone)
    finally:
        gc.unfreeze()
        if collecting:
            gc.enable()


def test_a_builder_that_waits_for_another_process_lets_the_collector_run_meanwhile(catalogue, edition):
    """The collector is off while a builder builds or loads (courtesy.py), not while it only waits:
    the requests' garbage would pile up for as long as the wait (BUILD_SECONDS at most)."""
    version = content_version(AREA)
    cache.delete_many(rebuild._shared_keys(edition.pk))  # nothing handed over: it waits it out
    seen = []

    def build():
        with courtesy.building():
            seen.append(gc.isenabled())
            started = time.monotonic()
            seen.append(rebuild._wait_for(edition, version, 0.6))
            seen.append(time.monotonic() - started >= 0.6)
            seen.append(gc.isenabled())

    builder = threading.Thread(target=build)
    builder.start()
    time.sleep(0.3)
    waiting = gc.isenabled()
    builder.join()
    assert (seen, waiting, gc.isenabled()) == ([False, None, True, False], True, True)
