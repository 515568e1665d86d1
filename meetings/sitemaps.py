from django.urls import reverse

from expo.sitemaps import I18nSitemap


class ResultsSitemap(I18nSitemap):
    """The results page only: meetings themselves are never public."""

    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["meetings:results"]

    def location(self, item):
        return reverse(item)
