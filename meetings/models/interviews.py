"""A journalist's request for an interview, arranged by the press office in the meetings' places.

The meetings scheduler and the press office share the places: an interview arranged in a room
books it (the scheduler and a moved meeting keep clear of it, `meetings.interviews.place_busy`).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from common.text import NormalizedTextModel
from meetings.models.resources import MeetingPlace

# An interview request's statuses that carry a time (its own statuses, not a delegation's).
TIMED_STATUSES = ["proposed", "arranged"]


class InterviewRequest(NormalizedTextModel):
    class With(models.TextChoices):
        EXHIBITOR = "exhibitor", _("An exhibitor")
        SPOKESPERSON = "spokesperson", _("A delegation's spokesperson")
        ORGANISER = "organiser", _("The organisers")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        PROPOSED = "proposed", _("Time proposed")
        ARRANGED = "arranged", _("Arranged")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    accreditation = models.ForeignKey(
        "press.MediaAccreditation",
        on_delete=models.CASCADE,
        related_name="interview_requests",
        verbose_name=_("journalist"),
    )
    with_kind = models.CharField(_("interview with"), max_length=12, choices=With.choices)
    exhibitor = models.ForeignKey(
        "exhibitors.Exhibitor",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("exhibitor"),
    )
    with_name = models.CharField(
        _("whom"), max_length=200, blank=True, help_text=_("The delegation or the person, as the journalist wrote it.")
    )
    topic = models.TextField(_("topic"), max_length=1000)
    languages = models.CharField(_("languages"), max_length=100)
    wished_times = models.CharField(_("times that suit"), max_length=300)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    place = models.ForeignKey(
        MeetingPlace,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interviews",
        verbose_name=_("place"),
    )
    start = models.DateTimeField(_("start"), null=True, blank=True)
    end = models.DateTimeField(_("end"), null=True, blank=True)
    note = models.TextField(_("note to the journalist"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("interview request")
        verbose_name_plural = _("interview requests")
        ordering = ["status", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__gt=F("start")), name="interview_ends_after_it_starts"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=TIMED_STATUSES) | Q(start__isnull=False),
                name="interview_proposed_or_arranged_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(with_kind="exhibitor") | Q(exhibitor__isnull=False), name="interview_exhibitor_named"
            ),
        ]

    def __str__(self):
        return f"{self.accreditation.reference} · {self.get_with_kind_display()}"

    @property
    def counterpart(self):
        return self.exhibitor.name if self.exhibitor_id else self.with_name or self.get_with_kind_display()
