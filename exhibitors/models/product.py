"""Exhibits (products) with their ordered specifications and images."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common import images
from common.cache import public_content
from common.publication import held_back
from common.text import NormalizedTextModel, matching, search_text, search_words
from common.validators import keep_pdf_name, validate_pdf, validate_video_url
from exhibitors.models.exhibitor import Exhibitor
from exhibitors.models.sectors import Category


class ProductQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def search(self, query):
        """Accent-insensitive, at word starts: each word in the exhibit's text or its exhibitor's,
        both in the exhibit's own search column (one trigram index serves it)."""
        return self.filter(matching(search_words(query), "search_text"))


@public_content
class Product(NormalizedTextModel):
    class DisplayMode(models.TextChoices):
        STATIC = "static", _("Static display")
        FLYING = "flying", _("Flying display")
        GROUND = "ground", _("Ground demonstration")

    exhibitor = models.ForeignKey(
        Exhibitor, on_delete=models.CASCADE, related_name="products", verbose_name=_("exhibitor")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="products", verbose_name=_("category")
    )
    summary = models.CharField(_("summary"), max_length=300, blank=True, help_text=_("One or two sentences."))
    description = models.TextField(_("description"), blank=True)
    display_mode = models.CharField(
        _("how it is shown"), max_length=10, choices=DisplayMode.choices, default=DisplayMode.STATIC
    )
    brochure = models.FileField(
        _("brochure (PDF)"),
        upload_to="catalogue/brochures/",
        blank=True,
        validators=[validate_pdf],
        help_text=_("PDF, at most 20 MB."),
    )
    video_url = models.URLField(
        _("video link"),
        blank=True,
        validators=[validate_video_url],
        help_text=_("A YouTube or Vimeo address."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    # Folded names and summaries in both languages, then the exhibitor's search text (kept in step
    # by Exhibitor.save), so a search reads one column.
    search_text = models.TextField(editable=False, default="")

    objects = ProductQuerySet.as_manager()

    class Meta:
        verbose_name = _("exhibit")
        verbose_name_plural = _("exhibits")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["is_published", "category"]),
            models.Index(fields=["exhibitor", "is_published"]),
            # The catalogue's default order: the first page is read off the index, no sort.
            models.Index(
                fields=["name_vi", "id"], condition=models.Q(is_published=True), name="product_published_name"
            ),
            # The same in English, where a missing English name falls back to the Vietnamese one
            # (the expression is exhibitors.catalogue.ProductCatalogue.rows's sort key).
            models.Index(
                Coalesce(NullIf("name_en", Value("")), "name_vi"),
                "id",
                condition=models.Q(is_published=True),
                name="product_published_name_en",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # Only on the way to publication: an exhibit published before its maker entered the portal
        # stays editable (docs/portal.md, "Declarations and deadlines").
        if self.is_published and not self._was_published():
            for _product, reasons in held_back([self]):
                raise ValidationError({"is_published": [str(reason) for reason in reasons]})

    def _was_published(self):
        return bool(self.pk) and Product.objects.filter(pk=self.pk, is_published=True).exists()

    def save(self, *args, **kwargs):
        keep_pdf_name(self.brochure)
        self.refresh_search_text()
        super().save(*args, **kwargs)

    def refresh_search_text(self):
        """Keep the folded search column in step (save() calls it; bulk loaders call it too)."""
        parts = [self.name_vi, self.name_en, self.summary_vi, self.summary_en, self.slug.replace("-", " ")]
        # The site's own words for it too: "tên lửa phòng không" finds every exhibit of that category.
        kind = self.category.search_names() if self.category_id else []
        maker = self.exhibitor.search_text if self.exhibitor_id else ""
        self.search_text = search_text(*parts, *kind) + maker

    def get_absolute_url(self):
        return reverse("exhibitors:product_detail", kwargs={"slug": self.slug})


@public_content
class ProductSpecification(NormalizedTextModel):
    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="specifications", verbose_name=_("exhibit")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    label = models.CharField(_("label"), max_length=120, help_text=_("e.g. Range, Crew, Top speed."))
    value = models.CharField(_("value"), max_length=200, help_text=_("e.g. 40 km, 3, 70 km/h."))

    class Meta:
        verbose_name = _("specification")
        verbose_name_plural = _("specifications")
        ordering = ["product", "order", "pk"]

    def __str__(self):
        return f"{self.label}: {self.value}"


@public_content
class ProductImage(NormalizedTextModel):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="images", verbose_name=_("exhibit"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    image = images.SafeImageField(
        _("image"), upload_to="catalogue/products/", help_text=_("JPEG, PNG or WebP; at most 10 MB and 40 megapixels.")
    )
    image_width = models.PositiveIntegerField(editable=False, null=True)
    image_height = models.PositiveIntegerField(editable=False, null=True)
    image_renditions = models.JSONField(editable=False, default=list, blank=True)
    alt_text = models.CharField(
        _("alternative text"), max_length=250, help_text=_("What the image shows, for readers who cannot see it.")
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["product", "order", "pk"]

    def __str__(self):
        return self.alt_text or self.image.name

    def clean(self):
        stale = images.stale_alt_text(self, "image", "alt_text")
        if stale:
            raise ValidationError(dict.fromkeys(stale, images.STALE_ALT_TEXT))

    def save(self, *args, **kwargs):
        images.keep_in_step(self, "image", folder="catalogue/products")
        super().save(*args, **kwargs)

    def srcset(self):
        return images.srcset(self.image, self.image_width, self.image_renditions)

    def thumbnail(self):
        """(url, width, height) of the small version for cards and the admin."""
        return images.smallest(self.image, self.image_width, self.image_height, self.image_renditions)
