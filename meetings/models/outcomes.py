"""The outcomes ledger: what was signed at the expo, and when each entry may be made public."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common import clock
from common.cache import public_content
from common.text import NormalizedTextModel, nfc
from expo.models import Edition


class AgreementQuerySet(models.QuerySet):
    def disclosed(self, today=None):
        """Signed off, and public or announceable from a day that has come (local date)."""
        today = today or timezone.localdate(clock.now())
        return self.filter(approved_at__isnull=False).filter(
            Q(disclosure=Agreement.Disclosure.PUBLIC)
            | Q(disclosure=Agreement.Disclosure.ANNOUNCEABLE, announce_from__lte=today)
        )

    def next_disclosure_date(self, today=None):
        """The next day an approved, announceable entry becomes public (cache pages until then)."""
        today = today or timezone.localdate(clock.now())
        return (
            self.filter(
                approved_at__isnull=False, disclosure=Agreement.Disclosure.ANNOUNCEABLE, announce_from__gt=today
            )
            .order_by("announce_from")
            .values_list("announce_from", flat=True)
            .first()
        )


# The results page shows disclosed agreements: a change (a withdrawal above all) is public at once.
@public_content
class Agreement(NormalizedTextModel):
    class Kind(models.TextChoices):
        MOU = "mou", _("Memorandum of understanding")
        AGREEMENT = "agreement", _("Agreement")
        CONTRACT = "contract", _("Contract")

    class Disclosure(models.TextChoices):
        INTERNAL = "internal", _("Internal")
        ANNOUNCEABLE = "announceable", _("Announceable from a date")
        PUBLIC = "public", _("Public")

    # Every column the public outputs (results page, /api/results, the Atom feed, the briefing
    # PDF) read: the selectors load only these, and a sign-off covers exactly these, so changing
    # any of them withdraws it. tests/meetings/test_signoff.py derives the list from the outputs.
    PUBLIC_FIELDS = (
        "edition",
        "kind",
        "title_vi",
        "title_en",
        "party_a_vi",
        "party_a_en",
        "party_b_vi",
        "party_b_en",
        "signed_on",
        "place_vi",
        "place_en",
        "value",
        "currency",
        "usd_rate",
        "rate_date",
        "disclosure",
        "announce_from",
    )
    # The sign-off itself.
    SIGNOFF_FIELDS = ("approved_by", "approved_at")

    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="agreements", verbose_name=_("edition"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MOU)
    title = models.CharField(_("title"), max_length=250)
    party_a = models.CharField(_("first party"), max_length=200)
    party_b = models.CharField(_("second party"), max_length=200)
    signed_on = models.DateField(_("signed on"))
    place = models.CharField(_("place of signing"), max_length=200, blank=True)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True, help_text=_("ISO code, e.g. USD, EUR, VND."))
    usd_rate = models.DecimalField(
        _("US$ per unit"),
        max_digits=16,
        decimal_places=8,
        null=True,
        blank=True,
        help_text=_("Exchange rate used for the US$ total; 1 for USD."),
    )
    rate_date = models.DateField(_("rate date"), null=True, blank=True)
    meetings = models.ManyToManyField(
        "meetings.Meeting", blank=True, related_name="agreements", verbose_name=_("meetings that led to it")
    )
    disclosure = models.CharField(
        _("disclosure"), max_length=12, choices=Disclosure.choices, default=Disclosure.INTERNAL
    )
    announce_from = models.DateField(_("announceable from"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("disclosure approved by"),
    )
    approved_at = models.DateTimeField(_("disclosure approved at"), null=True, blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["edition", "signed_on", "pk"]
        permissions = [("approve_disclosure", _("Can approve the publication of an agreement"))]
        constraints = [
            models.CheckConstraint(
                condition=~Q(disclosure="announceable") | Q(announce_from__isnull=False),
                name="agreement_announceable_has_a_date",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | (~Q(currency="") & Q(usd_rate__isnull=False)),
                name="agreement_value_has_currency_and_rate",
            ),
            models.CheckConstraint(condition=Q(value__isnull=True) | Q(value__gte=0), name="agreement_value_positive"),
        ]

    def __str__(self):
        return self.title

    @property
    def usd_value(self):
        if self.value is None or self.usd_rate is None:
            return None
        return (self.value * self.usd_rate).quantize(Decimal("1"), rounding=ROUND_HALF_UP)

    def public_values(self):
        """What a sign-off approves: the public columns as they stand (text in NFC)."""
        return {name: nfc(getattr(self, self._meta.get_field(name).attname)) for name in self.PUBLIC_FIELDS}

    def clean(self):
        errors = {}
        if self.disclosure == self.Disclosure.ANNOUNCEABLE and not self.announce_from:
            errors["announce_from"] = _("Give the day from which it may be announced.")
        if self.value is not None:
            if not self.currency:
                errors["currency"] = _("Give the currency of the value.")
            elif self.currency.upper() == "USD" and self.usd_rate is None:
                self.usd_rate = Decimal(1)
            elif self.usd_rate is None:
                errors["usd_rate"] = _("Give the US$ rate used for the total, and its date.")
            if self.currency.upper() != "USD" and self.usd_rate is not None and not self.rate_date:
                errors["rate_date"] = _("Give the date of the exchange rate.")
        self.currency = self.currency.upper()
        if errors:
            raise ValidationError(errors)
