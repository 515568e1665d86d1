"""The app shell: web app manifest, icons from the key visual, and the service worker.

The worker is served from the root (/sw.js) so its scope is the whole site. Its body is the
static file companion/sw.js, preceded by the list of what to keep for offline use (the pages of
the shell in both languages, and the hashed static files they load) and a version taken from
both: a new stylesheet or worker gives a new version, the browser installs it in the background
and the next page loaded uses it, with no reload forced on the visitor.
"""

import hashlib
import io
import json

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from PIL import Image, ImageOps

from common.export_cache import cached_export
from expo.programme.selection import LANGUAGES, export_language

THEME_COLOUR = "#1f4d3a"
BACKGROUND_COLOUR = "#ffffff"
ICON_SIZES = (192, 512)
# Pages every visitor gets offline, in each language (their own links and stylesheets follow).
SHELL_PAGES = ("expo:home", "siteplan:map", "expo:programme", "companion:my", "expo:live")
SHELL_STATIC = (
    "expo/css/site.css",
    "expo/css/programme.css",
    "expo/favicon.svg",
    "siteplan/map.css",
    "siteplan/map.js",
    "companion/app.js",
    "companion/companion.css",
)


def precache_urls():
    urls = [static(name) for name in SHELL_STATIC]
    for language in LANGUAGES:
        with translation.override(language):
            urls += [reverse(name) for name in SHELL_PAGES]
    return urls


@require_safe
@cache_control(no_cache=True)
def service_worker(request):
    with open(finders.find("companion/sw.js"), encoding="utf-8") as handle:
        body = handle.read()
    urls = precache_urls()
    version = hashlib.sha256(f"{body}|{urls}".encode()).hexdigest()[:12]
    head = f"var VERSION = {json.dumps(version)};\nvar PRECACHE = {json.dumps(urls)};\n"
    response = HttpResponse(head + body, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_safe
@cached_export
def manifest(request):
    """Names in the page's language (`?lang=`), icons from the edition's key visual."""
    edition = request.edition
    language = export_language(request)
    with translation.override(language):
        name = str(edition.name) if edition else "Expo"
        short = edition.acronym if edition else "Expo"
        data = {
            "name": name,
            "short_name": short,
            "lang": language,
            "start_url": reverse("expo:home"),
            "scope": "/",
            "display": "standalone",
            "theme_color": THEME_COLOUR,
            "background_color": BACKGROUND_COLOUR,
            "icons": [
                {"src": reverse("app_icon", kwargs={"size": size}), "sizes": f"{size}x{size}", "type": "image/png"}
                for size in ICON_SIZES
            ]
            + [{"src": static("expo/favicon.svg"), "sizes": "any", "type": "image/svg+xml"}],
        }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@require_safe
@cached_export
def icon(request, size):
    """A square crop of the key visual (its centre), or the theme colour before there is one."""
    if size not in ICON_SIZES:
        raise Http404
    edition = request.edition
    picture = None
    if edition and edition.key_visual:
        try:
            with edition.key_visual.open("rb") as handle, Image.open(handle) as source:
                picture = ImageOps.fit(source.convert("RGB"), (size, size))
        except (OSError, ValueError):
            picture = None
    if picture is None:
        picture = Image.new("RGB", (size, size), THEME_COLOUR)
    out = io.BytesIO()
    picture.save(out, "PNG", optimize=True)
    return HttpResponse(out.getvalue(), content_type="image/png")
