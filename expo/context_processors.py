import functools

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from common import clock
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
    ("sitesearch:search", _("Search"), "sitesearch:search"),
]


@functools.lru_cache(maxsize=32)
def _section_links(language, script_prefix, urlconf):
    """(URL, label, prefix) of each section the URL map provides, in `language`: the same on every
    page, so reversed once per language rather than seven reverse() calls per page."""
    links = []
    for url_name, label, prefix in NAV_SECTIONS:
        try:
            url = reverse(url_name, urlconf=urlconf)
        except NoReverseMatch:
            continue
        links.append((url, str(label), prefix))
    return tuple(links)


def _nav_sections(request):
    match = getattr(request, "resolver_match", None)
    current = f"{match.namespace}:{match.url_name}" if match else ""
    links = _section_links(get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    return [{"url": url, "label": label, "current": current.startswith(prefix)} for url, label, prefix in links]


def site(request):
    """`edition` (the request's, fetched only if a template asks) and the main navigation.

    A view may put another edition in its context as `edition` (a past edition's press release)
    and the page header follows it.
    """
    edition = getattr(request, "edition", None)
    if edition is None:  # a request that did not pass the middleware (e.g. built by hand)
        edition = SimpleLazyObject(Edition.objects.current)
    demo_now = clock.now() if clock.is_moved() else None
    return {"edition": edition, "nav_sections": _nav_sections(request), "demo_now": demo_now}
