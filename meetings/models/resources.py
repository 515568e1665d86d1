"""Where and when meetings can happen: the edition's slot plan, opening hours, rooms and tables."""

import datetime

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from common.dates import formatted
from common.text import NormalizedTextModel
from expo.models import Edition, Venue


class MeetingPlan(models.Model):
    """Slot length and the buffer kept free between two meetings, per edition."""

    edition = models.OneToOneField(
        Edition, on_delete=models.CASCADE, related_name="meeting_plan", verbose_name=_("edition")
    )
    slot_minutes = models.PositiveSmallIntegerField(_("slot length (minutes)"), default=30)
    buffer_minutes = models.PositiveSmallIntegerField(_("buffer between meetings (minutes)"), default=10)

    class Meta:
        verbose_name = _("meeting plan")
        verbose_name_plural = _("meeting plans")
        constraints = [
            models.CheckConstraint(condition=Q(slot_minutes__gte=10), name="meeting_slot_at_least_10_minutes"),
        ]

    def __str__(self):
        return str(self.edition)

    @property
    def slot(self):
        return datetime.timedelta(minutes=self.slot_minutes)

    @property
    def buffer(self):
        return datetime.timedelta(minutes=self.buffer_minutes)


class MeetingDay(models.Model):
    """A day on which meetings are held, with its opening hours (local time of the edition)."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="meeting_days", verbose_name=_("edition")
    )
    date = models.DateField(_("date"))
    opens = models.TimeField(_("opens"), default=datetime.time(9, 0))
    closes = models.TimeField(_("closes"), default=datetime.time(17, 0))

    class Meta:
        verbose_name = _("meeting day")
        verbose_name_plural = _("meeting days")
        ordering = ["edition", "date"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "date"], name="meeting_day_unique_per_edition"),
            models.CheckConstraint(condition=Q(closes__gt=F("opens")), name="meeting_day_closes_after_it_opens"),
        ]

    def __str__(self):
        return f"{formatted(self.date)} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def bounds(self, tz):
        return (
            datetime.datetime.combine(self.date, self.opens, tzinfo=tz),
            datetime.datetime.combine(self.date, self.closes, tzinfo=tz),
        )


class MeetingPlace(NormalizedTextModel):
    """A meeting room, a table in the matchmaking lounge, or an exhibitor's stand."""

    class Kind(models.TextChoices):
        ROOM = "room", _("Meeting room")
        TABLE = "table", _("Table")
        STAND = "stand", _("Exhibitor's stand")

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="meeting_places", verbose_name=_("edition")
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.ROOM)
    venue = models.ForeignKey(
        Venue, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("venue")
    )
    exhibitor = models.ForeignKey(
        "exhibitors.Exhibitor",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("exhibitor"),
        help_text=_("For a stand: only meetings with this exhibitor are held there."),
    )
    seats = models.PositiveSmallIntegerField(_("seats"), default=8)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("meeting place")
        verbose_name_plural = _("meeting places")
        ordering = ["edition", "kind", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="stand", exhibitor__isnull=False) | (~Q(kind="stand") & Q(exhibitor__isnull=True)),
                name="meeting_place_stand_has_exhibitor",
            ),
        ]

    def __str__(self):
        return self.name
