"""The press app's contributions to other apps' pages (registered from PressConfig.ready)."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from exhibitors.models import Exhibitor, Product


def factsheet_link(obj):
    """The links to the fact sheet of an exhibitor or an exhibit."""
    if isinstance(obj, Exhibitor):
        url = reverse("press:exhibitor_factsheet", args=[obj.slug])
    elif isinstance(obj, Product):
        url = reverse("press:exhibit_factsheet", args=[obj.slug])
    else:
        return ""
    # The sheet opens in the browser (served inline); the link beside it saves the file.
    link = '<a class="button" href="{}">{}</a> <a href="{}" download>{}</a>'
    return format_html(link, url, _("Fact sheet (PDF)"), url, _("Download"))
