"""A delegation, its status history, and the liaison officers and interpreters who look after it."""

from concurrency.fields import AutoIncVersionField
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from common import countries as country_names
from common.dates import local_text
from common.languages import LanguagesField
from common.text import NormalizedTextModel, fold
from expo.models import Edition


class LiaisonOfficer(NormalizedTextModel):
    name = models.CharField(_("name"), max_length=150)
    rank = models.CharField(_("rank"), max_length=100, blank=True)
    languages = LanguagesField(_("languages"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    search_name = models.CharField(max_length=150, editable=False, db_index=True, default="")

    class Meta:
        verbose_name = _("liaison officer")
        verbose_name_plural = _("liaison officers")
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.rank} {self.name}".strip()

    def save(self, *args, **kwargs):
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)


class Interpreter(NormalizedTextModel):
    name = models.CharField(_("name"), max_length=150)
    rank = models.CharField(_("rank"), max_length=100, blank=True)
    languages = LanguagesField(_("languages"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    search_name = models.CharField(max_length=150, editable=False, db_index=True, default="")

    class Meta:
        verbose_name = _("interpreter")
        verbose_name_plural = _("interpreters")
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name} ({self.get_languages_display()})" if self.languages else self.name

    def save(self, *args, **kwargs):
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)


def in_protocol_order(queryset, language=None, *, path="", then=()):
    """`queryset` ordered by its delegation's protocol order: level precedence, then the country's
    name in `language` (the active one by default), then organisation; `path` leads from the
    queryset's rows to the delegation ("delegation__" for members), `then` orders within one.

    The one definition for lists, badges, exports and rooming lists. Country names are not
    stored, so the sort key is a CASE over the countries present, ranked by name in that
    language's alphabet (Áo, Ấn Độ, … Đức after D) on every database.
    """
    language = language or get_language() or settings.LANGUAGE_CODE
    codes = {code for code in queryset.values_list(f"{path}country", flat=True).order_by() if code}
    # Ranked in Python (Vietnamese alphabet order, common.countries), the same on every database.
    ranked = country_names.ordered(codes, language)
    sort_name = Case(
        *[When(**{f"{path}country": code}, then=Value(rank)) for rank, code in enumerate(ranked)],
        default=Value(-1),
        output_field=models.IntegerField(),
    )
    keys = [f"{path}level_rank", "country_sort", f"{path}organisation", f"{path}pk"]
    return queryset.annotate(country_sort=sort_name).order_by(*keys, *then)


class DelegationQuerySet(models.QuerySet):
    def in_protocol_order(self, language=None):
        return in_protocol_order(self, language)

    # The one vocabulary of "which delegations": every printout, mail, count and clash check asks
    # these (or, across a relation, the status sets on Delegation), never a list of its own.
    def coming(self):
        return self.filter(status__in=Delegation.COMING_STATUSES)

    def confirmed(self):
        return self.filter(status__in=Delegation.CONFIRMED_STATUSES)

    def active(self):
        return self.exclude(status__in=Delegation.INACTIVE_STATUSES)


