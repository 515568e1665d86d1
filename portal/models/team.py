"""The stand team: the people an exhibitor registers to staff its stand at an edition, vetted by
the organisers' Security group before their badges open the gates.

Personal data under the same rules as delegation members: the ID number is a sensitive field
(masked without `portal.view_sensitive`, masked in the audit log, never exported); the photo lives
in private storage and is shown only through the portal's and the admin's own views and printed
on the badge. Nothing here is ever public. The badge's QR code carries `pass_id` only (random,
never a database key or a name): portal/team_badges.py.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from common import images
from common.private_files import private_storage
from common.text import NormalizedTextModel, fold

# Pass ids a guard can type off a card: no 0/O, 1/I/L.
PASS_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # noqa: S105 -- letters of a badge number, not a secret


def new_pass_id():
    return "".join(secrets.choice(PASS_ALPHABET) for _ in range(10))


class Status(models.TextChoices):
    TO_VET = "to_vet", _("To vet")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class StandStaffQuerySet(models.QuerySet):
    def active(self):
        """Members the exhibitor has not removed."""
        return self.filter(removed_at__isnull=True)

    def counted(self):
        """Members counted against the stand's allowance: not removed, not refused."""
        return self.active().exclude(status=Status.REFUSED)

    def admitted(self):
        """Members whose badge opens the gates."""
        return self.active().filter(status=Status.APPROVED)

    def revoked(self):
        """Members whose badge is refused at the gates: refused, or removed after approval."""
        return self.filter(Q(status=Status.REFUSED) | Q(removed_at__isnull=False))


class StandStaff(NormalizedTextModel):
    SENSITIVE_FIELDS = ("id_number",)
    SENSITIVE_PERMISSION = "portal.view_sensitive"
    # The photo is personal data printed on the badge: private storage, left out of the audit log
    # (as delegation members' photos); the folded name is derived.
    AUDIT_EXCLUDED_FIELDS = ("search_name", "photo")
    # What the exhibitor fills in; changing any of them sends an approved member back to vetting.
    EXHIBITOR_FIELDS = ("name", "role", "nationality", "id_number", "photo")

    exhibitor = models.ForeignKey(
        "exhibitors.Exhibitor", on_delete=models.CASCADE, related_name="stand_staff", verbose_name=_("exhibitor")
    )
    edition = models.ForeignKey(
        "expo.Edition", on_delete=models.CASCADE, related_name="stand_staff", verbose_name=_("edition")
    )
    name = models.CharField(_("full name"), max_length=200, help_text=_("As written in the passport or ID card."))
    role = models.CharField(
        _("role on the stand"), max_length=100, help_text=_("For example: stand manager, engineer.")
    )
    nationality = CountryField(_("nationality"))
    id_number = models.CharField(_("passport or ID number"), max_length=30)
    photo = images.SafeImageField(
        _("photo for the badge"),
        storage=private_storage,
        upload_to="portal/stand-staff/",
        help_text=_("A recent portrait, face uncovered; JPEG, PNG or WebP, at most 10 MB."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.TO_VET)
    reason = models.TextField(_("reason"), blank=True, help_text=_("Told to the exhibitor when a member is refused."))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    pass_id = models.CharField(_("badge number"), max_length=12, unique=True, default=new_pass_id, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    removed_at = models.DateTimeField(_("removed by the exhibitor"), null=True, blank=True, editable=False)
    search_name = models.CharField(max_length=200, editable=False, db_index=True, default="")

    objects = StandStaffQuerySet.as_manager()

    class Meta:
        verbose_name = _("stand staff member")
        verbose_name_plural = _("stand staff")
        ordering = ["exhibitor", "name", "pk"]
        permissions = [("vet_stand_staff", _("Can vet stand staff and print their badges"))]
        indexes = [models.Index(fields=["edition", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["exhibitor", "edition", "id_number"],
                condition=Q(removed_at__isnull=True) & ~Q(id_number=""),
                name="stand_staff_id_number_once_per_stand",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = fold(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "search_name"}
        super().save(*args, **kwargs)


class StandAllowance(models.Model):
    """The organisers' number of stand staff badges for one stand, in place of the rule by size."""

    stand = models.OneToOneField(
        "exhibitors.Stand", on_delete=models.CASCADE, related_name="team_allowance", verbose_name=_("stand")
    )
    badges = models.PositiveSmallIntegerField(_("stand staff badges"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("stand team allowance")
        verbose_name_plural = _("stand team allowances")
        constraints = [models.CheckConstraint(condition=Q(badges__lte=500), name="stand_allowance_badges_at_most_500")]

    def __str__(self):
        return str(self.stand)
