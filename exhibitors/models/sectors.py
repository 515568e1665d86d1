"""Sectors and their categories: the tree the catalogue is browsed by."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from common.cache import public_content
from common.text import NormalizedTextModel


@public_content
class Sector(NormalizedTextModel):
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


@public_content
class Category(NormalizedTextModel):
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
