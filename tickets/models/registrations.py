"""Registrations: a trade visitor's (vetted) or a public party's (a day and a time slot).

Personal data: name, contacts, ID number and photo are for the Registration group only
(`tickets.view_sensitive` masks the contacts and the ID number for other staff); the photo
lives in private storage. Nothing here is ever public; `purge_registrations` erases them after
the edition's retention period.

The ticket a gate reads carries `pass_id` only (random, never a database key); the private link
to view, change or cancel carries `access_key` (256 random bits).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from common.private_files import private_storage  # named by the migrations
from common.text import NormalizedTextModel, fold
from expo.models import Edition
from tickets.models.days import Kind, TimeSlot

HOME_COUNTRY = "VN"


def new_pass_id():
    # 72 random bits in base64url: no dot (the token's separator), short enough for a small QR.
    return secrets.token_urlsafe(9)


def new_access_key():
    return secrets.token_urlsafe(32)


class Status(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("E-mail not yet confirmed")
    TO_CHECK = "to_check", _("To check")
    MORE_INFO = "more_info", _("More information asked")
    ISSUED = "issued", _("Ticket issued")
    REFUSED = "refused", _("Refused")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Not confirmed in time")
    WAITING = "waiting", _("On the waiting list")


# One vocabulary: which statuses hold a place, admit at the gate, or are revoked.
HOLDS_PLACE = (Status.UNCONFIRMED, Status.ISSUED)
REVOKED = (Status.REFUSED, Status.CANCELLED, Status.EXPIRED)
OPEN_FOR_DECISION = (Status.TO_CHECK, Status.MORE_INFO)


class RegistrationQuerySet(models.QuerySet):
    def issued(self):
        return self.filter(status=Status.ISSUED)

    def revoked(self):
        return self.filter(status__in=REVOKED)

    def to_check(self):
        return self.filter(status__in=OPEN_FOR_DECISION)

    def valid_on(self, day):
        """Issued tickets a gate admits on `day`: the trade ones on trade days, the public ones on their day."""
        trade = Q(kind=Kind.TRADE, edition__visit_days__date=day, edition__visit_days__kind=Kind.TRADE)
        return self.issued().filter(trade | Q(kind=Kind.PUBLIC, slot__day__date=day)).distinct()


class Registration(NormalizedTextModel):
    SENSITIVE_FIELDS = ("email", "phone", "id_number")
    SENSITIVE_PERMISSION = "tickets.view_sensitive"

    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("edition")
    )
    kind = models.CharField(_("ticket"), max_length=6, choices=Kind.choices, default=Kind.TRADE)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED)
    name = models.CharField(_("full name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=2, default="vi", editable=False)
    # Trade visitors.
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=150, blank=True)
    country = CountryField(_("nationality"), blank=True)
    id_number = models.CharField(
        _("passport or ID number"), max_length=40, blank=True, help_text=_("Asked of foreign nationals.")
    )
    photo = models.ImageField(_("photo"), storage=private_storage, upload_to="tickets/", blank=True)
    # Public visitors.
    slot = models.ForeignKey(
        TimeSlot,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("time slot"),
    )
    party_size = models.PositiveSmallIntegerField(_("people"), default=1)
    # Vetting.
    is_foreign = models.BooleanField(_("foreign national"), default=False, editable=False)
    on_watch_list = models.BooleanField(_("watch-list match"), default=False, editable=False)
    reason = models.TextField(_("reason or question to the visitor"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    # Keys and times.
    pass_id = models.CharField(_("ticket number"), max_length=16, unique=True, default=new_pass_id, editable=False)
    access_key = models.CharField(max_length=64, unique=True, default=new_access_key, editable=False)
    consented_at = models.DateTimeField(_("consent given at"), null=True, editable=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("e-mail confirmed at"), null=True, blank=True, editable=False)
    # The name folded (no accents, no case) for the gates' look-up: "pham minh" finds "Phạm Minh Anh".
    search_name = models.CharField(max_length=150, blank=True, editable=False, db_index=True)
    # On the waiting list: when the visitor was told that places freed up in the slot.
    told_at = models.DateTimeField(_("told of a free place at"), null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["edition", "kind", "status"])]
        permissions = [
            ("view_sensitive", _("Can see visitors' contact details and ID numbers")),
            ("decide_registration", _("Can approve or refuse trade registrations")),
            ("check_in", _("Can check tickets in at the gates")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="trade", slot__isnull=True, party_size=1) | Q(kind="public", slot__isnull=False),
                name="registration_public_has_slot",
            ),
            models.CheckConstraint(
                condition=~Q(status="refused") | ~Q(reason=""), name="registration_refusal_has_reason"
            ),
            models.CheckConstraint(condition=Q(party_size__gte=1), name="registration_party_not_empty"),
        ]

    def __str__(self):
        return f"{self.name} · {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        self.search_name = fold(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_name"}
        super().save(*args, **kwargs)

    @property
    def is_revoked(self):
        return self.status in REVOKED


class WatchListEntry(NormalizedTextModel):
    """A name and number the organisers were asked to look out for (uploaded as a spreadsheet)."""

    SENSITIVE_FIELDS = ("id_number",)
    SENSITIVE_PERMISSION = "tickets.view_sensitive"

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+", verbose_name=_("edition"))
    name = models.CharField(_("full name"), max_length=150, blank=True)
    id_number = models.CharField(_("passport or ID number"), max_length=40, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("watch-list entry")
        verbose_name_plural = _("watch list")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(name="") | ~Q(id_number=""), name="watch_list_entry_not_empty")
        ]

    def __str__(self):
        return self.name or "—"
