"""A request for a meeting between two parties, and each step of its life with who and when."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.cache import public_content
from common.languages import SPOKEN
from common.text import NormalizedTextModel
from expo.models import Edition


class MeetingRequestQuerySet(models.QuerySet):
    def visible_subject_for(self, user):
        """Requests whose subject and purpose `user` may read (restricted ones: named staff only)."""
        if user.is_superuser:
            return self
        return self.filter(Q(restricted=False) | Q(restricted_to=user)).distinct()


# A request's status says whether its meeting was held, which the results page counts.
@public_content
class MeetingRequest(NormalizedTextModel):
    """Party A (a delegation, foreign or domestic) asks to meet party B (a delegation or an exhibitor)."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        NO_SHOW = "no_show", _("No-show")
        CANCELLED = "cancelled", _("Cancelled")

    class Priority(models.IntegerChoices):
        HIGH = 1, _("High")
        NORMAL = 2, _("Normal")
        LOW = 3, _("Low")

    class AskedBy(models.TextChoices):
        DELEGATION = "delegation", _("The delegation")
        COUNTERPART = "counterpart", _("The counterpart")
        ORGANISER = "organiser", _("The organisers")

    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="meeting_requests", verbose_name=_("edition")
    )
    delegation = models.ForeignKey(
        "delegations.Delegation",
        on_delete=models.CASCADE,
        related_name="meeting_requests",
        verbose_name=_("delegation"),
    )
    counterpart_delegation = models.ForeignKey(
        "delegations.Delegation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="meeting_requests_received",
        verbose_name=_("counterpart delegation or agency"),
    )
    counterpart_exhibitor = models.ForeignKey(
        "exhibitors.Exhibitor",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("counterpart exhibitor"),
    )
    asked_by = models.CharField(_("asked by"), max_length=12, choices=AskedBy.choices, default=AskedBy.DELEGATION)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    wished_days = models.ManyToManyField(
        "meetings.MeetingDay",
        blank=True,
        related_name="+",
        verbose_name=_("wished days"),
        help_text=_("Leave empty for any meeting day."),
    )
    language = models.CharField(
        _("interpretation needed"),
        max_length=40,
        blank=True,
        choices=SPOKEN,
        help_text=_("The language the interpreter must speak with Vietnamese. Empty: none needed."),
    )
    priority = models.PositiveSmallIntegerField(_("priority"), choices=Priority.choices, default=Priority.NORMAL)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    restricted = models.BooleanField(
        _("restricted"), default=False, help_text=_("Only the staff named below may read the subject and purpose.")
    )
    restricted_to = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("staff who may read it")
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = MeetingRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["edition", "priority", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(counterpart_delegation__isnull=False) & Q(counterpart_exhibitor__isnull=True))
                | (Q(counterpart_delegation__isnull=True) & Q(counterpart_exhibitor__isnull=False)),
                name="meeting_request_has_one_counterpart",
            ),
            models.CheckConstraint(
                condition=~Q(delegation=models.F("counterpart_delegation")),
                name="meeting_request_not_with_itself",
            ),
        ]
        indexes = [models.Index(fields=["edition", "status"])]

    def __str__(self):
        return f"{self.delegation} ↔ {self.counterpart}"

    @property
    def counterpart(self):
        return self.counterpart_delegation or self.counterpart_exhibitor


class RequestStep(models.Model):
    """One step of a request (requested, accepted, scheduled, held…), with who and when."""

    request = models.ForeignKey(
        MeetingRequest, on_delete=models.CASCADE, related_name="steps", verbose_name=_("meeting request")
    )
    status = models.CharField(_("status"), max_length=10, choices=MeetingRequest.Status.choices)
    at = models.DateTimeField(_("when"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("by")
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("request step")
        verbose_name_plural = _("request steps")
        ordering = ["request", "at", "pk"]

    def __str__(self):
        return self.get_status_display()
