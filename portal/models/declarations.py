"""What an exhibitor declares about each exhibit before it reaches the airfield, and the dates by
which each part of the portal is due (docs/portal.md, "Declarations and deadlines")."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.private_files import private_storage
from common.text import NormalizedTextModel
from common.validators import keep_pdf_name, validate_pdf

NUMBER_NEEDED = _("Give the number of the export licence.")
REASON_NEEDED = _("Give the reason for the refusal: the exhibitor reads it.")


class DeclarationQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Declaration.Status.APPROVED)

    def at(self, edition):
        return self.filter(edition=edition)


class Declaration(NormalizedTextModel):
    """One exhibit at one edition: what it is, and the papers that back it. Reviewed by staff
    holding `portal.review_declaration`; until approved the exhibit is not published."""

    class Status(models.TextChoices):
        TO_REVIEW = "review", _("To review")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    class Condition(models.TextChoices):
        NOT_APPLICABLE = "none", _("Not a weapon, nothing energetic")
        LIVE = "live", _("Live")
        INERT = "inert", _("Inert (no energetic material)")
        DEACTIVATED = "deactivated", _("Deactivated")

    class ExportControl(models.TextChoices):
        NOT_CONTROLLED = "free", _("Not export-controlled")
        LICENCE_REQUIRED = "required", _("Licence required, not granted yet")
        LICENCE_GRANTED = "granted", _("Licence granted")

    product = models.ForeignKey(
        "exhibitors.Product", on_delete=models.CASCADE, related_name="declarations", verbose_name=_("exhibit")
    )
    edition = models.ForeignKey(
        "expo.Edition", on_delete=models.CASCADE, related_name="declarations", verbose_name=_("edition")
    )
    is_weapon = models.BooleanField(_("weapon"), default=False)
    has_energetic_material = models.BooleanField(
        _("ammunition or energetic material"),
        default=False,
        help_text=_("Ammunition, explosives, propellants, pyrotechnics, fuel for a demonstration."),
    )
    condition = models.CharField(
        _("condition"), max_length=12, choices=Condition.choices, default=Condition.NOT_APPLICABLE
    )
    export_control = models.CharField(
        _("export control"), max_length=10, choices=ExportControl.choices, default=ExportControl.NOT_CONTROLLED
    )
    licence_number = models.CharField(_("export licence number"), max_length=100, blank=True)
    deactivation_certificate = models.FileField(
        _("deactivation certificate (PDF)"),
        storage=private_storage,
        upload_to="declarations/",
        blank=True,
        validators=[validate_pdf],
    )
    export_licence = models.FileField(
        _("export licence (PDF)"),
        storage=private_storage,
        upload_to="declarations/",
        blank=True,
        validators=[validate_pdf],
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.TO_REVIEW)
    reason = models.TextField(_("reason"), blank=True, help_text=_("Told to the exhibitor when refused."))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now=True)

    objects = DeclarationQuerySet.as_manager()

    # The uploaded papers: PDFs parsed on upload (common.validators), kept private, served only
    # to the exhibitor's own contacts and to staff.
    DOCUMENTS = ("deactivation_certificate", "export_licence")

    class Meta:
        verbose_name = _("declaration")
        verbose_name_plural = _("declarations")
        ordering = ["edition", "product__exhibitor__name", "product__name", "pk"]
        permissions = [("review_declaration", _("Can approve or refuse exhibit declarations"))]
        constraints = [
            models.UniqueConstraint(fields=["product", "edition"], name="portal_one_declaration_per_exhibit"),
            models.CheckConstraint(
                condition=~Q(status="refused") | ~Q(reason=""),
                name="portal_declaration_refused_with_reason",
                violation_error_message=REASON_NEEDED,
            ),
            models.CheckConstraint(
                condition=~Q(export_control="granted") | ~Q(licence_number=""),
                name="portal_declaration_licence_numbered",
                violation_error_message=NUMBER_NEEDED,
            ),
        ]
        indexes = [models.Index(fields=["edition", "status"])]

    def __str__(self):
        return f"{self.product} · {self.edition}"

    def is_hazardous(self):
        return self.is_weapon or self.has_energetic_material

    def problems(self):
        """{field: message} for what the declaration contradicts or leaves out; the form and the
        admin both show them (one definition)."""
        found = {}
        if self.is_hazardous() and self.condition == self.Condition.NOT_APPLICABLE:
            found["condition"] = _("Say whether this weapon or energetic material is live, inert or deactivated.")
        if not self.is_hazardous() and self.condition != self.Condition.NOT_APPLICABLE:
            found["condition"] = _("Only a weapon or an exhibit with energetic material is live, inert or deactivated.")
        if self.condition == self.Condition.DEACTIVATED and not self.deactivation_certificate:
            found["deactivation_certificate"] = _("A deactivated weapon needs its deactivation certificate.")
        if self.export_control == self.ExportControl.LICENCE_GRANTED:
            if not self.licence_number.strip():
                found["licence_number"] = NUMBER_NEEDED
            if not self.export_licence:
                found["export_licence"] = _("Upload the export licence.")
        if self.status == self.Status.REFUSED and not self.reason.strip():
            found["reason"] = REASON_NEEDED
        return found

    def save(self, *args, **kwargs):
        for name in self.DOCUMENTS:
            keep_pdf_name(getattr(self, name))
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        problems = self.problems()
        if problems:
            raise ValidationError(problems)


class PortalDeadlines(models.Model):
    """The dates by which each part of the portal is due at an edition (end of the day, at the venue)."""

    AREAS = ("profile", "exhibits", "team", "declarations")

    edition = models.OneToOneField(
        "expo.Edition", on_delete=models.CASCADE, related_name="portal_deadlines", verbose_name=_("edition")
    )
    profile = models.DateField(_("company profile"), null=True, blank=True)
    exhibits = models.DateField(_("exhibits"), null=True, blank=True)
    team = models.DateField(_("stand team"), null=True, blank=True)
    declarations = models.DateField(_("declarations"), null=True, blank=True)

    class Meta:
        verbose_name = _("portal deadlines")
        verbose_name_plural = _("portal deadlines")
        ordering = ["-edition__start_date"]

    def __str__(self):
        return str(self.edition)
