"""Members of a delegation and the arrivals and departures of the delegation or a member."""

import secrets

from concurrency.fields import AutoIncVersionField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from common import images
from common.dates import local_text
from common.languages import LanguagesField
from common.private_files import private_storage  # named by the migrations
from common.text import NormalizedTextModel, fold
from delegations.models.delegation import Delegation

# Nationalities whose names are written family name first (Nguyễn Văn An, not Văn An Nguyễn).
FAMILY_NAME_FIRST = frozenset({"VN", "CN", "TW", "HK", "MO", "JP", "KR", "KP", "KH", "HU", "MN"})
# Badge codes: no 0/O, 1/I/L, so a gate guard can type one read off a card.
BADGE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_badge_code():
    """The opaque id a badge's signed QR carries instead of the member's key or name."""
    return "".join(secrets.choice(BADGE_ALPHABET) for _ in range(10))


class Member(NormalizedTextModel):
    class Role(models.TextChoices):
        HEAD = "head", _("Head of delegation")
        DEPUTY = "deputy", _("Deputy head")
        MEMBER = "member", _("Member")
        AIDE = "aide", _("Aide")
        INTERPRETER = "interpreter", _("Interpreter")
        SECURITY = "security", _("Security")

    class Gender(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        OTHER = "other", _("Other")
        UNKNOWN = "", _("Not given")

    # Seen only by staff holding delegations.view_sensitive; masked everywhere else (the admin,
    # exports, imports, the audit log: common.sensitive reads these two).
    SENSITIVE_FIELDS = ("passport_no", "date_of_birth", "phone", "email", "needs")
    SENSITIVE_PERMISSION = "delegations.view_sensitive"
    # The audit log (django-auditlog, and the import's bulk entries) leaves these out.
    # The photo is personal data but is printed on the badge that protocol staff hand out, so it is
    # not masked like the fields above: it lives in private storage (no public URL), reaches only the
    # badge PDF (inline) and the audit log leaves it out.
    AUDIT_EXCLUDED_FIELDS = ("search_name", "version", "photo")

    delegation = models.ForeignKey(
        Delegation, on_delete=models.CASCADE, related_name="members", verbose_name=_("delegation")
    )
    family_name = models.CharField(_("family name"), max_length=100)
    given_name = models.CharField(_("given name"), max_length=100, blank=True)
    rank = models.CharField(_("rank"), max_length=100, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices, blank=True, default="")
    nationality = CountryField(_("nationality"), blank=True)
    languages = LanguagesField(_("languages"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    passport_no = models.CharField(_("passport number"), max_length=30, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    needs = models.CharField(_("dietary and medical needs"), max_length=500, blank=True)
    photo = images.SafeImageField(
        _("photo for the badge"),
        storage=private_storage,
        upload_to="delegations/photos/",
        blank=True,
        help_text=_("A portrait for the name badge; JPEG, PNG or WebP, at most 10 MB."),
    )
    badge_code = models.CharField(_("badge code"), max_length=12, unique=True, editable=False, default=new_badge_code)
    search_name = models.CharField(max_length=210, editable=False, db_index=True, default="")
    version = AutoIncVersionField(_("version"))

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["delegation", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["delegation", "passport_no"],
                condition=~Q(passport_no=""),
                name="member_passport_unique_per_delegation",
            ),
        ]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.fill_derived()
        if self.photo and not self.photo._committed:
            # Re-encoded from its pixels alone (no EXIF, no GPS), at badge size.
            self.photo = badge_photo(self.photo.file)
        super().save(*args, **kwargs)

    def fill_derived(self):
        """The columns computed from others, here only: save() and the import's bulk writer call it."""
        if not self.nationality and self.delegation_id:
            # Unless told otherwise, a member has the delegation's nationality (it decides name order).
            self.nationality = self.delegation.country
        self.search_name = self.folded_name()

    def folded_name(self):
        return fold(f"{self.family_name} {self.given_name}")

    @property
    def family_name_first(self):
        return (self.nationality.code or self.delegation_country_code()) in FAMILY_NAME_FIRST

    def delegation_country_code(self):
        # Only when the delegation is already loaded, so a list never queries per member.
        delegation = self._state.fields_cache.get("delegation")
        return delegation.country.code if delegation else ""

    @property
    def full_name(self):
        """Nguyễn Văn An for Vietnamese (family name first), John Smith for others."""
        parts = [self.family_name, self.given_name] if self.family_name_first else [self.given_name, self.family_name]
        return " ".join(part for part in parts if part)

    @property
    def title_and_name(self):
        return f"{self.rank} {self.full_name}".strip()


BADGE_PHOTO_SIZE = (600, 800)


def badge_photo(upload):
    """Check the upload by the image rules (common.images), then keep a re-encoded JPEG."""
    import io
    import uuid

    from django.core.files.base import ContentFile
    from PIL import Image, ImageOps

    images.check_upload(upload)
    upload.seek(0)
    with Image.open(upload) as opened:
        image = ImageOps.exif_transpose(opened).convert("RGB")
    image.thumbnail(BADGE_PHOTO_SIZE, Image.Resampling.LANCZOS)
    image.info = {}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.jpg")


class Movement(models.Model):
    """An arrival or a departure of the whole delegation, or of one member travelling apart."""

    class Kind(models.TextChoices):
        ARRIVAL = "arrival", _("Arrival")
        DEPARTURE = "departure", _("Departure")

    delegation = models.ForeignKey(
        Delegation, on_delete=models.CASCADE, related_name="movements", verbose_name=_("delegation")
    )
    member = models.ForeignKey(
        Member,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="movements",
        verbose_name=_("member"),
        help_text=_("Leave empty when the whole delegation travels together."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    at = models.DateTimeField(_("time"))
    flight = models.CharField(_("flight"), max_length=20, blank=True)
    airport = models.CharField(_("airport / terminal"), max_length=100, blank=True)
    pickup_arranged = models.BooleanField(_("pickup arranged"), default=False)
    vehicle = models.ForeignKey(
        "delegations.Vehicle",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="movements",
        verbose_name=_("vehicle"),
    )

    class Meta:
        verbose_name = _("movement")
        verbose_name_plural = _("movements")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["kind", "at"])]

    def __str__(self):
        # Local time at the event, zone named: the admin's inline heading shows this.
        return f"{self.get_kind_display()} {local_text(self.at)} {self.flight}".strip()

    def clean(self):
        if self.member_id and self.delegation_id and self.member.delegation_id != self.delegation_id:
            raise ValidationError({"member": _("Choose a member of this delegation.")})
        if not self.at or not self.kind or not self.delegation_id:
            return
        same_traveller = Movement.objects.filter(delegation_id=self.delegation_id, member_id=self.member_id).exclude(
            pk=self.pk
        )
        if self.kind == self.Kind.DEPARTURE:
            arrival = same_traveller.filter(kind=self.Kind.ARRIVAL, at__gt=self.at).first()
            if arrival:
                raise ValidationError({"at": _("The departure cannot be before the arrival.")})
        else:
            departure = same_traveller.filter(kind=self.Kind.DEPARTURE, at__lt=self.at).first()
            if departure:
                raise ValidationError({"at": _("The arrival cannot be after the departure.")})