class Delegation(NormalizedTextModel):
    class Type(models.TextChoices):
        INTERNATIONAL = "international", _("International")
        DOMESTIC = "domestic", _("Domestic")

    class Level(models.TextChoices):
        MINISTER = "minister", _("Minister")
        DEPUTY_MINISTER = "deputy_minister", _("Deputy minister")
        CHIEF_OF_DEFENCE = "chief_of_defence", _("Chief of defence")
        SERVICE_COMMANDER = "service_commander", _("Service commander")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        ARRIVED = "arrived", _("Arrived")
        DEPARTED = "departed", _("Departed")
        CANCELLED = "cancelled", _("Cancelled")

    # Said yes (and may have come and gone): counted as "confirmed" in public figures.
    CONFIRMED_STATUSES = (Status.ACCEPTED, Status.ARRIVED, Status.DEPARTED)
    # Expected or here: met at the airport, on run sheets, told of changes to their itinerary.
    COMING_STATUSES = (Status.ACCEPTED, Status.ARRIVED)
    # Said no or called off: they book nothing and appear on no list, sheet or clash check.
    INACTIVE_STATUSES = (Status.DECLINED, Status.CANCELLED)

    # Protocol precedence: a lower rank is received and listed first.
    PRECEDENCE = {
        Level.MINISTER: 1,
        Level.DEPUTY_MINISTER: 2,
        Level.CHIEF_OF_DEFENCE: 3,
        Level.SERVICE_COMMANDER: 4,
        Level.OTHER: 9,
    }

    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="delegations", verbose_name=_("edition")
    )
    country = CountryField(_("country"))
    type = models.CharField(_("type"), max_length=16, choices=Type.choices, default=Type.INTERNATIONAL)
    # In both languages (organisation_vi, organisation_en); either may wait to be filled, not both (clean()).
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, help_text=_("e.g. Ministry of Defence")
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.OTHER)
    level_rank = models.PositiveSmallIntegerField(_("precedence"), default=9, editable=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    head = models.ForeignKey(
        "delegations.Member",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("head of delegation"),
    )
    liaison_officer = models.ForeignKey(
        LiaisonOfficer,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegations",
        verbose_name=_("liaison officer"),
    )
    interpreters = models.ManyToManyField(
        Interpreter, blank=True, related_name="delegations", verbose_name=_("interpreters")
    )
    # No hotel or vehicle here: they are the rooming list's and the vehicle pool's (delegations.selectors).
    notes = models.TextField(_("notes"), blank=True)
    search_name = models.CharField(max_length=300, editable=False, db_index=True, default="")
    version = AutoIncVersionField(_("version"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = DelegationQuerySet.as_manager()

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["level_rank", "country", "organisation", "pk"]
        permissions = [("view_sensitive", _("Can see sensitive personal data of delegation members"))]
        constraints = [
            # The organisation is named in both languages (delegations/translation.py); each name
            # is unique per country and edition, whichever language it is given in.
            models.UniqueConstraint(
                fields=["edition", "country", "organisation_vi"],
                condition=~Q(organisation_vi=""),
                name="delegation_unique_organisation_vi",
            ),
            models.UniqueConstraint(
                fields=["edition", "country", "organisation_en"],
                condition=~Q(organisation_en=""),
                name="delegation_unique_organisation_en",
            ),
        ]
        indexes = [
            models.Index(fields=["edition", "status"]),
            models.Index(fields=["edition", "level_rank", "country"]),
        ]

    def __str__(self):
        return f"{self.country.name} · {self.organisation}"

    def save(self, *args, **kwargs):
        self.fill_derived()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not (self.organisation_vi or self.organisation_en):
            raise ValidationError({"organisation_vi": _("Name the organisation in Vietnamese, in English or both.")})

    def fill_derived(self):
        """Derived columns, computed here only (save() and the import's bulk writer call it):
        precedence for ordering in SQL, folded text for accent-blind search."""
        self.level_rank = self.PRECEDENCE.get(self.level, 9)
        self.search_name = self.folded_name()

    def folded_name(self):
        with override("en"):
            english = str(self.country.name)
        with override("vi"):
            vietnamese = str(self.country.name)
        organisations = " ".join(dict.fromkeys(n for n in (self.organisation_vi, self.organisation_en) if n))
        return fold(f"{organisations or self.organisation} {english} {vietnamese}")[:300]


class StatusChange(models.Model):
    """One step of a delegation's status (invited, accepted…), with when and who."""

    delegation = models.ForeignKey(
        Delegation, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("delegation")
    )
    status = models.CharField(_("status"), max_length=12, choices=Delegation.Status.choices)
    at = models.DateTimeField(_("when"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("by")
    )

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["delegation", "at", "pk"]

    def __str__(self):
        return f"{self.get_status_display()} · {local_text(self.at)}"
