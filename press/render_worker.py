"""Entry points of the fact-sheet worker processes.

Spawned workers import this module before Django is set up, so it imports nothing of the
project at module level: `setup()` runs first (the pool's initializer), then `render()`.
"""


def setup():
    import django

    django.setup()


def render(args):
    from press.factsheets.data import Sheet
    from press.factsheets.render import render_sheet

    kind, slug, language, data = args
    return render_sheet(Sheet(kind, slug, language, data))
