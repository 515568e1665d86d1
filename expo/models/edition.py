"""The event itself: editions of the expo and the zones of its site."""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common import clock, images
from common.cache import public_content, remember
from common.text import NormalizedTextModel


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


class EditionQuerySet(models.QuerySet):
    def current(self):
        """The edition the public site shows, or None when none is marked current.

        Every public page asks for it, so `Edition.objects.current()` keeps it in the shared
        cache under the content version, which any save of an expo model bumps (a filtered
        queryset is not cached: its answer depends on the filter).
        """
        if self.query.has_filters():
            return self.filter(is_current=True).first()
        return remember("current-edition", lambda: self.filter(is_current=True).first())

    def archived(self, year):
        """The edition of `year` that has ended (by the site's clock), for its archive at
        /<lang>/editions/<year>/; a non-current one first. None when there is none."""
        for edition in self.filter(start_date__year=year).order_by("is_current", "-start_date"):
            if edition.phase().state == "past":
                return edition
        return None

    def next_after(self, edition):
        """The first edition that starts after `edition` ends (its save-the-date), or None."""
        return self.filter(start_date__gt=edition.end_date).order_by("start_date").first()


@dataclass(frozen=True)
class Phase:
    """Where today falls relative to an edition: before it, during it or after it."""

    state: str  # "upcoming", "live" or "past"
    days_to_go: int = 0
    day_number: int = 0


@public_content
class Edition(NormalizedTextModel):
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, help_text=_("Short name, e.g. VIDE 2024."))
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    ordinal = models.PositiveSmallIntegerField(_("edition number"), default=1)
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    description = models.TextField(_("about the expo"), blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    venue_name = models.CharField(_("venue"), max_length=200, help_text=_("e.g. Gia Lam Airfield"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Asia/Ho_Chi_Minh", validators=[validate_time_zone]
    )
    is_current = models.BooleanField(
        _("current edition"), default=False, help_text=_("The edition the public site shows. Only one can be current.")
    )
    is_demo = models.BooleanField(
        _("demo content"), default=False, help_text=_("Shows a “demo content” notice on every public page.")
    )
    # Printed on the back office's internal documents. Never a state-secret classification ("Mật") by
    # default: that marking carries legal duties under Viet Nam's law on protecting state secrets and
    # is for the organisers to choose, not the software.
    internal_marking = models.CharField(
        _("marking on internal documents"),
        max_length=120,
        blank=True,
        help_text=_(
            "Printed at the top of protocol lists, rooming lists, run sheets and schedules. "
            "Empty: “Internal — protocol use”."
        ),
    )
    accreditation_closes_at = models.DateTimeField(
        _("media accreditation closes"),
        null=True,
        blank=True,
        help_text=_(
            "When the press accreditation form stops taking applications; at the latest when the last day "
            "ends. Empty: at the end of the last day."
        ),
    )
    key_visual = images.SafeImageField(
        _("key visual"),
        upload_to="expo/key-visuals/",
        blank=True,
        help_text=_(
            "The edition's poster picture, at the top of the home page. A wide picture (about 16:9) at least "
            "1600 pixels wide; JPEG, PNG or WebP, at most 10 MB and 40 megapixels."
        ),
    )
    key_visual_width = models.PositiveIntegerField(editable=False, null=True)
    key_visual_height = models.PositiveIntegerField(editable=False, null=True)
    key_visual_renditions = models.JSONField(editable=False, default=list, blank=True)
    key_visual_alt = models.CharField(
        _("key visual text alternative"),
        max_length=250,
        blank=True,
        help_text=_("What the key visual shows, for readers who cannot see it. Required with a key visual."),
    )

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(condition=Q(end_date__gte=F("start_date")), name="edition_ends_after_it_starts"),
            models.UniqueConstraint(fields=["is_current"], condition=Q(is_current=True), name="one_current_edition"),
        ]

    @property
    def marking(self):
        """The marking the back office prints on internal documents, in the active language."""
        return self.internal_marking or _("Internal — protocol use")

    def __str__(self):
        return self.acronym or self.name

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first day.")
        if self.accreditation_closes_at and self.end_date and self.accreditation_closes_at > self.ends_at():
            errors["accreditation_closes_at"] = _("Accreditation must close by the end of the edition's last day.")
        if self.key_visual:
            # The picture is the first thing on the home page, in both languages: each says what it shows.
            for language in ("vi", "en"):
                if not (getattr(self, f"key_visual_alt_{language}") or "").strip():
                    errors[f"key_visual_alt_{language}"] = _(
                        "Say what the key visual shows, for readers who cannot see it."
                    )
            for column in images.stale_alt_text(self, "key_visual", "key_visual_alt"):
                errors.setdefault(column, images.STALE_ALT_TEXT)
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        images.keep_in_step(self, "key_visual", folder="expo/key-visuals")
        super().save(*args, **kwargs)

    def key_visual_srcset(self):
        return images.srcset(self.key_visual, self.key_visual_width, self.key_visual_renditions)

    def get_absolute_url(self):
        return reverse("expo:home")

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def days(self):
        """Every day of the edition, in order."""
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + datetime.timedelta(days=n) for n in range(count)]

    def ends_at(self):
        """The moment the last day ends at the venue."""
        day_after = self.end_date + datetime.timedelta(days=1)
        return datetime.datetime.combine(day_after, datetime.time(), tzinfo=self.tz)

    def accreditation_closes(self):
        """When media accreditation stops taking applications: the time set, else the end of the last day."""
        return min(self.accreditation_closes_at or self.ends_at(), self.ends_at())

    def local_today(self, now=None):
        """Today's date at the venue (not on the server, not in the visitor's browser)."""
        return (now or clock.now()).astimezone(self.tz).date()

    def phase(self, now=None):
        today = self.local_today(now)
        if today < self.start_date:
            return Phase("upcoming", days_to_go=(self.start_date - today).days)
        if today > self.end_date:
            return Phase("past")
        return Phase("live", day_number=(today - self.start_date).days + 1)


@public_content
class Venue(NormalizedTextModel):
    """A zone of the expo site: a hall, the static display, the flight line, a room."""

    class Kind(models.TextChoices):
        HALL = "hall", _("Exhibition hall")
        STATIC_DISPLAY = "static", _("Outdoor static display")
        FLIGHT_LINE = "flight", _("Flight line")
        DEMONSTRATION = "demo", _("Demonstration ground")
        CONFERENCE = "conference", _("Conference room")
        PRESS = "press", _("Press centre")
        OTHER = "other", _("Other")

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="venues", verbose_name=_("edition"))
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=60)
    code = models.CharField(
        _("code"), max_length=12, blank=True, help_text=_("Short code on the site map, e.g. A or B2.")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.HALL)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["edition", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="venue_slug_unique_per_edition"),
        ]

    def __str__(self):
        return f"{self.code} · {self.name}" if self.code else self.name


@public_content
class KeyFigure(NormalizedTextModel):
    """A figure the organisers announced, e.g. “140+ international delegations invited”.

    Shown on the home page and the expo fact sheet as announced (with its date), apart from
    the figures counted from the data (common.facts); the label says what it counts.
    """

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="key_figures", verbose_name=_("edition")
    )
    value = models.CharField(_("value"), max_length=20, help_text=_("e.g. 140+"))
    label = models.CharField(
        _("label"), max_length=120, help_text=_("Say what it counts, e.g. “international delegations invited”.")
    )
    as_of = models.DateField(_("announced on"), null=True, blank=True, help_text=_("When the organisers announced it."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        ordering = ["edition", "order", "pk"]

    def __str__(self):
        return f"{self.value} {self.label}"
