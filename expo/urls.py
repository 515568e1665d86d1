"""Root URL map. Public pages live under /vi/ and /en/; machine-facing URLs have no prefix."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.decorators.cache import cache_page

from expo import views
from expo.api import api
from expo.programme.api import router as programme_router
from expo.programme.sitemaps import ProgrammeSitemap
from expo.sitemaps import PagesSitemap

sitemaps = {"pages": PagesSitemap, "programme": ProgrammeSitemap}
api.add_router("/programme", programme_router)

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
    prefix_default_language=True,
)
