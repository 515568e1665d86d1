"""The programme's public change log: what moved, when, from what to what."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.cache import public_content
from common.dates import DAY_TIME, formatted
from common.text import translated
from expo.models.edition import Venue
from expo.models.programme import ProgrammeItem


class ProgrammeChangeQuerySet(models.QuerySet):
    def public(self, edition):
        """Changes to the edition's published items, newest first, ready to render."""
        return (
            self.filter(item__edition=edition, item__is_published=True)
            .select_related("item", "item__edition", "item__venue", "old_venue", "new_venue")
            .order_by("-changed_at", "-pk")
        )


@public_content
class ProgrammeChange(models.Model):
    """One change to a published item's time, venue or status, kept with both values.

    Values are stored typed (datetimes, venues, status codes), not as text, so the log reads
    correctly in either language and in the edition's time zone.
    """

    class Kind(models.TextChoices):
        TIME = "time", _("Time")
        VENUE = "venue", _("Venue")
        STATUS = "status", _("Status")

    item = models.ForeignKey(
        ProgrammeItem, on_delete=models.CASCADE, related_name="changes", verbose_name=_("programme item")
    )
    kind = models.CharField(_("what changed"), max_length=8, choices=Kind.choices)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now, db_index=True)
    old_start = models.DateTimeField(_("previous start"), null=True, blank=True)
    old_end = models.DateTimeField(_("previous end"), null=True, blank=True)
    new_start = models.DateTimeField(_("new start"), null=True, blank=True)
    new_end = models.DateTimeField(_("new end"), null=True, blank=True)
    old_venue = models.ForeignKey(
        Venue, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("previous venue")
    )
    new_venue = models.ForeignKey(
        Venue, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("new venue")
    )
    old_status = models.CharField(_("previous status"), max_length=10, choices=ProgrammeItem.Status.choices, blank=True)
    new_status = models.CharField(_("new status"), max_length=10, choices=ProgrammeItem.Status.choices, blank=True)
    # The reason given with a status change (a cancellation must have one), in both languages.
    reason_vi = models.CharField(_("reason (Vietnamese)"), max_length=300, blank=True)
    reason_en = models.CharField(_("reason (English)"), max_length=300, blank=True)

    objects = ProgrammeChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme change")
        verbose_name_plural = _("programme changes")
        ordering = ["-changed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="time") | Q(old_start__isnull=False, new_start__isnull=False),
                name="programme_change_time_has_both_times",
            ),
            models.CheckConstraint(
                condition=~Q(kind="status") | (~Q(old_status="") & ~Q(new_status="")),
                name="programme_change_status_has_both_statuses",
            ),
        ]

    def __str__(self):
        return f"{self.item} · {self.get_kind_display()} · {formatted(timezone.localtime(self.changed_at), DAY_TIME)}"

    @property
    def reason(self):
        """The reason in the active language, falling back to the other one."""
        return translated(self, "reason")
