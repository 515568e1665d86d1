"""Media accreditation: journalists' applications, vetted by the press office.

Personal data: visible only to the Press office group in the admin; the badge photo lives in
private storage, never under the public media URL.
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from common.private_files import private_storage  # named by the migrations
from common.text import NormalizedTextModel
from expo.models import Edition

# How long applications are kept after their edition ends; the consent statement promises it and
# `press.services.delete_expired_applications` keeps the promise.
RETENTION = datetime.timedelta(days=180)


def kept_until(edition):
    """The moment an edition's applications are deleted."""
    return edition.ends_at() + RETENTION


# No 0/O or 1/I: the press office may type a reference read off a badge.
_REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def new_status_key():
    """The private status link's key: 256 random bits, kept on the row; it carries nothing readable."""
    return secrets.token_urlsafe(32)


def new_reference():
    """A random badge reference (e.g. PB-7K3M-Q9XD): it says nothing and opens nothing by itself."""
    code = "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(8))
    return f"PB-{code[:4]}-{code[4:]}"


class MediaAccreditation(NormalizedTextModel):
    # How to reach a journalist, and their card: for the press office (press.view_sensitive),
    # masked for any other staff (common.sensitive). Name and outlet are printed on the badge.
    SENSITIVE_FIELDS = ("email", "phone", "press_card_number")
    SENSITIVE_PERMISSION = "press.view_sensitive"

    class Role(models.TextChoices):
        REPORTER = "reporter", _("Reporter")
        PHOTOGRAPHER = "photographer", _("Photographer")
        CAMERA = "camera", _("Camera operator")
        EDITOR = "editor", _("Editor")
        TECHNICIAN = "technician", _("Technician")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="accreditations", verbose_name=_("edition")
    )
    name = models.CharField(_("full name"), max_length=150)
    outlet = models.CharField(_("media outlet"), max_length=200)
    country = CountryField(_("country"))
    role = models.CharField(_("role"), max_length=15, choices=Role.choices)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40)
    press_card_number = models.CharField(_("press card number"), max_length=60)
    photo = models.ImageField(_("photo for the badge"), storage=private_storage, upload_to="accreditation/")
    language = models.CharField(_("language"), max_length=2, default="vi", editable=False)
    # Printed on the badge and in its QR code; the press office looks it up in the admin. The
    # private status link is never printed: it would let anyone holding the badge read the file.
    reference = models.CharField(
        _("badge reference"), max_length=12, unique=True, default=new_reference, editable=False
    )
    # The private status link (press/tokens.py): random, so the link names neither the row nor the
    # applicant; altering or guessing it finds nothing.
    status_key = models.CharField(max_length=64, unique=True, default=new_status_key, editable=False)
    # When the applicant ticked the consent statement (Decree 13/2023/NĐ-CP: consent must be provable).
    consented_at = models.DateTimeField(_("consent given at"), null=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    reason = models.TextField(_("reason for the decision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("applied at"), auto_now_add=True)

    class Meta:
        verbose_name = _("media accreditation")
        verbose_name_plural = _("media accreditations")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["edition", "status"])]
        permissions = [("view_sensitive", _("Can see journalists' contact details and press card numbers"))]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(reason=""), name="accreditation_rejection_has_reason"
            ),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(decided_at__isnull=False), name="accreditation_decision_has_time"
            ),
        ]

    def __str__(self):
        return f"{self.name} · {self.outlet}"
