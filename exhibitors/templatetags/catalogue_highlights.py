"""Highlights of the catalogue for the home page: one published exhibit with a photo per sector.

A template tag, so the expo app's home page shows them without importing this app.
"""

from django import template
from django.db.models import Prefetch

from common.cache import remember
from exhibitors.models import Product, ProductImage

register = template.Library()


def _chosen(limit):
    """The primary keys of the highlights: the same for every visitor until the next edit."""
    rows = (
        Product.objects.published()
        .filter(images__isnull=False)
        .order_by("category__sector__order", "category__order", "slug")
        .values_list("pk", "category__sector_id")
        .distinct()[:500]
    )
    chosen, sectors = [], set()
    for pk, sector in rows:
        if sector not in sectors:
            sectors.add(sector)
            chosen.append(pk)
        if len(chosen) == limit:
            break
    return chosen


def highlights(limit=4):
    """Up to `limit` published exhibits with an image, one per sector in sector order (3 queries;
    2 while the choice is in the shared fragment cache)."""
    chosen = remember(f"catalogue:highlights:{limit}", lambda: _chosen(limit))
    products = (
        Product.objects.filter(pk__in=chosen)
        .select_related("exhibitor", "category__sector")
        .prefetch_related(Prefetch("images", queryset=ProductImage.objects.order_by("order", "pk")))
    )
    by_pk = {product.pk: product for product in products}
    return [by_pk[pk] for pk in chosen if pk in by_pk]


@register.inclusion_tag("exhibitors/includes/highlights.html")
def exhibit_highlights(limit=4):
    return {"products": highlights(limit)}
