"""A delegation's programme: programme items, bilateral meetings and stand visits."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from common.text import NormalizedTextModel
from delegations.models.delegation import Delegation
from expo.models import ProgrammeItem, Venue


class Engagement(NormalizedTextModel):
    class Kind(models.TextChoices):
        PROGRAMME = "programme", _("Programme item")
        BILATERAL = "bilateral", _("Bilateral meeting")
        STAND_VISIT = "stand_visit", _("Stand visit")
        OTHER = "other", _("Other")

    delegation = models.ForeignKey(
        Delegation, on_delete=models.CASCADE, related_name="engagements", verbose_name=_("delegation")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.BILATERAL)
    programme_item = models.ForeignKey(
        ProgrammeItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("programme item"),
    )
    counterpart = models.CharField(
        _("counterpart"), max_length=200, blank=True, help_text=_("Who they meet, or whose stand they visit.")
    )
    venue = models.ForeignKey(
        Venue, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("venue")
    )
    vehicle = models.ForeignKey(
        "delegations.Vehicle",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="engagements",
        verbose_name=_("vehicle"),
        help_text=_("From the vehicle pool; clashes and a car too small for the delegation are reported."),
    )
    start = models.DateTimeField(_("start"), null=True, blank=True)
    end = models.DateTimeField(_("end"), null=True, blank=True)

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["start", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="engagement_ends_after_it_starts"),
        ]
        indexes = [models.Index(fields=["delegation", "start"])]

    def __str__(self):
        return self.title

    @property
    def title(self):
        if self.kind == self.Kind.PROGRAMME and self.programme_item_id:
            return self.programme_item.title
        label = self.get_kind_display()
        return f"{label}: {self.counterpart}" if self.counterpart else str(label)

    def clean(self):
        if self.kind == self.Kind.PROGRAMME:
            if not self.programme_item_id:
                raise ValidationError({"programme_item": _("Choose the programme item.")})
            # A programme entry takes the item's times and venue unless the form says otherwise.
            self.start = self.start or self.programme_item.start
            self.end = self.end or self.programme_item.end
            self.venue_id = self.venue_id or self.programme_item.venue_id
        if not self.start or not self.end:
            raise ValidationError(_("Give the start and the end."))
        if self.end <= self.start:
            raise ValidationError({"end": _("The end must be after the start.")})
        edition = self.delegation.edition if self.delegation_id else None
        if edition is None:
            return
        tz = edition.tz
        first = datetime.datetime.combine(edition.start_date, datetime.time.min, tzinfo=tz)
        after_last = datetime.datetime.combine(
            edition.end_date + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
        )
        if self.start < first or self.end > after_last:
            raise ValidationError(
                _("An engagement must fall within the expo's days (%(first)s – %(last)s)."),
                params={"first": edition.start_date.isoformat(), "last": edition.end_date.isoformat()},
            )
        if self.venue_id and self.venue.edition_id != edition.pk:
            raise ValidationError({"venue": _("Choose a venue of this delegation's edition.")})
