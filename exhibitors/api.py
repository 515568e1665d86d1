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
from expo.api import Error, api

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


class StandOut(Schema):
    code: str
    hall: str
    hall_code: str


class ImageOut(Schema):
    url: str
    width: int | None
    height: int | None
    alt: str
    caption: str


class ExhibitorOut(Schema):
    slug: str
    name: str
    country: str
    country_name: str
    url: str
    stand_code: str | None


class ExhibitorDetailOut(ExhibitorOut):
    description: str
    website: str
    press_contact: str
    logo: str | None
    sectors: list[Named]
    stand: StandOut | None


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


class Specification(Schema):
    label: str
    value: str


class ProductDetailOut(ProductOut):
    description: str
    specifications: list[Specification]
    images: list[ImageOut]
    stand: StandOut | None


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


def _page(request, params, catalogue_class, kind, serialize):
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
            "results": [serialize(request, row) for row in presenters.present(list(page.object_list), kind)],
        }


def _image(request, image):
    if image is None:
        return None
    return {
        "url": request.build_absolute_uri(image.image.url),
        "width": image.image_width,
        "height": image.image_height,
        "alt": image.alt_text,
        "caption": image.caption,
    }


def _stand(request, exhibitor_id):
    stand = selectors.stand_for(exhibitor_id, request.edition)
    if not stand:
        return None
    return {"code": stand.code, "hall": stand.venue.name, "hall_code": stand.venue.code}


def _exhibitor(request, exhibitor):
    return {
        "slug": exhibitor.slug,
        "name": exhibitor.name,
        "country": exhibitor.country.code,
        "country_name": exhibitor.country_name,
        "url": request.build_absolute_uri(exhibitor.url),
        "stand_code": exhibitor.stand_code,
    }


def _product(request, product):
    return {
        "slug": product.slug,
        "name": product.name,
        "summary": product.summary,
        "display_mode": product.display_mode,
        "category": {"slug": product.category.slug, "name": product.category.name},
        "sector": {"slug": product.category.sector.slug, "name": product.category.sector.name},
        "exhibitor": {"slug": product.exhibitor.slug, "name": product.exhibitor.name},
        "country": product.exhibitor.country.code,
        "url": request.build_absolute_uri(product.url),
        "stand_code": product.stand_code,
        "image": _image(request, product.first_image),
    }


@router.get("/exhibitors", response={200: ExhibitorPage, 400: Error}, summary="Exhibitors, filtered and paginated")
@decorate_view(cached_export)
def exhibitors(request, params: Query[CatalogueQuery]):
    return _page(request, params, ExhibitorCatalogue, "exhibitor", _exhibitor)


@router.get("/exhibitors/{slug}", response={200: ExhibitorDetailOut, 404: Error}, summary="One exhibitor")
@decorate_view(cached_export)
def exhibitor(request, slug: str, lang: Literal["vi", "en"] = "vi"):
    with translation.override(lang):
        obj = presenters.present([get_object_or_404(selectors.exhibitors_with_sectors(), slug=slug)], "exhibitor")[0]
        stand = _stand(request, obj.pk)
        return {
            **_exhibitor(request, obj),
            "stand_code": stand and stand["code"],
            "description": obj.description,
            "website": obj.website,
            "press_contact": obj.press_contact,
            "logo": request.build_absolute_uri(obj.logo.url) if obj.logo else None,
            "sectors": [{"slug": s.slug, "name": s.name} for s in obj.sectors.all()],
            "stand": stand,
        }


@router.get("/exhibits", response={200: ProductPage, 400: Error}, summary="Published exhibits, filtered and paginated")
@decorate_view(cached_export)
def exhibits(request, params: Query[CatalogueQuery]):
    return _page(request, params, ProductCatalogue, "exhibit", _product)


@router.get("/exhibits/{slug}", response={200: ProductDetailOut, 404: Error}, summary="One published exhibit")
@decorate_view(cached_export)
def exhibit(request, slug: str, lang: Literal["vi", "en"] = "vi"):
    with translation.override(lang):
        product = presenters.present([get_object_or_404(selectors.published_exhibits(), slug=slug)], "exhibit")[0]
        stand = _stand(request, product.exhibitor_id)
        return {
            **_product(request, product),
            "stand_code": stand and stand["code"],
            "description": product.description,
            "specifications": [{"label": s.label, "value": s.value} for s in product.specifications.all()],
            "images": [_image(request, image) for image in product.images.all()],
            "stand": stand,
        }
