"""The accredited journalists' area: sign-in links, press-conference seats, and video for the media.

A journalist is never a Django user: the area is opened by a single-use link e-mailed to the address
the accreditation was made with (`MediaSignInLink`), which puts the accreditation in the session
(press/media_auth.py). Staff sign-in and this one never mix.
"""

import hashlib
import secrets

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common import clock
from common.dates import local_text
from common.text import NormalizedTextModel
from expo.models import Edition, ProgrammeItem
from press.models.accreditation import MediaAccreditation


def key_digest(key):
    """What is stored of a sign-in key: its SHA-256. A leaked table opens nothing."""
    return hashlib.sha256(key.encode()).hexdigest()


def new_sign_in_key():
    return secrets.token_urlsafe(32)


class MediaSignInLink(models.Model):
    """One e-mailed link into the media area: used once, before it expires."""

    accreditation = models.ForeignKey(
        MediaAccreditation, on_delete=models.CASCADE, related_name="sign_in_links", verbose_name=_("accreditation")
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires at"), editable=False)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("media area sign-in link")
        verbose_name_plural = _("media area sign-in links")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(expires_at__gt=models.F("created_at")), name="sign_in_link_expires")
        ]

    def __str__(self):
        return f"{self.accreditation.reference} · {local_text(self.created_at)}"


class PressConferenceQuerySet(models.QuerySet):
    def open_to_media(self, edition):
        """The edition's published, not cancelled press conferences, with their registration counts."""
        return (
            self.filter(
                programme_item__edition=edition,
                programme_item__is_published=True,
                programme_item__type=ProgrammeItem.Type.PRESS_CONFERENCE,
            )
            .exclude(programme_item__status=ProgrammeItem.Status.CANCELLED)
            .select_related("programme_item__venue")
            .annotate(registered=models.Count("registrations"))
            .order_by("programme_item__start", "pk")
        )


class PressConference(models.Model):
    """Seats of a programme item of type "press conference", for accredited media to register for."""

    programme_item = models.OneToOneField(
        ProgrammeItem,
        on_delete=models.CASCADE,
        related_name="press_conference",
        limit_choices_to={"type": ProgrammeItem.Type.PRESS_CONFERENCE},
        verbose_name=_("programme item"),
    )
    seats = models.PositiveSmallIntegerField(_("seats for the media"), default=40)
    reminder_hours = models.PositiveSmallIntegerField(
        _("reminder (hours before)"), default=2, help_text=_("Registered journalists are reminded this long before.")
    )

    objects = PressConferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("press conference")
        verbose_name_plural = _("press conferences")
        ordering = ["programme_item__start", "pk"]
        constraints = [models.CheckConstraint(condition=Q(seats__gte=1), name="press_conference_has_seats")]

    def __str__(self):
        return str(self.programme_item)


class PressConferenceRegistration(models.Model):
    conference = models.ForeignKey(
        PressConference, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("press conference")
    )
    accreditation = models.ForeignKey(
        MediaAccreditation,
        on_delete=models.CASCADE,
        related_name="conference_registrations",
        verbose_name=_("journalist"),
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("press conference registration")
        verbose_name_plural = _("press conference registrations")
        ordering = ["conference", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "accreditation"], name="one_seat_per_journalist"),
        ]

    def __str__(self):
        return f"{self.conference} · {self.accreditation.reference}"


class MediaVideoQuerySet(models.QuerySet):
    def for_media(self, edition, now=None):
        """What accredited media see: the edition's videos, embargoed ones included when marked early."""
        now = now or clock.now()
        return self.filter(edition=edition).filter(Q(publish_at__lte=now) | Q(early_for_media=True))


class MediaVideo(NormalizedTextModel):
    """Footage and B-roll for broadcasters: the file, its poster, duration, size and credit."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="media_videos", verbose_name=_("edition")
    )
    title = models.CharField(_("title"), max_length=200)
    caption = models.CharField(_("caption"), max_length=400, blank=True)
    credit = models.CharField(_("credit"), max_length=150)
    file = models.FileField(_("video file"), upload_to="press/video/", help_text=_("MP4 (H.264) or WebM."))
    poster = models.ImageField(_("poster image"), upload_to="press/video/posters/", blank=True)
    duration_seconds = models.PositiveIntegerField(_("duration (seconds)"))
    size_bytes = models.PositiveBigIntegerField(editable=False, default=0)
    is_broll = models.BooleanField(_("B-roll (no commentary)"), default=True)
    publish_at = models.DateTimeField(_("embargo until"), default=timezone.now)
    early_for_media = models.BooleanField(_("for accredited media before the embargo"), default=False)

    objects = MediaVideoQuerySet.as_manager()

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        ordering = ["-publish_at", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file:
            self.size_bytes = self.file.size
        super().save(*args, **kwargs)

    @property
    def duration(self):
        minutes, seconds = divmod(self.duration_seconds, 60)
        return f"{minutes}:{seconds:02d}"
