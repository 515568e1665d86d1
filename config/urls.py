"""Root URL map. Public pages live under /vi/ and /en/; machine-facing URLs have no prefix.

It imports every app's URL module (no include by dotted string), so everything a URL reaches
is reachable from here by import: the contract `public-modules-no-personal-data` starts here.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.decorators.http import require_safe

import companion.root_urls
import companion.urls
import exhibitors.urls
import expo.programme.export_urls
import expo.urls
import meetings.interview_urls
import meetings.urls
import outbox.urls
import portal.urls
import press.urls
import siteplan.urls
import sitesearch.urls
import tickets.urls
from common import admin_language
from exhibitors.api import router as catalogue_router
from exhibitors.sitemaps import ExhibitorSitemap, ProductSitemap
from expo import media as media_views
from expo import view_on_site, views
from expo.api import api
from expo.programme.api import router as programme_router
from expo.programme.sitemaps import ProgrammeSitemap
from expo.sitemaps import PagesSitemap
from meetings.api import router as results_router
from meetings.sitemaps import ResultsSitemap
from press.api import router as press_router
from press.sitemaps import PressPagesSitemap, PressReleaseSitemap
from press.views import expire_with_next_release
from siteplan.api import router as siteplan_router
from siteplan.sitemaps import MapSitemap

sitemaps = {
    "pages": PagesSitemap,
    "programme": ProgrammeSitemap,
    "exhibitors": ExhibitorSitemap,
    "exhibits": ProductSitemap,
    "press": PressPagesSitemap,
    "releases": PressReleaseSitemap,
    "results": ResultsSitemap,
    "map": MapSitemap,
}


@require_safe
def sitemap(request, **kwargs):
    return expire_with_next_release(sitemap_views.sitemap(request, **kwargs))


api.add_router("/programme", programme_router)
api.add_router("/", catalogue_router)
api.add_router("/", press_router)
api.add_router("/", results_router)
api.add_router("/", siteplan_router)

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Browsers ask for /favicon.ico on every page, the admin's included.
    path("favicon.ico", views.favicon),
    # Cached by the page cache under the content version, and never past the next embargo's end:
    # a release put back under embargo leaves the sitemap at once.
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    # Before the admin's own: it must not reveal where unpublished objects will live.
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site.view_on_site),
        name="view_on_site",
    ),
    # The organiser's language for the admin, kept on the account (common/admin_language.py).
    path("admin/language/", admin.site.admin_view(admin_language.switch), name="admin_language"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include(expo.programme.export_urls)),
    # The installable app (manifest, service worker at the root scope) and My visit's calendar.
    path("", include(companion.root_urls)),
]
if getattr(settings, "ANYMAIL", None):
    # Delivery and bounce reports from an e-mail provider (django-anymail; README "Messages").
    urlpatterns.append(path("anymail/", include("anymail.urls")))

# The public pages, under /vi/ and /en/; config/archive.py mounts them again, read-only, under
# /<lang>/editions/<year>/ for each past edition.
public_patterns = [
    path("", include(expo.urls)),
    path("", include(press.urls)),
    path("", include(exhibitors.urls)),
    path("", include(meetings.urls)),
    path("", include(meetings.interview_urls)),
    path("", include(outbox.urls)),
    path("", include(siteplan.urls)),
    path("", include(sitesearch.urls)),
]
# My visit, registration, the gates and the exhibitors' portal belong to the current edition only: not mounted again
# under the archive.
urlpatterns += i18n_patterns(
    *public_patterns,
    path("", include(companion.urls)),
    path("", include(tickets.urls)),
    path("", include(portal.urls)),
    prefix_default_language=True,
)

# Uploaded media (exhibit images, logos, PDFs) from local storage, each with its own type and
# nosniff (expo/media.py), in development and the `make run` demo (EXPO_SERVE_MEDIA); in
# production the web server (docs/nginx.conf) or the S3 bucket and its CDN serve them.
if settings.EXPO_SERVE_MEDIA and not settings.AWS_STORAGE_BUCKET_NAME:
    media_prefix = settings.MEDIA_URL.strip("/")
    urlpatterns.append(re_path(rf"^{media_prefix}/(?P<path>.+)$", media_views.media, name="media"))
