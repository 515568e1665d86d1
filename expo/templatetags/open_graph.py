"""Open Graph and Twitter card tags, so a link shared on Zalo, Facebook or X shows a preview.

Every public page gets them from base.html: the edition's name, theme and key visual unless the
page names its own (an exhibit: its name, summary and first image). Addresses are absolute and
built from EXPO_SITE_URL (the request's address only in development, where it is unset); og:url
is the page's canonical address, without its query string.
"""

from urllib.parse import urljoin

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.text import Truncator

register = template.Library()

# The locale each language is shared as: Vietnamese in Vietnam, British English (the site's spelling).
OG_LOCALES = {"vi": "vi_VN", "en": "en_GB"}


def site_address(request):
    """The site's scheme and host, from EXPO_SITE_URL (else the request's, in development)."""
    if settings.EXPO_SITE_URL:
        return settings.EXPO_SITE_URL.rstrip("/")
    return request.build_absolute_uri("/").rstrip("/") if request is not None else ""


@register.inclusion_tag("includes/open_graph.html", takes_context=True)
def open_graph(context, title="", description="", image=None, kind="website"):
    """`image` is an image field file (an exhibit's first image); the key visual otherwise."""
    request = context.get("request")
    edition = context.get("edition") or None  # a lazy object that may wrap None
    site = site_address(request)
    if not image and edition is not None and edition.key_visual:
        image = edition.key_visual
    language = translation.get_language()
    return {
        "site_name": edition.name if edition is not None else "Expo CMS",
        "title": title or (edition.name if edition is not None else "Expo CMS"),
        "description": Truncator(" ".join(str(description or (edition.theme if edition else "")).split())).chars(200),
        "image": urljoin(f"{site}/", image.url) if image else "",
        "url": f"{site}{request.path}" if request is not None else "",
        "kind": kind,
        "locale": OG_LOCALES.get(language, language),
        "alternates": [OG_LOCALES[code] for code, _name in settings.LANGUAGES if code != language],
    }
