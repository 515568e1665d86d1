"""The index builder gives way to the requests of its own process.

A builder thread (rebuild.py) and a request share one interpreter: with both running, Python
hands the interpreter from one to the other every 5 ms, so a request answered during a build
waits for the builder's turns as well as its own. The builder's loops call `give_way()` every few thousand rows; while
the process is answering a request it waits there, PAUSE_SECONDS at most at a time, so under
constant traffic the build still moves on (slower) instead of never finishing.

Only a thread marked as a builder (`building()`) waits: an index built inside a request (the
first of a process, or EXPO_CATALOGUE_REBUILD=request) is that request's own work. While a
builder runs, Python hands over every SWITCH_SECONDS instead of 5 ms, so a request coming back
from the database with a query's rows is not kept waiting for the builder's whole turn (at 4 ×
the design scale, the worst page's slowest request after an edit went from 2.7 and 2.2 × warm to
2.6 and 2.0 × in two runs each; bench/RESULTS.md).
"""

import contextlib
import sys
import threading
import time

from django.core.signals import request_finished, request_started

EVERY = 2000  # rows between two calls in the builder's loops
PAUSE_SECONDS = 0.02
# Python's hand-over interval while a builder runs (5 ms otherwise): a request thread that comes
# back from the database waits this long at most for the builder to let it run.
SWITCH_SECONDS = 0.0005
_answering = 0  # requests this process is answering now
_count_lock = threading.Lock()
_thread = threading.local()


def _started(sender, **kwargs):
    global _answering
    with _count_lock:
        _answering += 1


def _finished(sender, **kwargs):
    global _answering
    with _count_lock:
        _answering = max(0, _answering - 1)


request_started.connect(_started, dispatch_uid="catalogue-courtesy-started")
request_finished.connect(_finished, dispatch_uid="catalogue-courtesy-finished")


@contextlib.contextmanager
def building():
    """Mark this thread as a builder for the duration."""
    _thread.builder = True
    previous = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_SECONDS)
    try:
        yield
    finally:
        sys.setswitchinterval(previous)
        _thread.builder = False


def give_way():
    if not getattr(_thread, "builder", False):
        return
    deadline = time.monotonic() + PAUSE_SECONDS
    while _answering and time.monotonic() < deadline:
        time.sleep(0.001)


def every(rows):
    """`rows`, giving way every EVERY of them."""
    for number, row in enumerate(rows, start=1):
        if not number % EVERY:
            give_way()
        yield row
