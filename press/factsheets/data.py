"""What each fact sheet says, as plain data read from the catalogue in one language.

A sheet's PDF is a pure function of this data (and the templates' version), so the hash of
the data names the stored file: any edit that changes what the sheet would say — the
exhibitor, its stand, sectors, exhibits, an exhibit's images or specifications — gives a
new name, and the next download renders afresh. Everything is a str, int or list of them,
so a sheet can be hashed and handed to a worker process as is.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django_countries import countries

from exhibitors import selectors
from exhibitors.models import Product, Sector
from expo.facts import edition_facts
from expo.templatetags.expo_tags import date_range

_UNKNOWN = object()
# Bump when a fact-sheet template changes, so every stored sheet is rendered again.
TEMPLATE_VERSION = "4"


@dataclass
class Sheet:
    kind: str  # "expo", "exhibitor" or "exhibit"
    slug: str
    language: str
    data: dict = field(default_factory=dict)

    @property
    def fingerprint(self):
        payload = json.dumps([TEMPLATE_VERSION, self.kind, self.language, self.data], sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    @property
    def folder(self):
        return f"factsheets/{self.kind}/{self.slug}"

    @property
    def storage_name(self):
        return f"{self.folder}/{self.slug}-{self.language}-{self.fingerprint}.pdf"

    @property
    def filename(self):
        """ASCII-only download name, whatever the slug holds."""
        return f"{slugify(self.slug) or self.kind}-{self.language}-factsheet.pdf"


def site_url(request=None):
    if settings.EXPO_SITE_URL:
        return settings.EXPO_SITE_URL
    if request is not None:
        return request.build_absolute_uri("/").removesuffix("/")
    return "http://localhost:8000"


def _media_url(name):
    # The PDF fetcher serves /media/… from the default storage, whichever backend it is.
    return f"{settings.MEDIA_URL}{name}" if name else ""


def _country(code):
    return str(countries.name(code)) if code else ""


def _stand_text(stand):
    return f"{stand.code} · {stand.venue.name}" if stand else ""


def expo_sheet(edition, language, *, base_url=None):
    with translation.override(language):
        facts = edition_facts(edition, language)
        figures = {
            "announced": [[f.value, f.label, f.as_of_text] for f in facts["announced"]],
            "counted": [[f.value, f.label] for f in facts["counted"]],
            "counted_on": facts["counted_on"],
        }
        data = {
            "name": edition.name,
            "acronym": edition.acronym,
            "ordinal": edition.ordinal,
            "theme": edition.theme,
            "description": edition.description,
            "organiser": edition.organiser,
            "dates": date_range(edition.start_date, edition.end_date),
            "venue": ", ".join(part for part in (edition.venue_name, edition.city) if part),
            "sectors": [sector.name for sector in Sector.objects.order_by("order", "slug")],
            "figures": figures,
            "page_url": (base_url or site_url()) + reverse("expo:home"),
            "is_demo": edition.is_demo,
        }
    return Sheet("expo", edition.slug, language, data)


def _exhibitor_data(exhibitor, stand, products, edition, base_url):
    return {
        "name": exhibitor.name,
        "country": _country(exhibitor.country.code),
        "description": exhibitor.description,
        "website": exhibitor.website,
        "press_contact": exhibitor.press_contact,
        "logo": _logo(exhibitor),
        "stand": _stand_text(stand),
        "sectors": [sector.name for sector in exhibitor.sectors.all()],
        "exhibits": [[p.name, p.category.name, p.summary] for p in products],
        "page_url": (base_url or site_url()) + exhibitor.get_absolute_url(),
        "edition": edition.acronym if edition else "",
        "is_demo": bool(edition and edition.is_demo),
    }


def exhibitor_sheet(exhibitor, language, *, edition, base_url=None):
    """The sheet of one exhibitor (4 queries)."""
    with translation.override(language):
        stand = selectors.stand_for(exhibitor.pk, edition)
        products = exhibitor.products.published().select_related("category").order_by("name_vi", "pk")
        data = _exhibitor_data(exhibitor, stand, products, edition, base_url)
    return Sheet("exhibitor", exhibitor.slug, language, data)


def exhibitor_sheets(edition, language, *, base_url=None):
    """Every exhibitor with a stand at `edition`, in a handful of queries whatever their number."""
    published = Product.objects.published().select_related("category").order_by("name_vi", "pk")
    stands = (
        selectors.stands_at(edition)
        .select_related("exhibitor")
        .prefetch_related("exhibitor__sectors", Prefetch("exhibitor__products", queryset=published))
        .order_by("exhibitor__slug")
    )
    with translation.override(language):
        for stand in stands.iterator(chunk_size=500):
            exhibitor = stand.exhibitor
            data = _exhibitor_data(exhibitor, stand, exhibitor.products.all(), edition, base_url)
            yield Sheet("exhibitor", exhibitor.slug, language, data)


def exhibit_sheet(product, language, *, edition, base_url, stand=_UNKNOWN):
    """The sheet of one published exhibit: images, specifications, maker, stand, QR code."""
    with translation.override(language):
        if stand is _UNKNOWN:
            stand = selectors.stand_for(product.exhibitor_id, edition)
        images = [
            {"src": _media_url(_rendition(image, 1280)), "alt": image.alt_text, "caption": image.caption}
            for image in list(product.images.all())[:3]
        ]
        data = {
            "name": product.name,
            "summary": product.summary,
            "description": product.description,
            "category": product.category.name,
            "sector": product.category.sector.name,
            "display_mode": str(product.get_display_mode_display()),
            "exhibitor": product.exhibitor.name,
            "country": _country(product.exhibitor.country.code),
            "stand": _stand_text(stand),
            "specifications": [[spec.label, spec.value] for spec in product.specifications.all()],
            "images": images,
            "page_url": base_url + product.get_absolute_url(),
            "edition": edition.acronym if edition else "",
            "is_demo": bool(edition and edition.is_demo),
        }
    return Sheet("exhibit", product.slug, language, data)


def exhibit_sheets(edition, language, *, base_url=None):
    """Every published exhibit of the exhibitors with a stand at `edition` (for the press kit)."""
    stands = {stand.exhibitor_id: stand for stand in selectors.stands_at(edition)}
    products = exhibit_queryset().filter(exhibitor_id__in=list(stands)).order_by("exhibitor__slug", "slug")
    for product in products.iterator(chunk_size=500):
        yield exhibit_sheet(
            product, language, edition=edition, base_url=base_url or site_url(), stand=stands[product.exhibitor_id]
        )


def _rendition(image, width):
    """The stored name of the largest version of `image` at most `width` pixels wide."""
    fitting = [r for r in image.image_renditions or () if r["width"] <= width]
    if (image.image_width or 0) <= width or not fitting:
        return image.image.name
    return fitting[-1]["name"]


def _logo(exhibitor):
    if not exhibitor.logo:
        return ""
    for rendition in exhibitor.logo_renditions or ():
        if rendition["width"] >= 160:
            return _media_url(rendition["name"])
    return _media_url(exhibitor.logo.name)


def exhibit_queryset():
    return selectors.published_exhibits()
