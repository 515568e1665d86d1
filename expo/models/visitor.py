"""Visitor information: one short section per topic, edited by the content editors in both languages.

A section is shown in public once it is confirmed and written (`published()`); until then it is
hidden, so the public page never shows an editorial placeholder.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from common.cache import public_content
from common.text import NormalizedTextModel
from expo.models.edition import Edition


class VisitorInfoQuerySet(models.QuerySet):
    def published(self):
        """Sections a visitor may read: confirmed, and written in at least one language (the
        other falls back to it)."""
        return self.filter(to_be_filled=False).exclude(body_vi="", body_en="")


@public_content
class VisitorInfo(NormalizedTextModel):
    class Topic(models.TextChoices):
        HOURS = "hours", _("Opening hours")
        DAYS = "days", _("Trade and public days")
        ADMISSION = "admission", _("Admission")
        TRANSPORT = "transport", _("Transport and parking")
        SECURITY = "security", _("Security rules")
        ACCESSIBILITY = "accessibility", _("Accessibility")

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="visitor_info", verbose_name=_("edition")
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    body = models.TextField(_("text"), blank=True, help_text=_("Plain text; a blank line starts a new paragraph."))
    to_be_filled = models.BooleanField(
        _("to be filled in"),
        default=True,
        help_text=_("Hidden from the public site until the organisers have confirmed the details."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = VisitorInfoQuerySet.as_manager()

    class Meta:
        verbose_name = _("visitor information")
        verbose_name_plural = _("visitor information")
        ordering = ["edition", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "topic"], name="visitor_info_one_section_per_topic"),
        ]

    def __str__(self):
        return str(self.get_topic_display())
