"""Proposals: an exhibitor's change to its profile or an exhibit, waiting for a content editor.

The public site reads the catalogue's own rows (`exhibitors`); a proposal holds what the
exhibitor wants them to become (`values`, only the fields that differ, by field and language)
and the files it uploaded, kept privately (`ProposalFile`) until an editor approves
(portal/proposal_services.py). One open proposal per object: a later edit updates it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.private_files import private_storage


class ProposalQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Proposal.Status.PENDING)

    def open_for(self, exhibitor, *, kind, product=None):
        """The exhibitor's open proposal for this object (its profile, or an exhibit), or None."""
        found = self.pending().filter(exhibitor=exhibitor, kind=kind)
        if kind == Proposal.Kind.EXHIBIT:
            found = found.filter(product=product)
        return found.first()


class Proposal(models.Model):
    class Kind(models.TextChoices):
        PROFILE = "profile", _("Profile")
        EXHIBIT = "exhibit", _("Exhibit")
        NEW_EXHIBIT = "new_exhibit", _("New exhibit")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    exhibitor = models.ForeignKey(
        "exhibitors.Exhibitor", on_delete=models.CASCADE, related_name="proposals", verbose_name=_("exhibitor")
    )
    product = models.ForeignKey(
        "exhibitors.Product",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("exhibit"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    # {"field": value} or {"field": {"vi": …, "en": …}} for translated fields: only what changes.
    values = models.JSONField(_("proposed values"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    reason = models.TextField(_("reason"), blank=True, help_text=_("Why it was rejected; sent to the exhibitor."))
    submitted_by = models.ForeignKey(
        "portal.Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposed change")
        verbose_name_plural = _("proposed changes")
        ordering = ["-submitted_at", "-pk"]
        permissions = [("review_proposal", _("Can approve or reject exhibitors' proposed changes"))]
        indexes = [models.Index(fields=["status", "-submitted_at"])]
        constraints = [
            # One open proposal per object: a later edit updates it (docs/portal.md, "Proposals").
            models.UniqueConstraint(
                fields=["exhibitor"], condition=Q(kind="profile", status="pending"), name="portal_one_open_profile"
            ),
            models.UniqueConstraint(
                fields=["product"], condition=Q(kind="exhibit", status="pending"), name="portal_one_open_exhibit"
            ),
            # A change names its exhibit, the profile none; a new exhibit gets its own once approved.
            models.CheckConstraint(
                condition=(~Q(kind="exhibit") | Q(product__isnull=False))
                & (~Q(kind="profile") | Q(product__isnull=True)),
                name="portal_proposal_names_its_exhibit",
            ),
        ]

    def __str__(self):
        return f"{self.exhibitor} · {self.subject()}"

    def subject(self):
        """What the proposal is about, as a reviewer reads it."""
        if self.kind == self.Kind.PROFILE:
            return str(_("Profile"))
        if self.kind == self.Kind.NEW_EXHIBIT:
            name = self.values.get("name") or {}
            return f"{_('New exhibit')}: {name.get('vi') or name.get('en') or ''}".strip()
        return str(self.product)

    @property
    def is_open(self):
        return self.status == self.Status.PENDING


def _pending_name(instance, filename):
    # Never the uploader's name: a random one, and the extension the file was found to be.
    return f"portal/proposals/{uuid.uuid4().hex}{filename[filename.rfind('.') :] if '.' in filename else ''}"


class ProposalFile(models.Model):
    """A file uploaded with a proposal: kept in private storage (no public URL) until approved."""

    class Field(models.TextChoices):
        LOGO = "logo", _("logo")
        IMAGE = "image", _("image")
        BROCHURE = "brochure", _("brochure (PDF)")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="files", verbose_name=_("proposal"))
    field = models.CharField(_("field"), max_length=10, choices=Field.choices)
    file = models.FileField(_("file"), storage=private_storage, upload_to=_pending_name)
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    alt_text_vi = models.CharField(_("alternative text (Vietnamese)"), max_length=250, blank=True)
    alt_text_en = models.CharField(_("alternative text (English)"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("proposed file")
        verbose_name_plural = _("proposed files")
        ordering = ["proposal", "field", "pk"]

    def __str__(self):
        return f"{self.get_field_display()} · {self.pk}"

    @property
    def is_image(self):
        return self.field in (self.Field.LOGO, self.Field.IMAGE)
