"""Places on a page that another app fills, so the page's own app never imports that app.

The catalogue's exhibitor and exhibit pages offer a "factsheet" slot; the press app, which
owns fact sheets and their URLs, fills it from its AppConfig.ready. The visitor information
page offers "visit-places", which the site plan fills. Templates show a slot
with `{% slot "factsheet" object %}` (expo_tags); without a filler the slot is empty.
"""

from django.utils.html import format_html_join

FACTSHEET = "factsheet"
# The visitor information page's gates, car parks and shuttle stops, each a link to the map
# centred on it; the site plan fills it for an edition.
VISIT_PLACES = "visit-places"

_fillers = {}


def register(name, filler):
    """`filler(obj)` returns safe HTML (format_html) for `obj`, or "" when it has nothing to add."""
    _fillers.setdefault(name, []).append(filler)


def render(name, obj):
    return format_html_join("", "{}", ((html,) for filler in _fillers.get(name, ()) if (html := filler(obj))))
