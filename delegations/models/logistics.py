"""Hotels, rooms and the vehicle pool: the daily logistics of a protocol office."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from common.text import NormalizedTextModel, fold
from delegations.models.member import Member
from expo.models import Edition


class Hotel(NormalizedTextModel):
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="+", verbose_name=_("edition"))
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    search_name = models.CharField(max_length=200, editable=False, db_index=True, default="")

    class Meta:
        verbose_name = _("hotel")
        verbose_name_plural = _("hotels")
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["edition", "name"], name="hotel_unique_per_edition")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)


class RoomAssignment(NormalizedTextModel):
    """One member's stay: hotel, room, check-in and check-out (the rooming list's row)."""

    hotel = models.ForeignKey(Hotel, on_delete=models.CASCADE, related_name="rooms", verbose_name=_("hotel"))
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="rooms", verbose_name=_("member"))
    room = models.CharField(_("room"), max_length=20, blank=True)
    check_in = models.DateField(_("check-in"))
    check_out = models.DateField(_("check-out"))

    class Meta:
        verbose_name = _("room assignment")
        verbose_name_plural = _("room assignments")
        ordering = ["hotel", "room", "check_in", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(check_out__gt=F("check_in")), name="room_check_out_after_check_in"),
            models.UniqueConstraint(fields=["member", "check_in"], name="room_one_stay_per_member_and_night"),
        ]

    def __str__(self):
        return f"{self.hotel} {self.room}".strip()

    @property
    def nights(self):
        return (self.check_out - self.check_in).days


class Vehicle(NormalizedTextModel):
    """A car or bus of the pool, with its driver; booked by movements and engagements."""

    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="+", verbose_name=_("edition"))
    registration = models.CharField(_("plate or call sign"), max_length=30)
    model = models.CharField(_("model"), max_length=100, blank=True, help_text=_("e.g. Toyota Innova, 29-seat bus"))
    seats = models.PositiveSmallIntegerField(_("passenger seats"))
    driver_name = models.CharField(_("driver"), max_length=150, blank=True)
    driver_phone = models.CharField(_("driver's phone"), max_length=40, blank=True)
    search_name = models.CharField(max_length=300, editable=False, db_index=True, default="")

    class Meta:
        verbose_name = _("vehicle")
        verbose_name_plural = _("vehicles")
        ordering = ["registration", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "registration"], name="vehicle_unique_per_edition"),
            models.CheckConstraint(condition=Q(seats__gt=0), name="vehicle_has_seats"),
        ]

    def __str__(self):
        seats = _("%(seats)s seats") % {"seats": self.seats}
        return f"{self.registration} ({self.model}, {seats})" if self.model else f"{self.registration} ({seats})"

    def save(self, *args, **kwargs):
        self.search_name = fold(f"{self.registration} {self.model} {self.driver_name}")[:300]
        super().save(*args, **kwargs)
