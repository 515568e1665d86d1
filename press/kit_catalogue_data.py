"""What the press kit's catalogue says, read in a few flat queries whatever the catalogue's size.

The same facts as the fact sheets (press/factsheets/data.py: names, country, stand, sectors,
category, how it is shown, specifications, the first photo, the page's address), in the same
language with the same fallback, but read as plain rows: at the design scale (2,500 exhibitors,
15,000 exhibits, 60,000 specifications) building model instances and per-row querysets took
most of a minute per language, and the kit reads them at every build to know what changed.
"""

from django.urls import reverse
from django.utils import translation

from common.text import translated
from exhibitors import selectors
from exhibitors.models import Category, Exhibitor, Product, ProductImage, ProductSpecification, Sector
from press.factsheets import site_url
from press.factsheets.data import _country, _media_url, _stand_text

PHOTO_WIDTH = 640  # px: the catalogue prints a photo 38 mm wide (about 400 px at 270 dpi)


class Row(dict):
    """A row of `.values()` that `common.text.translated` reads like a model."""

    __getattr__ = dict.get


def _url(base_url, name):
    # One reverse() per language, then the slug put in: 15,000 reverses cost seconds.
    marker = "__slug__"
    pattern = base_url + reverse(name, kwargs={"slug": marker})
    return lambda slug: pattern.replace(marker, slug)


def _rendition(row, width):
    fitting = [r for r in row["image_renditions"] or () if r["width"] <= width]
    if (row["image_width"] or 0) <= width or not fitting:
        return row["image"]
    return fitting[-1]["name"]


def _first_photos(products, language):
    photos = {}
    rows = (
        ProductImage.objects.filter(product__in=products)
        .order_by("product_id", "order", "pk")
        .values("product_id", "image", "image_width", "image_renditions", "alt_text_vi", "alt_text_en")
    )
    for row in rows:
        if row["product_id"] not in photos:
            row = Row(row)
            src = _media_url(_rendition(row, PHOTO_WIDTH))
            photos[row["product_id"]] = [{"src": src, "alt": translated(row, "alt_text", language)}]
    return photos


def _specifications(products, language):
    specifications = {}
    rows = (
        ProductSpecification.objects.filter(product__in=products)
        .order_by("product_id", "order", "pk")
        .values("product_id", "label_vi", "label_en", "value")
    )
    for row in rows:
        specifications.setdefault(row["product_id"], []).append([translated(Row(row), "label", language), row["value"]])
    return specifications


def _exhibits(edition, exhibitor_ids, language, base_url, stand_texts):
    products = Product.objects.published().filter(exhibitor_id__in=exhibitor_ids)
    categories = {
        category.pk: (category.name, category.sector.name) for category in Category.objects.select_related("sector")
    }
    modes = dict(Product.DisplayMode.choices)
    url = _url(base_url, "exhibitors:product_detail")
    photos, specifications = _first_photos(products, language), _specifications(products, language)
    names = dict(Exhibitor.objects.filter(pk__in=exhibitor_ids).values_list("pk", "name"))
    grouped = {}
    columns = ["pk", "slug", "exhibitor_id", "category_id", "display_mode"]
    for field in ("name", "summary", "description"):
        columns += [f"{field}_vi", f"{field}_en"]
    for row in products.order_by("exhibitor_id", "slug").values(*columns):
        row = Row(row)
        category, sector = categories[row["category_id"]]
        grouped.setdefault(row["exhibitor_id"], []).append(
            {
                "name": translated(row, "name", language),
                "summary": translated(row, "summary", language),
                "description": translated(row, "description", language),
                "category": category,
                "sector": sector,
                "display_mode": str(modes[row["display_mode"]]),
                "exhibitor": names[row["exhibitor_id"]],
                "stand": stand_texts[row["exhibitor_id"]],
                "specifications": specifications.get(row["pk"], []),
                "images": photos.get(row["pk"], []),
                "page_url": url(row["slug"]),
            }
        )
    return grouped


def _sectors(exhibitor_ids):
    names = {sector.pk: sector.name for sector in Sector.objects.all()}
    order = list(names)
    through = Exhibitor.sectors.through.objects.filter(exhibitor_id__in=exhibitor_ids)
    sectors = {}
    for exhibitor_id, sector_id in through.values_list("exhibitor_id", "sector_id"):
        sectors.setdefault(exhibitor_id, []).append(sector_id)
    return {key: [names[pk] for pk in sorted(ids, key=order.index)] for key, ids in sectors.items()}


def catalogue_groups(edition, language, *, base_url=None):
    """(slug, exhibitor's data with its exhibits under "items") for every exhibitor with a stand at
    `edition`, in the order of their slugs, exhibits in the order of theirs: eight queries."""
    base_url = base_url or site_url()
    with translation.override(language):
        stands = {stand.exhibitor_id: _stand_text(stand) for stand in selectors.stands_at(edition)}
        exhibitor_ids = list(stands)
        exhibits = _exhibits(edition, exhibitor_ids, language, base_url, stands)
        sectors = _sectors(exhibitor_ids)
        url = _url(base_url, "exhibitors:exhibitor_detail")
        columns = ["pk", "slug", "name", "description_vi", "description_en", "country"]
        columns += ["website", "press_contact", "logo", "logo_width", "logo_renditions"]
        rows = Exhibitor.objects.filter(pk__in=exhibitor_ids).order_by("slug").values(*columns)
        for row in rows:
            row = Row(row)
            yield (
                row["slug"],
                {
                    "name": row["name"],
                    "country": _country(row["country"]),
                    "description": translated(row, "description", language),
                    "website": row["website"],
                    "press_contact": row["press_contact"],
                    "logo": _logo(row),
                    "stand": stands[row["pk"]],
                    "sectors": sectors.get(row["pk"], []),
                    "page_url": url(row["slug"]),
                    "items": exhibits.get(row["pk"], []),
                },
            )


def _logo(row):
    if not row["logo"]:
        return ""
    for rendition in row["logo_renditions"] or ():
        if rendition["width"] >= 160:
            return _media_url(rendition["name"])
    return _media_url(row["logo"])
