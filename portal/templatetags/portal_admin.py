"""What the portal adds to the admin's dashboard: how many exhibitors are late per deadline."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common.dates import formatted
from expo.models import Edition
from portal.admin.declarations import late_counts

register = template.Library()


@register.simple_tag(takes_context=True)
def late_exhibitors_warnings(context):
    """["Declarations (due 01/12/2026): 3 exhibitors are late. Remind them"], one line per passed
    deadline with someone late; empty for staff who may not keep the deadlines."""
    request = context.get("request")
    if request is None or not request.user.has_perm("portal.change_portaldeadlines"):
        return []
    edition = Edition.objects.current()
    if edition is None:
        return []
    url = reverse("admin:portal_portaldeadlines_remind")
    lines = []
    for label, day, count in late_counts(edition):
        if not count:
            continue
        text = ngettext(
            "%(area)s (due %(day)s): %(count)d exhibitor is late.",
            "%(area)s (due %(day)s): %(count)d exhibitors are late.",
            count,
        ) % {"area": label, "day": formatted(day), "count": count}
        lines.append(format_html('{} <a href="{}">{}</a>', text, url, _("Remind them")))
    return lines
