"""Open-data API of the catalogue: /api/exhibitors and /api/exhibits, filters as on the pages.

Unlike the pages, the API is strict: an unknown filter value, a page past the end or an
over-long query is a 400 with a JSON explanation, so a partner's bug surfaces at once.
"""

from typing import Literal

from django.shortcuts import get_object_or_404
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view

from common.export_cache import cached_export
from exhibitors import presenters, selectors
from exhibitors.catalogue import (
    MAX_QUERY_LENGTH,
    MAX_VALUE_LENGTH,
    PER_PAGE,
    ExhibitorCatalogue,
    Filters,
    ProductCatalogue,
    clean,
)
from expo.api import Error, api, in_language_asked_for

router = Router(tags=["catalogue"])


class CatalogueQuery(Schema):
    sector: str = Field("", max_length=MAX_VALUE_LENGTH, description="Sector slug, e.g. `naval`.")
    category: str = Field("", max_length=MAX_VALUE_LENGTH, description="Category slug, e.g. `submarines`.")
    country: str = Field("", max_length=2, description="ISO 3166-1 alpha-2 code of the exhibitor, e.g. `VN`.")
    hall: str = Field("", max_length=MAX_VALUE_LENGTH, description="Slug of a hall or area of the current edition.")
    q: str = Field("", max_length=MAX_QUERY_LENGTH, description="Free text; accents and case are ignored.")
    sort: Literal["name", "country"] = "name"
    page: int = Field(1, ge=1, le=100_000)
    lang: Literal["vi", "en"] = "vi"


class Named(Schema):
    slug: str
    name: str


# The schemas read the rows the presenters give (exhibitors.presenters.present) in the language
# asked for (in_language_asked_for); links are absolute, from the request in their context.


def _absolute(context, path):
    return context["request"].build_absolute_uri(path)


class StandOut(Schema):
    code: str
    hall: str
    hall_code: str

    @staticmethod
    def resolve_hall(stand):
        return stand.venue.name

    @staticmethod
    def resolve_hall_code(stand):
        return stand.venue.code


class ImageOut(Schema):
    url: str
    width: int | None
    height: int | None
    alt: str
    caption: str

    @staticmethod
    def resolve_url(image, context):
        return _absolute(context, image.image.url)

    @staticmethod
    def resolve_width(image):
        return image.image_width

    @staticmethod
    def resolve_height(image):
        return image.image_height

    @staticmethod
    def resolve_alt(image):
        return image.alt_text


class ExhibitorOut(Schema):
    slug: str
    name: str
    country: str
    country_name: str
    url: str
    stand_code: str | None

    @staticmethod
    def resolve_country(exhibitor):
        return exhibitor.country.code

    @staticmethod
    def resolve_url(exhibitor, context):
        return _absolute(context, exhibitor.url)


class ExhibitorDetailOut(ExhibitorOut):
    description: str
    website: str
    press_contact: str
    logo: str | None
    sectors: list[Named]
    stand: StandOut | None

    @staticmethod
    def resolve_logo(exhibitor, context):
        return _absolute(context, exhibitor.logo.url) if exhibitor.logo else None

    @staticmethod
    def resolve_stand_code(exhibitor):
        return exhibitor.stand and exhibitor.stand.code


class ProductOut(Schema):
    slug: str
    name: str
    summary: str
    display_mode: str
    category: Named
    sector: Named
    exhibitor: Named
    country: str
    url: str
    stand_code: str | None
    image: ImageOut | None

    @staticmethod
    def resolve_sector(product):
        return product.category.sector

    @staticmethod
    def resolve_country(product):
        return product.exhibitor.country.code

    @staticmethod
    def resolve_url(product, context):
        return _absolute(context, product.url)

    @staticmethod
    def resolve_image(product):
        return product.first_image


class Specification(Schema):
    label: str
    value: str


class ProductDetailOut(ProductOut):
    description: str
    specifications: list[Specification]
    images: list[ImageOut]
    stand: StandOut | None

    @staticmethod
    def resolve_stand_code(product):
        return product.stand and product.stand.code


class ExhibitorPage(Schema):
    count: int
    page: int
    pages: int
    per_page: int
    results: list[ExhibitorOut]


class ProductPage(Schema):
    count: int
    page: int
    pages: int
    per_page: int
    results: list[ProductOut]


def _error(request, problems):
    return api.create_response(request, {"detail": problems}, status=400)


def _page(request, params, catalogue_class, kind):
    with translation.override(params.lang):
        filters = Filters(
            **{name: clean(getattr(params, name), MAX_QUERY_LENGTH) for name in ("sector", "category", "hall", "q")},
            country=params.country.upper(),
            sort=params.sort,
        )
        catalogue = catalogue_class(filters, edition=request.edition)
        catalogue.check()  # the API returns no facets: none are computed
        if catalogue.unknown:
            return _error(
                request,
                [
                    {"type": "unknown_value", "loc": ["query", name], "msg": f"No such {name}."}
                    for name, _value in catalogue.unknown
                ],
            )
        paginator = catalogue.paginator()
        if params.page > paginator.num_pages:
            msg = f"There are {paginator.num_pages} pages."
            return _error(request, [{"type": "out_of_range", "loc": ["query", "page"], "msg": msg}])
        page = paginator.page(params.page)
        return {
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "per_page": PER_PAGE,
            "results": presenters.present(list(page.object_list), kind),
        }


@router.get("/exhibitors", response={200: ExhibitorPage, 400: Error}, summary="Exhibitors, filtered and paginated")
@decorate_view(cached_export, in_language_asked_for)
def exhibitors(request, params: Query[CatalogueQuery]):
    return _page(request, params, ExhibitorCatalogue, "exhibitor")


@router.get("/exhibitors/{slug}", response={200: ExhibitorDetailOut, 404: Error}, summary="One exhibitor")
@decorate_view(cached_export, in_language_asked_for)
def exhibitor(request, slug: str, lang: Literal["vi", "en"] = "vi"):
    exhibitor = presenters.present([get_object_or_404(selectors.exhibitors_with_sectors(), slug=slug)], "exhibitor")[0]
    exhibitor.stand = selectors.stand_for(exhibitor.pk, request.edition)
    return exhibitor


@router.get("/exhibits", response={200: ProductPage, 400: Error}, summary="Published exhibits, filtered and paginated")
@decorate_view(cached_export, in_language_asked_for)
def exhibits(request, params: Query[CatalogueQuery]):
    return _page(request, params, ProductCatalogue, "exhibit")


@router.get("/exhibits/{slug}", response={200: ProductDetailOut, 404: Error}, summary="One published exhibit")
@decorate_view(cached_export, in_language_asked_for)
def exhibit(request, slug: str, lang: Literal["vi", "en"] = "vi"):
    product = presenters.present([get_object_or_404(selectors.published_exhibits(), slug=slug)], "exhibit")[0]
    product.stand = selectors.stand_for(product.exhibitor_id, request.edition)
    return product
