"""A scheduled meeting: a request placed at a time and place, booked in the delegations' programmes."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from common.cache import public_content
from meetings.models.requests import MeetingRequest
from meetings.models.resources import MeetingPlace


class MeetingQuerySet(models.QuerySet):
    def held(self):
        return self.filter(request__status=MeetingRequest.Status.HELD)


# The results page counts the meetings held per day: a placed or moved meeting changes it.
@public_content
class Meeting(models.Model):
    request = models.OneToOneField(
        MeetingRequest, on_delete=models.CASCADE, related_name="meeting", verbose_name=_("request")
    )
    place = models.ForeignKey(MeetingPlace, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("place"))
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    interpreter = models.ForeignKey(
        "delegations.Interpreter",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("interpreter"),
    )
    # The delegations' own programme entries for this meeting: the clash engine, itineraries
    # and run sheets read these, so a meeting is never a second, separate schedule.
    engagements = models.ManyToManyField(
        "delegations.Engagement", blank=True, related_name="meetings", verbose_name=_("engagements")
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["start", "place", "pk"]
        constraints = [models.CheckConstraint(condition=Q(end__gt=F("start")), name="meeting_ends_after_it_starts")]
        indexes = [models.Index(fields=["start"])]

    def __str__(self):
        return f"{self.request} · {self.place}"
