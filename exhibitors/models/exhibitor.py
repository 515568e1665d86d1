"""Exhibitors and their stands, one stand per exhibitor per edition."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField

from common import images
from common.cache import public_content
from common.text import NormalizedTextModel, matching, search_text, search_words
from exhibitors.models.sectors import CATEGORY_NAMES, Sector
from expo.models import Edition, Venue


class ExhibitorQuerySet(models.QuerySet):
    def search(self, query):
        return self.filter(matching(search_words(query), "search_text"))


@public_content
class Exhibitor(NormalizedTextModel):
    name = models.CharField(_("company name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    country = CountryField(_("country"))
    logo = images.SafeImageField(_("logo"), upload_to="catalogue/logos/", blank=True)
    logo_width = models.PositiveIntegerField(editable=False, null=True)
    logo_height = models.PositiveIntegerField(editable=False, null=True)
    logo_renditions = models.JSONField(editable=False, default=list, blank=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    press_contact = models.CharField(
        _("press contact"),
        max_length=300,
        blank=True,
        help_text=_("The exhibitor's public press office (name, e-mail, phone), shown to visitors and the press."),
    )
    visitor_contact = models.CharField(
        _("contact for visitors"),
        max_length=300,
        blank=True,
        help_text=_("Whom visitors and buyers may contact (name, e-mail, phone), shown on the exhibitor's page."),
    )
    sectors = models.ManyToManyField(Sector, related_name="exhibitors", verbose_name=_("sectors"), blank=True)
    # Folded name and country names (both languages), so "viet nam" and "DUONG" match.
    search_text = models.TextField(editable=False, default="")

    objects = ExhibitorQuerySet.as_manager()

    class Meta:
        verbose_name = _("exhibitor")
        verbose_name_plural = _("exhibitors")
        ordering = ["name"]
        indexes = [models.Index(fields=["country", "name"]), models.Index(fields=["name", "id"])]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        images.keep_in_step(self, "logo", folder="catalogue/logos")
        before = self.search_text
        self.refresh_search_text()
        adding = self._state.adding
        super().save(*args, **kwargs)
        if not adding and before != self.search_text:
            # Each exhibit's search column carries its maker's words (one indexed column to search).
            products = list(
                self.products.select_related("category__sector").only(
                    "pk", "slug", "name_vi", "name_en", "summary_vi", "summary_en", *CATEGORY_NAMES
                )
            )
            for product in products:
                product.exhibitor = self
                product.refresh_search_text()

            self.products.model.objects.bulk_update(products, ["search_text"], batch_size=500)

    def refresh_search_text(self):
        """Keep the folded search column in step (save() calls it; bulk loaders call it too)."""
        self.search_text = search_text(self.name, self.slug.replace("-", " "), *self._country_names())

    def _country_names(self):
        if not self.country:
            return []
        names = []
        for language in ("vi", "en"):
            with translation.override(language):
                names.append(str(countries.name(self.country.code)))
        return names

    def get_absolute_url(self):
        return reverse("exhibitors:exhibitor_detail", kwargs={"slug": self.slug})

    def logo_srcset(self):
        return images.srcset(self.logo, self.logo_width, self.logo_renditions)

    def logo_small(self):
        return images.smallest(self.logo, self.logo_width, self.logo_height, self.logo_renditions, at_least=160)


@public_content
class Stand(NormalizedTextModel):
    """Where an exhibitor shows at one edition: a venue (hall, static display…) and a code."""

    exhibitor = models.ForeignKey(
        Exhibitor, on_delete=models.CASCADE, related_name="stands", verbose_name=_("exhibitor")
    )
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="stands", verbose_name=_("edition"))
    venue = models.ForeignKey(Venue, on_delete=models.PROTECT, related_name="stands", verbose_name=_("hall or area"))
    code = models.CharField(_("stand code"), max_length=20, help_text=_("As on the site map, e.g. A-12."))

    class Meta:
        verbose_name = _("stand")
        verbose_name_plural = _("stands")
        ordering = ["edition", "venue__order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "venue", "code"], name="stand_code_unique_per_venue_and_edition"
            ),
            models.UniqueConstraint(fields=["edition", "exhibitor"], name="one_stand_per_exhibitor_and_edition"),
        ]

    def __str__(self):
        return f"{self.venue.code or self.venue.name} · {self.code}"

    def clean(self):
        if self.venue_id and self.edition_id and self.venue.edition_id != self.edition_id:
            raise ValidationError({"venue": _("Choose a hall or area of this stand's edition.")})
