"""What the site plan adds to the admin's dashboard: how many stands it does not show yet."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from expo.models import Edition
from siteplan.selectors import unplaced_stands

register = template.Library()


@register.simple_tag(takes_context=True)
def unplaced_stands_warning(context):
    """The warning "3 stands of VIDE 2024 have no position…", linked to the list; empty when every stand of
    the current edition is placed or the organiser may not see the plan's positions."""
    request = context.get("request")
    if request is None or not request.user.has_perm("siteplan.view_standplacement"):
        return ""
    edition = Edition.objects.current()
    count = unplaced_stands(edition).count() if edition else 0
    if not count:
        return ""
    text = ngettext(
        "%(count)d stand of %(edition)s has no position on the site plan: the map leaves it out.",
        "%(count)d stands of %(edition)s have no position on the site plan: the map leaves them out.",
        count,
    ) % {"count": count, "edition": edition}
    url = reverse("admin:siteplan_standplacement_unplaced")
    return format_html('{} <a href="{}">{}</a>', text, url, _("Place them"))
