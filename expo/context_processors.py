from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from expo.models import Edition

# The main navigation: (URL name, label, the URL names that belong to the section by prefix).
# A section shows once its app provides the page.
NAV_SECTIONS = [
    ("exhibitors:exhibitor_list", _("Exhibitors"), "exhibitors:exhibitor_"),
    ("exhibitors:product_list", _("Exhibits"), "exhibitors:product_"),
    ("expo:programme", _("Programme"), "expo:programme"),
    ("siteplan:map", _("Map"), "siteplan:"),
    ("press:index", _("Press"), "press:"),
    ("meetings:results", _("Results"), "meetings:"),
    ("expo:search", _("Search"), "expo:search"),
]


def _nav_sections(request):
    match = getattr(request, "resolver_match", None)
    current = f"{match.namespace}:{match.url_name}" if match else ""
    sections = []
    for url_name, label, prefix in NAV_SECTIONS:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        sections.append({"url": url, "label": label, "current": current.startswith(prefix)})
    return sections


def site(request):
    """`edition` (the request's, fetched only if a template asks) and the main navigation.

    A view may put another edition in its context as `edition` (a past edition's press release)
    and the page header follows it.
    """
    edition = getattr(request, "edition", None)
    if edition is None:  # a request that did not pass the middleware (e.g. built by hand)
        edition = SimpleLazyObject(Edition.objects.current)
    return {"edition": edition, "nav_sections": _nav_sections(request)}
