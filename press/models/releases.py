"""Press releases with an embargo, their photos and attachments, and the press office's contacts."""

from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common import clock, images
from common.cache import public_content
from common.sanitize import clean_html
from common.text import NormalizedTextModel, matching, search_text, search_words
from common.validators import keep_pdf_name, validate_pdf
from expo.models import Edition


class ReleaseVersion(NamedTuple):
    """A release as a reader of `requested` gets it: its texts all in one `language`."""

    requested: str
    language: str
    title: str
    summary: str
    body: str

    @property
    def is_original_only(self):
        """No version in the reader's language: these texts are the original's, and must say so."""
        return self.language != self.requested


class PressReleaseQuerySet(models.QuerySet):
    def published(self, now=None):
        """The one definition of a visible release: its embargo has lifted."""
        return self.filter(publish_at__lte=now or clock.now())

    def embargoed(self, now=None):
        return self.filter(publish_at__gt=now or clock.now())

    def next_release_time(self, now=None):
        """When the next embargo lifts (None if none is waiting): pages that list releases expire then."""
        return self.embargoed(now).order_by("publish_at").values_list("publish_at", flat=True).first()

    def search(self, query):
        return self.filter(matching(search_words(query), "search_text"))


@public_content
class PressRelease(NormalizedTextModel):
    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="press_releases", verbose_name=_("edition")
    )
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    body = models.TextField(
        _("body"),
        blank=True,
        help_text=_(
            "Headings, paragraphs, lists, links and emphasis; any other formatting (e.g. pasted from Word) is removed."
        ),
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        help_text=_("Embargo: before this moment the release is invisible everywhere on the public site."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    search_text = models.TextField(editable=False, default="")

    objects = PressReleaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        ordering = ["-publish_at", "-pk"]
        indexes = [models.Index(fields=["publish_at"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Keep only safe formatting in the database too, so no path can show raw editor HTML.
        for language in ("vi", "en"):
            setattr(self, f"body_{language}", clean_html(getattr(self, f"body_{language}", "")))
        parts = [self.title_vi, self.title_en, self.summary_vi, self.summary_en]
        self.search_text = search_text(*parts)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("press:release_detail", kwargs={"slug": self.slug})

    # The one rule for "this release exists in that language": its title and its body (when it
    # has one) are written in it. modeltranslation would otherwise fill an empty English field
    # with the Vietnamese text, silently; every reader of a release goes through version().
    def has_version(self, language):
        if not getattr(self, f"title_{language}", ""):
            return False
        has_body = any(getattr(self, f"body_{code}", "") for code, _name in settings.LANGUAGES)
        return bool(getattr(self, f"body_{language}", "")) or not has_body

    def missing_languages(self):
        return [code for code, _name in settings.LANGUAGES if not self.has_version(code)]

    def version(self, language):
        """The release in `language` if it exists there, else the original (Vietnamese) whole, never a mix:
        a missing English summary is left out rather than filled in Vietnamese."""
        shown = language if self.has_version(language) else settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        return ReleaseVersion(
            requested=language,
            language=shown,
            title=getattr(self, f"title_{shown}") or "",
            summary=getattr(self, f"summary_{shown}") or "",
            body=getattr(self, f"body_{shown}") or "",
        )

    @property
    def is_published(self):
        return self.publish_at <= clock.now()


@public_content
class ReleasePhoto(NormalizedTextModel):
    release = models.ForeignKey(
        PressRelease, on_delete=models.CASCADE, related_name="photos", verbose_name=_("press release")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    image = images.SafeImageField(
        _("photo"),
        upload_to="press/photos/",
        help_text=_("JPEG, PNG or WebP; at most 10 MB and 40 megapixels. Visitors can download it in full size."),
    )
    image_width = models.PositiveIntegerField(editable=False, null=True)
    image_height = models.PositiveIntegerField(editable=False, null=True)
    image_renditions = models.JSONField(editable=False, default=list, blank=True)
    caption = models.CharField(_("caption"), max_length=300)
    credit = models.CharField(_("credit"), max_length=150, help_text=_("Photographer or agency, e.g. “Photo: VNA”."))

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["release", "order", "pk"]

    def __str__(self):
        return self.caption

    def save(self, *args, **kwargs):
        images.keep_in_step(self, "image", folder="press/photos")
        super().save(*args, **kwargs)

    def srcset(self):
        return images.srcset(self.image, self.image_width, self.image_renditions)

    def thumbnail(self):
        return images.smallest(self.image, self.image_width, self.image_height, self.image_renditions, at_least=640)


@public_content
class ReleaseAttachment(NormalizedTextModel):
    release = models.ForeignKey(
        PressRelease, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("press release")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("PDF file"), upload_to="press/attachments/", validators=[validate_pdf], help_text=_("PDF, at most 20 MB.")
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["release", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        keep_pdf_name(self.file)
        super().save(*args, **kwargs)


@public_content
class PressContact(NormalizedTextModel):
    """A public contact of the press office, shown on the press centre page."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="press_contacts", verbose_name=_("edition")
    )
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("press office contact")
        verbose_name_plural = _("press office contacts")
        ordering = ["edition", "order", "pk"]

    def __str__(self):
        return self.name
