"""Reads of the catalogue shared by pages, the API, fact sheets and feeds.

Each query is written once here, so the exhibit page, its API twin and its fact sheet show the
same images in the same order and the same stand.
"""

from django.db.models import FilteredRelation, Prefetch, Q

from common import collation
from exhibitors.models import Exhibitor, Product, ProductImage, ProductSpecification, Stand

# What an exhibit's image needs on a page (its link, sizes, renditions, alt text and caption).
IMAGE_FIELDS = ("product_id", "image", "image_width", "image_height", "image_renditions", "alt_text", "caption")


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


def exhibit_page(edition):
    """Published exhibits with what their page shows, the maker's stand at `edition` and its
    hall (`stand_of(exhibit)`) in the same query; images and specifications make 3."""
    images = ProductImage.objects.order_by("order", "pk").only(*IMAGE_FIELDS)
    specifications = ProductSpecification.objects.order_by("order", "pk").only("product_id", "label", "value")
    queryset = (
        Product.objects.published()
        .select_related("exhibitor", "category__sector")
        # The long columns the page does not show (deferring every unshown one costs more CPU
        # to build the query than it saves).
        .defer("search_text", "exhibitor__description", "exhibitor__search_text")
        .prefetch_related(Prefetch("specifications", specifications), Prefetch("images", images))
    )
    return _with_stand(queryset, edition, "exhibitor__stands")


def exhibitors_with_sectors():
    return Exhibitor.objects.prefetch_related("sectors")


def exhibitor_page(edition):
    """Exhibitors with their sectors, and their stand at `edition` with its hall in the same query
    (`stand_of(exhibitor)`)."""
    return _with_stand(exhibitors_with_sectors().defer("search_text"), edition, "stands")


def _with_stand(queryset, edition, stands):
    """`queryset` with, through `stands`, the exhibitor's stand at `edition` and its hall."""
    if not edition:
        return queryset
    # One stand per exhibitor and edition (a unique constraint): the join adds no row.
    relation = FilteredRelation(stands, condition=Q(**{f"{stands}__edition_id": edition.pk}))
    return queryset.annotate(edition_stand=relation).select_related("edition_stand__venue")


def stand_of(row):
    """The stand that `exhibit_page` or `exhibitor_page` read with `row`, or None."""
    return getattr(row, "edition_stand", None)


def exhibits_of(exhibitor):
    """An exhibitor's published exhibits, by Vietnamese name, with their category and images:
    what their cards show and no more."""
    images = ProductImage.objects.order_by("order", "pk").only(*IMAGE_FIELDS)
    return (
        exhibitor.products.published()
        .select_related("category")
        .only("name", "slug", "summary", "exhibitor_id", "category__name")
        .prefetch_related(Prefetch("images", images))
        .order_by(collation.by_name("name_vi"), "pk")
    )


def stands_at(edition):
    """The stands at `edition`, each with its hall: where every answer to "this exhibitor's stand
    at this edition" comes from (none when there is no edition)."""
    if not edition:
        return Stand.objects.none()
    return Stand.objects.filter(edition=edition).select_related("venue")


def stand_for(exhibitor_id, edition):
    """The exhibitor's stand at `edition` with its hall, or None (also when there is no edition)."""
    if not edition:
        return None
    return stands_at(edition).filter(exhibitor_id=exhibitor_id).first()
