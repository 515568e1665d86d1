"""The rendered plan shown on admin pages: the same SVG as the public map, small."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from siteplan import selectors
from siteplan.svg import plan_context


def plan_preview(edition, *, stand="", hall=""):
    if edition is None:
        return "—"
    plan = selectors.site_plan(edition, stand=stand)
    if not plan.venues and not plan.stands:
        return _("Nothing is drawn on this edition's plan yet.")
    context = {**plan_context(plan, hall=hall, focus=bool(stand)), "print_mode": True, "svg_id": "preview"}
    return render_to_string("siteplan/includes/plan_preview.html", context)
