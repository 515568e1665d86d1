from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class I18nSitemap(Sitemap):
    """Every URL once per language, with hreflang alternates and an x-default."""

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        # The host comes from the request, which SiteAddressMiddleware set to EXPO_SITE_URL's;
        # the scheme must come from there too (behind a TLS proxy the request may say http).
        if settings.EXPO_SITE_URL:
            return urlsplit(settings.EXPO_SITE_URL).scheme
        return super().get_protocol(protocol)


class PagesSitemap(I18nSitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["expo:home"]

    def location(self, item):
        return reverse(item)
