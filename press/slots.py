"""The press app's contributions to other apps' pages (registered from PressConfig.ready)."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from exhibitors.models import Exhibitor, Product


def factsheet_link(obj):
    """The download button for the fact sheet of an exhibitor or an exhibit."""
    if isinstance(obj, Exhibitor):
        url = reverse("press:exhibitor_factsheet", args=[obj.slug])
    elif isinstance(obj, Product):
        url = reverse("press:exhibit_factsheet", args=[obj.slug])
    else:
        return ""
    return format_html('<a class="button" href="{}" download>{}</a>', url, _("Fact sheet (PDF)"))
