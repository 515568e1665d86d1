"""The media library's reads: release photos and exhibit images, with caption, credit and size."""

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from exhibitors.models import Product, ProductImage, Sector
from press.models import PressRelease, ReleasePhoto

PER_PAGE = 24


def release_photos(limit=48):
    """Photos of published releases, newest release first (1 query)."""
    published = PressRelease.objects.published().values("pk")
    return list(
        ReleasePhoto.objects.filter(release__in=published)
        .select_related("release")
        .order_by("-release__publish_at", "order", "pk")[:limit]
    )


def exhibit_images(*, sector=None, page=None):
    """A page of published exhibits' images, optionally of one sector (2 queries: count and rows)."""
    images = ProductImage.objects.filter(product__in=Product.objects.published().values("pk")).select_related(
        "product__exhibitor", "product__category__sector"
    )
    if sector is not None:
        images = images.filter(product__category__sector=sector)
    images = images.order_by("product__category__sector__order", "product__slug", "order", "pk")
    return Paginator(images, PER_PAGE).get_page(page)


def exhibit_credit(image):
    return _("Courtesy of %(exhibitor)s") % {"exhibitor": image.product.exhibitor.name}


def sectors():
    return list(Sector.objects.order_by("order", "slug"))
