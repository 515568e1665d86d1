from django.urls import reverse

from expo.models import Edition, ProgrammeItem
from expo.sitemaps import I18nSitemap


class ProgrammeSitemap(I18nSitemap):
    """The programme page and every published item of the current edition."""

    changefreq = "hourly"
    priority = 0.8

    def items(self):
        # Django's sitemap framework gives items() no request, so no request.edition here.
        edition = Edition.objects.current()
        if edition is None:
            return []
        return ["programme", *ProgrammeItem.objects.published().filter(edition=edition).order_by("start", "pk")]

    def location(self, item):
        return reverse("expo:programme") if item == "programme" else item.get_absolute_url()

    def lastmod(self, item):
        return None if item == "programme" else item.updated_at
