"""The two catalogues: exhibitors, and the published exhibits (products)."""

from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation

from exhibitors import selectors
from exhibitors.catalogue.base import BaseCatalogue, ordered
from exhibitors.models import Exhibitor, Product

# Long texts a list card never shows: not read from the database at all.
PRODUCT_LIST_DEFERRED = (
    "description", "description_vi", "description_en", "search_text",
    "exhibitor__description", "exhibitor__description_vi", "exhibitor__description_en",
    "exhibitor__search_text", "exhibitor__press_contact", "exhibitor__logo_renditions",
    "category__description", "category__description_vi", "category__description_en",
    "category__sector__description", "category__sector__description_vi", "category__sector__description_en",
)  # fmt: skip
EXHIBITOR_LIST_DEFERRED = ("description", "description_vi", "description_en", "search_text", "press_contact")


class ExhibitorCatalogue(BaseCatalogue):
    model = Exhibitor

    def base(self):
        return Exhibitor.objects.all()

    def side(self, index):
        return index.exhibitors

    # Each facet counted and the filters it ignores: a facet counts what the *others* leave.
    counted_facets = {"sector": {"sector"}, "category": {"category"}, "country": {"country"}, "hall": {"hall"}}

    def facet_rows(self, facts, counts):
        sectors, categories = counts["sector"], counts["category"]
        return {
            "sector": [(s.slug, s.name, sectors.get(s.pk, 0)) for s in facts.sectors],
            "category": [(c.slug, c.name, categories.get(c.pk, 0)) for c in facts.categories],
            "country": self.country_rows(counts),
            "hall": self.hall_rows(facts, counts),
        }

    def rows(self, queryset, columns=None):
        """The list's rows in its order: a card's columns and stand, or only `columns`."""
        if columns:
            queryset = queryset.only(*columns)
        else:
            queryset = queryset.defer(*EXHIBITOR_LIST_DEFERRED).annotate(**self.stand_annotations("pk"))
        return ordered(queryset, self.filters, "name", "country")


class ProductCatalogue(BaseCatalogue):
    model = Product

    def base(self):
        return Product.objects.published()

    def side(self, index):
        return index.products

    # The sectors' counts are their categories' (a sector and its category are one choice).
    counted_facets = {"category": {"sector", "category"}, "country": {"country"}, "hall": {"hall"}}

    def facet_rows(self, facts, all_counts):
        by_category = all_counts["category"]
        counts = [(c, by_category.get(c.pk, 0)) for c in facts.categories]
        sectors = {}
        for category, n in counts:
            slug, name, total = sectors.get(category.sector.slug, (category.sector.slug, category.sector.name, 0))
            sectors[category.sector.slug] = (slug, name, total + n)
        selected = self.filters.sector
        shown = [(c, n) for c, n in counts if c.sector.slug == selected] if selected else counts
        hidden = [(c.slug, c.name, 0) for c, _n in counts if c.slug == self.filters.category and (c, _n) not in shown]
        return {
            "sector": list(sectors.values()),
            "category": [(c.slug, c.name, n) for c, n in shown] + hidden,
            "country": self.country_rows(all_counts),
            "hall": self.hall_rows(facts, all_counts),
        }

    def rows(self, queryset, columns=None):
        """The list's rows in its order: a card's columns, stand and images, or only `columns`
        (with the maker's)."""
        language = translation.get_language() or "vi"
        name = F("name_vi")
        if language != "vi":
            name = Coalesce(NullIf(F(f"name_{language}"), Value("")), F("name_vi"), output_field=models.CharField())
        if columns:
            queryset = queryset.select_related("exhibitor").only(*columns).annotate(sort_name=name)
        else:
            queryset = (
                queryset.select_related("exhibitor", "category__sector")
                .defer(*PRODUCT_LIST_DEFERRED)
                .prefetch_related(selectors.ordered_images())
                .annotate(sort_name=name, **self.stand_annotations("exhibitor"))
            )
        return ordered(queryset, self.filters, "sort_name", "exhibitor__country")
