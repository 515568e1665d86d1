"""Places on a page that another app fills, so the page's own app never imports that app.

The catalogue's exhibitor and exhibit pages offer a "factsheet" slot; the press app, which
owns fact sheets and their URLs, fills it from its AppConfig.ready. Templates show a slot
with `{% slot "factsheet" object %}` (expo_tags); without a filler the slot is empty.
"""

from django.utils.html import format_html_join

FACTSHEET = "factsheet"

_fillers = {}


def register(name, filler):
    """`filler(obj)` returns safe HTML (format_html) for `obj`, or "" when it has nothing to add."""
    _fillers.setdefault(name, []).append(filler)


def render(name, obj):
    return format_html_join("", "{}", ((html,) for filler in _fillers.get(name, ()) if (html := filler(obj))))
