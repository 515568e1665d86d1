"""Entry points of worker processes (e.g. fact sheets rendered in parallel).

Spawned workers import this module before Django is set up, so it imports nothing of the
project at module level: `setup()` runs first (the pool's initializer), then `call()` imports
the job's function by its dotted path. The caller's module is never imported back from here,
so there is no import cycle between the worker and the code it runs.
"""

from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context


def setup():
    import django

    django.setup()


def call(job):
    """Run `job`, a (dotted path of a function, its one argument) pair; return its result."""
    from django.utils.module_loading import import_string

    path, argument = job
    return import_string(path)(argument)


def in_pool(jobs, *, workers, chunksize=1):
    """The results of `jobs` ((dotted path, argument) pairs), in order, run by `workers` processes.

    Spawned, not forked: no database connection or lock is inherited. CPU-bound work such as
    WeasyPrint's (single-threaded) then uses every core.
    """
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=setup) as pool:
        yield from pool.map(call, jobs, chunksize=chunksize)
