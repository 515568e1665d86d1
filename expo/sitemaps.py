from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class I18nSitemap(Sitemap):
    """Every URL once per language, with hreflang alternates and an x-default."""

    i18n = True
    alternates = True
    x_default = True


class PagesSitemap(I18nSitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["expo:home"]

    def location(self, item):
        return reverse(item)
