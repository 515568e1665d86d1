from exhibitors.models import Exhibitor, Product
from expo.sitemaps import I18nSitemap


class ExhibitorSitemap(I18nSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Exhibitor.objects.order_by("pk").only("slug")


class ProductSitemap(I18nSitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Product.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, product):
        return product.updated_at
