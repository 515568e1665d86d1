"""Reads of the catalogue shared by pages, the API, fact sheets and feeds.

Each query is written once here, so the exhibit page, its API twin and its fact sheet show the
same images in the same order and the same stand.
"""

from django.db.models import Prefetch

from common import collation
from exhibitors.models import Exhibitor, Product, ProductImage, Stand


def ordered_images():
    """An exhibit's images as every reader shows them: the editors' order, then upload order."""
    return Prefetch("images", queryset=ProductImage.objects.order_by("order", "pk"))


def published_exhibits():
    """Published exhibits with what their detail page, API entry and fact sheet show."""
    return (
        Product.objects.published()
        .select_related("exhibitor", "category__sector")
        .prefetch_related("specifications", ordered_images())
    )


def exhibitors_with_sectors():
    return Exhibitor.objects.prefetch_related("sectors")


def exhibits_of(exhibitor):
    """An exhibitor's published exhibits, by Vietnamese name, with their category and images."""
    return (
        exhibitor.products.published()
        .select_related("category")
        .prefetch_related(ordered_images())
        .order_by(collation.by_name("name_vi"), "pk")
    )


def stand_for(exhibitor_id, edition):
    """The exhibitor's stand at `edition` with its hall, or None (also when there is no edition)."""
    if not edition:
        return None
    return Stand.objects.filter(exhibitor_id=exhibitor_id, edition=edition).select_related("venue").first()
