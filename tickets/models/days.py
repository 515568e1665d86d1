"""What a visitor can register for: the edition's admission rules, its days (trade or public),
the public days' time slots with their capacity, and the gates.

A slot's `taken` counts the places held (unconfirmed registrations still inside their hold) and
sold; it only moves through `tickets.services.slots`, by a conditional UPDATE, and a CHECK
constraint refuses any write that would take it past the capacity.
"""

import datetime

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from common.cache import public_content
from common.dates import formatted
from common.text import NormalizedTextModel
from expo.models import Edition


class Kind(models.TextChoices):
    TRADE = "trade", _("Trade visitor")
    PUBLIC = "public", _("Public")


@public_content  # the registration form states these rules; every registration reads them (tickets.services.admission)
class Admission(models.Model):
    """One per edition: whether registration is open, party sizes and how long data are kept."""

    edition = models.OneToOneField(
        Edition, on_delete=models.CASCADE, related_name="admission", verbose_name=_("edition")
    )
    is_open = models.BooleanField(_("registration open"), default=False)
    max_party_size = models.PositiveSmallIntegerField(
        _("largest party on one public ticket"), default=5, help_text=_("Including the person registering.")
    )
    hold_minutes = models.PositiveSmallIntegerField(
        _("minutes a place is held until the e-mail is confirmed"), default=60
    )
    retention_days = models.PositiveSmallIntegerField(
        _("days registrations are kept after the edition ends"),
        default=90,
        help_text=_("Then names, contacts, ID numbers and photos are erased (manage.py purge_registrations)."),
    )

    class Meta:
        verbose_name = _("admission")
        verbose_name_plural = _("admission")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_party_size__gte=1, max_party_size__lte=10), name="admission_party_size_small"
            ),
        ]

    def __str__(self):
        return str(self.edition)

    def kept_until(self):
        return self.edition.ends_at() + datetime.timedelta(days=self.retention_days)


@public_content  # the registration form lists the days and slots (tickets.slots.bookable)
class VisitDay(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="visit_days", verbose_name=_("edition"))
    date = models.DateField(_("day"))
    kind = models.CharField(_("open to"), max_length=6, choices=Kind.choices)

    class Meta:
        verbose_name = _("visit day")
        verbose_name_plural = _("visit days")
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["edition", "date"], name="visit_day_once_per_edition")]

    def __str__(self):
        return f"{formatted(self.date)} · {self.get_kind_display()}"


class TimeSlotQuerySet(models.QuerySet):
    def with_room(self, places=1):
        return self.filter(taken__lte=F("capacity") - places)


# `taken` moves by UPDATE (tickets.slots), which sends no post_save: a registration moves no version.
@public_content
class TimeSlot(models.Model):
    day = models.ForeignKey(VisitDay, on_delete=models.CASCADE, related_name="slots", verbose_name=_("day"))
    starts_at = models.TimeField(_("entry from"))
    ends_at = models.TimeField(_("entry until"))
    capacity = models.PositiveIntegerField(_("capacity"), help_text=_("People, not tickets."))
    taken = models.PositiveIntegerField(_("places taken"), default=0, editable=False)

    objects = TimeSlotQuerySet.as_manager()

    class Meta:
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        ordering = ["day__date", "starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["day", "starts_at"], name="time_slot_once_per_day"),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="time_slot_ends_after_start"),
            # The backstop of the conditional UPDATE: no write can sell past the capacity.
            models.CheckConstraint(condition=Q(taken__lte=F("capacity")), name="time_slot_never_overbooked"),
        ]

    def __str__(self):
        return f"{formatted(self.day.date)} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    @property
    def free(self):
        return max(self.capacity - self.taken, 0)


class Gate(NormalizedTextModel):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="gates", verbose_name=_("edition"))
    code = models.CharField(_("code"), max_length=10, help_text=_("Short, as signposted, e.g. G1."))
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("gate")
        verbose_name_plural = _("gates")
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["edition", "code"], name="gate_code_once_per_edition")]

    def __str__(self):
        return f"{self.code} · {self.name}"
