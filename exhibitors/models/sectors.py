"""Sectors and their categories: the tree the catalogue is browsed by."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from common.cache import public_content
from common.text import NormalizedTextModel

# What an exhibit's search column takes from its category (`Category.search_names`), for `only()`.
CATEGORY_NAMES = ("category__name_vi", "category__name_en", "category__sector__name_vi", "category__sector__name_en")


class SearchNamesMixin:
    """A sector's or category's names are words its exhibits are found by (each exhibit's search
    column carries them): a save that changes them rewrites those exhibits' columns."""

    search_name_fields = ("name_vi", "name_en")

    def save(self, *args, **kwargs):
        fields = self.search_name_fields
        saved = None if self._state.adding else type(self).objects.filter(pk=self.pk).values_list(*fields).first()
        super().save(*args, **kwargs)
        if saved is not None and saved != tuple(getattr(self, name) for name in fields):
            rows = list(self.exhibits().select_related("exhibitor", "category__sector"))
            for product in rows:
                product.refresh_search_text()
            if rows:
                rows[0]._meta.model.objects.bulk_update(rows, ["search_text"], batch_size=500)


@public_content
class Sector(SearchNamesMixin, NormalizedTextModel):
    """A top-level area of the display, e.g. “Naval”. Edited by content editors."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["order", "slug"]

    def __str__(self):
        return self.name

    def exhibits(self):
        # Product is reached through the relation: product.py imports this module.
        return Category.products.rel.related_model.objects.filter(category__sector=self)


@public_content
class Category(SearchNamesMixin, NormalizedTextModel):
    """A kind of exhibit within a sector, e.g. “Submarines”."""

    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, related_name="categories", verbose_name=_("sector"))
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["sector__order", "order", "slug"]

    def __str__(self):
        return self.name

    search_name_fields = ("name_vi", "name_en", "sector_id")

    def exhibits(self):
        return self.products.all()

    def search_names(self):
        """Its names and its sector's, in both languages: words its exhibits are found by."""
        return [self.name_vi, self.name_en, self.sector.name_vi, self.sector.name_en]
