"""How far along a press kit's build is, for the organisers' admin dashboard.

The build runs in the task worker (press/tasks.py), the admin in the web processes: the state is
kept in the shared cache, where the kit's build lock already is (Redis, or the file cache whenever
a database queue and its worker run). A step is stored as a code and named in the reader's
language when shown. The dashboard also says when each language's kit was last built.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

# Longer than any build: a worker killed mid-build leaves no "being built" behind for ever.
TIMEOUT = 30 * 60
STEPS = {
    "reading": _("reading the catalogue"),
    "rendering": _("rendering the catalogue's changed parts"),
    "joining": _("joining the catalogue into one PDF"),
    "documents": _("releases, programme, map and briefings"),
    "zip": _("writing the zip"),
}


def _key(label):
    return f"press-kit:progress:{label}"


def _labels():
    codes = [code for code, _name in settings.LANGUAGES]
    return ["+".join(codes), *codes]


class Reporter:
    """`report(step, done, total)` while a build (label: a language, or "vi+en") runs; `report(None)`,
    or leaving its `with` block (however the build ends), takes the line off the dashboard. `say`
    writes the build's progress lines (the command's output, the worker's log)."""

    def __init__(self, label, say):
        self.label, self.say = label, say
        self.started = timezone.now()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self(None)
        return False

    def __call__(self, step, done=0, total=0):
        if step is None:
            cache.delete(_key(self.label))
            return
        state = {"step": step, "done": done, "total": total, "started": self.started.isoformat()}
        cache.set(_key(self.label), state, timeout=TIMEOUT)


def builds_under_way():
    """[{"label", "step" (named in the active language), "done", "total", "started"}] of the kits
    being built now, for the dashboard."""
    states = cache.get_many([_key(label) for label in _labels()])
    under_way = []
    for label in _labels():
        state = states.get(_key(label))
        if state:
            under_way.append(
                {
                    "label": label,
                    "step": STEPS.get(state["step"], state["step"]),
                    "done": state["done"],
                    "total": state["total"],
                    "started": parse_datetime(state["started"]),
                }
            )
    return under_way
