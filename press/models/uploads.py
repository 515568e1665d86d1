"""Fact sheets the press office uploads as PDF, beside or instead of the generated ones."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.cache import public_content
from common.text import NormalizedTextModel
from common.validators import keep_pdf_name, validate_pdf
from exhibitors.models import Exhibitor, Product
from expo.models import Edition


@public_content
class FactSheetUpload(NormalizedTextModel):
    """An uploaded PDF for the expo, an exhibitor or an exhibit, in one language.

    With `replaces_generated` the download serves this file instead of the generated sheet;
    otherwise it is offered beside it, in the press centre.
    """

    class Language(models.TextChoices):
        VI = "vi", _("Vietnamese")
        EN = "en", _("English")

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("edition"))
    exhibitor = models.ForeignKey(
        Exhibitor, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("exhibitor")
    )
    product = models.ForeignKey(Product, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("exhibit"))
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("PDF file"), upload_to="press/factsheets/", validators=[validate_pdf], help_text=_("PDF, at most 20 MB.")
    )
    replaces_generated = models.BooleanField(
        _("replaces the generated fact sheet"),
        default=False,
        help_text=_("Served instead of the generated sheet; otherwise offered beside it."),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now=True)

    class Meta:
        verbose_name = _("uploaded fact sheet")
        verbose_name_plural = _("uploaded fact sheets")
        ordering = ["-uploaded_at"]
        constraints = [
            # Exactly one subject: the expo (an edition), an exhibitor or an exhibit.
            models.CheckConstraint(
                condition=(
                    Q(edition__isnull=False, exhibitor__isnull=True, product__isnull=True)
                    | Q(edition__isnull=True, exhibitor__isnull=False, product__isnull=True)
                    | Q(edition__isnull=True, exhibitor__isnull=True, product__isnull=False)
                ),
                name="factsheet_upload_has_one_subject",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        keep_pdf_name(self.file)
        super().save(*args, **kwargs)
