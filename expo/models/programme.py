"""The programme: ceremonies, displays, seminars and sessions over the expo's days."""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common.cache import public_content
from common.text import NormalizedTextModel, matching, search_text, search_words
from expo.models.edition import Edition, Venue


class ProgrammeItemQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def on_day(self, day, tz):
        """Items starting on `day` in the time zone `tz` (the edition's, not the server's)."""
        start = datetime.datetime.combine(day, datetime.time.min, tzinfo=tz)
        return self.filter(start__gte=start, start__lt=start + datetime.timedelta(days=1))

    def search(self, query):
        """Accent-insensitive, at word starts, like the catalogue (title, hosts, description)."""

        return self.filter(matching(search_words(query), "search_text"))

    def active(self):
        """Items still taking place (not cancelled)."""
        return self.exclude(status=ProgrammeItem.Status.CANCELLED)

    def with_clashes(self):
        """Annotate `has_clash`: a published, active item overlaps another one in the same venue."""
        others = (
            ProgrammeItem.objects.published()
            .active()
            .filter(venue=OuterRef("venue"), start__lt=OuterRef("end"), end__gt=OuterRef("start"))
        )
        clash = Exists(others.exclude(pk=OuterRef("pk")))
        return self.annotate(
            has_clash=models.Case(
                models.When(
                    Q(is_published=True, venue__isnull=False) & ~Q(status=ProgrammeItem.Status.CANCELLED) & clash,
                    then=True,
                ),
                default=False,
                output_field=models.BooleanField(),
            )
        )

    def clashing_with(self, item):
        """Published, active items in `item`'s venue whose time overlaps it (never the item itself)."""
        if not item.venue_id:
            return self.none()
        return (
            self.published()
            .active()
            .filter(venue_id=item.venue_id, start__lt=item.end, end__gt=item.start)
            .exclude(pk=item.pk)
        )


@public_content
class ProgrammeItem(NormalizedTextModel):
    class Type(models.TextChoices):
        CEREMONY = "ceremony", _("Ceremony")
        FLYING_DISPLAY = "flying", _("Flying display")
        DEMONSTRATION = "demonstration", _("Ground / special-forces demonstration")
        SEMINAR = "seminar", _("Seminar")
        MATCHMAKING = "matchmaking", _("Trade matchmaking")
        PRESS_CONFERENCE = "press", _("Press conference")
        VIP_TOUR = "vip-tour", _("VIP tour")
        OTHER = "other", _("Other")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Public")
        TRADE = "trade", _("Trade visitors")
        PRESS = "press", _("Press")
        DELEGATIONS = "delegations", _("Invited delegations only")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        DELAYED = "delayed", _("Delayed")
        MOVED = "moved", _("Moved")
        CANCELLED = "cancelled", _("Cancelled")

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="programme_items", verbose_name=_("edition")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80)
    description = models.TextField(_("description"), blank=True)
    type = models.CharField(_("type"), max_length=16, choices=Type.choices, default=Type.OTHER)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    venue = models.ForeignKey(
        Venue,
        on_delete=models.PROTECT,
        related_name="programme_items",
        verbose_name=_("venue"),
        null=True,
        blank=True,
    )
    audience = models.CharField(_("audience"), max_length=12, choices=Audience.choices, default=Audience.PUBLIC)
    hosts = models.CharField(_("speakers or hosts"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    status_note = models.CharField(
        _("public note on the status"),
        max_length=300,
        blank=True,
        help_text=_("e.g. “Moved to Hall B because of rain”."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    # Folded titles, hosts and descriptions in both languages (common.text.search_text).
    search_text = models.TextField(editable=False, default="")

    objects = ProgrammeItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        ordering = ["start", "end", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="programme_item_ends_after_it_starts"),
            models.UniqueConstraint(fields=["edition", "slug"], name="programme_item_slug_unique_per_edition"),
        ]
        indexes = [models.Index(fields=["edition", "is_published", "start"])]

    def __str__(self):
        return self.title

    def clean(self):
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must be after the start.")})
        if self.venue_id and self.edition_id and self.venue.edition_id != self.edition_id:
            raise ValidationError({"venue": _("Choose a venue of this item's edition.")})

    def save(self, *args, **kwargs):
        self.refresh_search_text()
        super().save(*args, **kwargs)

    def refresh_search_text(self):
        """Keep the folded search column in step (save() calls it; bulk loaders call it too)."""
        parts = [self.title_vi, self.title_en, self.hosts_vi, self.hosts_en, self.description_vi, self.description_en]
        self.search_text = search_text(*parts)

    def get_absolute_url(self):
        return reverse("expo:programme_item", kwargs={"slug": self.slug})
