"""Entry points of worker processes (e.g. fact sheets rendered in parallel).

Spawned workers import this module before Django is set up, so it imports nothing of the
project at module level: `setup()` runs first (the pool's initializer), then `call()` imports
the job's function by its dotted path. The caller's module is never imported back from here,
so there is no import cycle between the worker and the code it runs.
"""


def setup():
    import django

    django.setup()


def call(job):
    """Run `job`, a (dotted path of a function, its one argument) pair; return its result."""
    from django.utils.module_loading import import_string

    path, argument = job
    return import_string(path)(argument)
