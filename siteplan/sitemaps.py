from django.urls import reverse

from expo.sitemaps import I18nSitemap


class MapSitemap(I18nSitemap):
    changefreq = "daily"
    priority = 0.7

    def items(self):
        return ["siteplan:map", "siteplan:plan_pdf"]

    def location(self, item):
        return reverse(item)
