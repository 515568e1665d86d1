from django.urls import reverse

from expo.sitemaps import I18nSitemap
from press.models import PressRelease


class PressReleaseSitemap(I18nSitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return PressRelease.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, release):
        return release.updated_at


class PressPagesSitemap(I18nSitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["press:index", "press:accreditation"]

    def location(self, item):
        return reverse(item)
