"""Root URL map. Public pages live under /vi/ and /en/; machine-facing URLs have no prefix."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_page
from django.views.static import serve

from exhibitors.api import router as catalogue_router
from exhibitors.sitemaps import ExhibitorSitemap, ProductSitemap
from expo import views
from expo.api import api
from expo.programme.api import router as programme_router
from expo.programme.sitemaps import ProgrammeSitemap
from expo.sitemaps import PagesSitemap
from press.api import router as press_router
from press.sitemaps import PressPagesSitemap, PressReleaseSitemap

sitemaps = {
    "pages": PagesSitemap,
    "programme": ProgrammeSitemap,
    "exhibitors": ExhibitorSitemap,
    "exhibits": ProductSitemap,
    "press": PressPagesSitemap,
    "releases": PressReleaseSitemap,
}

api.add_router("/programme", programme_router)
api.add_router("/", catalogue_router)
api.add_router("/", press_router)

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Browsers ask for /favicon.ico on every page, the admin's included.
    path("favicon.ico", views.favicon),
    path("sitemap.xml", cache_page(600)(sitemap_views.sitemap), {"sitemaps": sitemaps}, name="sitemap"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include("expo.programme.export_urls")),
]

urlpatterns += i18n_patterns(
    path("", include("expo.site_urls")),
    path("", include("press.urls")),
    path("", include("exhibitors.urls")),
    prefix_default_language=True,
)

# Uploaded media (exhibit images, logos) in development and the `make run` demo; production
# leaves them to the web server or object storage (EXPO_SERVE_MEDIA off).
if settings.EXPO_SERVE_MEDIA and settings.MEDIA_URL.startswith("/"):
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}
        )
    ]
