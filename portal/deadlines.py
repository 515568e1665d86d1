"""Deadlines per edition (profile, exhibits, stand team, declarations) and who is late.

What is "still missing" in an area is answered once, for many exhibitors at a time, by a function
registered per area (`register_missing`): the exhibitor's deadlines page, the overview sections,
the organisers' dashboard and the reminder mail all read it. The portal helpers owning profile,
exhibits and team may register a finer check; the defaults below read the catalogue.
"""

from django.db.models import Count
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from common.text import translated
from exhibitors.models import Exhibitor, Product
from portal.models import Contact, Declaration, PortalDeadlines

AREAS = PortalDeadlines.AREAS
AREA_LABELS = {
    "profile": _("Company profile"),
    "exhibits": _("Exhibits"),
    "team": _("Stand team"),
    "declarations": _("Declarations"),
}

_missing = {}


def register_missing(area, function):
    """`function(exhibitors, edition) -> {exhibitor id: [what is missing, …]}` for `area`, over a
    queryset of exhibitors, in a fixed number of queries; leaves out those with nothing missing.
    Strings are made in the active language. A later registration replaces the default."""
    if area not in AREAS:
        raise ValueError(f"Unknown portal area {area!r}")
    _missing[area] = function


def deadlines_of(edition):
    if edition is None:
        return None
    return PortalDeadlines.objects.filter(edition=edition).first()


def deadline_for(edition, area, *, deadlines=None):
    """The date `area` is due at `edition` (end of that day at the venue), or None."""
    if area not in AREAS:
        raise ValueError(f"Unknown portal area {area!r}")
    deadlines = deadlines or deadlines_of(edition)
    return getattr(deadlines, area) if deadlines else None


def is_past(edition, day):
    """A deadline on `day` has passed: the day has ended at the venue."""
    return day is not None and edition.local_today() > day


def in_portal():
    """Exhibitors with at least one contact who may sign in: the ones deadlines apply to."""
    return Exhibitor.objects.filter(pk__in=Contact.objects.with_access().values("exhibitor_id"))


def missing(exhibitors, edition, area):
    function = _missing.get(area)
    return function(exhibitors, edition) if function else {}


def missing_for(exhibitor, edition):
    """{area: [what is missing]} for one exhibitor, every area (empty lists when done)."""
    one = Exhibitor.objects.filter(pk=exhibitor.pk)
    return {area: missing(one, edition, area).get(exhibitor.pk, []) for area in AREAS}


def late(edition, *, dates=None):
    """{area: {exhibitor id: [what is missing]}} for each area whose deadline has passed."""
    deadlines = dates or deadlines_of(edition)
    found = {}
    for area in AREAS:
        day = deadline_for(edition, area, deadlines=deadlines)
        if is_past(edition, day):
            found[area] = missing(in_portal(), edition, area)
    return found


# --- what is missing, by default --------------------------------------------------------------


def profile_missing(exhibitors, edition):
    found = {}
    for exhibitor in exhibitors.only("pk", "description_vi", "description_en", "logo"):
        gaps = []
        if not (exhibitor.description_vi or "").strip():
            gaps.append(gettext("the description in Vietnamese"))
        if not (exhibitor.description_en or "").strip():
            gaps.append(gettext("the description in English"))
        if not exhibitor.logo:
            gaps.append(gettext("the logo"))
        if gaps:
            found[exhibitor.pk] = gaps
    return found


def exhibits_missing(exhibitors, edition):
    rows = exhibitors.annotate(exhibits=Count("products")).filter(exhibits=0).values_list("pk", flat=True)
    return {pk: [gettext("at least one exhibit")] for pk in rows}


def declarations_missing(exhibitors, edition):
    """Exhibits with no declaration for `edition`, or a refused one (the exhibitor's move);
    one waiting for review is the organisers' move, not missing."""
    declared = Declaration.objects.filter(edition=edition).exclude(status=Declaration.Status.REFUSED)
    rows = (
        Product.objects.filter(exhibitor__in=exhibitors)
        .exclude(pk__in=declared.values("product_id"))
        .only("pk", "exhibitor_id", "name_vi", "name_en")
        .order_by("name_vi", "pk")
    )
    found = {}
    for product in rows:
        text = gettext("a declaration for “%(exhibit)s”") % {"exhibit": translated(product, "name")}
        found.setdefault(product.exhibitor_id, []).append(text)
    return found


register_missing("profile", profile_missing)
register_missing("exhibits", exhibits_missing)
register_missing("declarations", declarations_missing)


def days_left(edition, day):
    if day is None:
        return None
    return (day - edition.local_today()).days
