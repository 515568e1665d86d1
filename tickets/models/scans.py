"""What the gates saw: every scan, with the result the gate showed and the one the server keeps.

Scans come from the check-in page, online at once or queued offline and synced later. Each
carries the scanner's own id (`client_id`), so a sync sent twice stores nothing twice. At most
one scan per pass and day is an admission (a partial unique constraint): when two gates admitted
the same ticket offline, the earlier scan keeps it and the later is recorded as a duplicate.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from expo.models import Edition
from tickets.models.days import Gate


class Result(models.TextChoices):
    ADMITTED = "admitted", _("Admitted")
    ALREADY_USED = "already_used", _("Already used today")
    WRONG_DAY = "wrong_day", _("Not valid today")
    REVOKED = "revoked", _("Revoked")
    FORGED = "forged", _("Not a valid ticket")
    UNKNOWN = "unknown", _("Unknown ticket")


class ScanQuerySet(models.QuerySet):
    def admitted(self):
        return self.filter(result=Result.ADMITTED)


class Scan(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+", verbose_name=_("edition"))
    gate = models.ForeignKey(Gate, on_delete=models.PROTECT, related_name="scans", verbose_name=_("gate"))
    pass_kind = models.CharField(_("pass kind"), max_length=10, blank=True)
    pass_id = models.CharField(_("pass number"), max_length=40, blank=True, db_index=True)
    day = models.DateField(_("day"))
    scanned_at = models.DateTimeField(_("scanned at"))
    result = models.CharField(_("result"), max_length=12, choices=Result.choices)
    client_id = models.UUIDField(_("scanner's id"), unique=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("gate staff")
    )
    synced_at = models.DateTimeField(_("received at"), auto_now_add=True)

    objects = ScanQuerySet.as_manager()

    class Meta:
        verbose_name = _("scan")
        verbose_name_plural = _("scans")
        ordering = ["-scanned_at", "-pk"]
        indexes = [models.Index(fields=["edition", "day", "result"])]
        constraints = [
            models.UniqueConstraint(
                fields=["pass_id", "day"], condition=Q(result="admitted"), name="scan_one_admission_per_day"
            ),
        ]

    def __str__(self):
        return f"{self.gate.code} {self.scanned_at:%H:%M} {self.get_result_display()}"
