"""The outbox: every e-mail the system sends is a row here first.

One row per message per recipient, so recipients of a batch never see each other and each
delivery is idempotent on its own key. Bodies are personal data (names, itineraries): they
live in this table and in the admin only, never in a log.
"""

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.text import NormalizedTextModel
from outbox import digest, registry
from outbox.registry import Team


class MessageQuerySet(models.QuerySet):
    def for_user(self, user):
        """What a member of staff may see: protocol messages for Protocol, press messages for the Press office."""
        if user.is_superuser:
            return self
        teams = [team for team in Team if user.has_perm(f"outbox.{team}_messages")]
        return self.filter(team__in=teams)

    def editable(self):
        return self.filter(status__in=Message.EDITABLE)


def addresses_visible_to(user, codes):
    """May `user` see the recipients' addresses of messages of these kinds? A kind says which
    permission its addresses need (delegates' are sensitive); an unknown kind hides them."""
    for code in codes:
        try:
            kind = registry.get(code)
        except LookupError:
            return user.is_superuser
        if kind.address_permission and not user.has_perm(kind.address_permission):
            return False
    return True


class Message(NormalizedTextModel):
    # The recipient's address, and the delivery key made from it (common.sensitive). Who may see
    # them depends on the message's kind, so the rule is `sensitive_visible_to`, not a permission.
    SENSITIVE_FIELDS = ("to_email", "key")
    # Not in the audit log (common.checks): the system writes messages, and the row keeps its own
    # history of people (drafted_by, edited_by, approved_by and approved_at, the approved digest).
    AUDIT_LOG = False

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        # The recipient unsubscribed from the message's topic before it left: it never will.
        UNSUBSCRIBED = "unsubscribed", _("Not sent: unsubscribed")

    EDITABLE = (Status.DRAFT, Status.APPROVED, Status.FAILED)

    kind = models.CharField(_("kind"), max_length=60)
    team = models.CharField(_("team"), max_length=10, choices=Team.choices)
    key = models.CharField(
        _("delivery key"),
        max_length=200,
        unique=True,
        help_text=_("One per message and recipient: the same key is never delivered twice."),
    )
    to_email = models.EmailField(_("recipient e-mail"))
    to_name = models.CharField(_("recipient name"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=250)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(_("extra headers"), default=dict, blank=True, editable=False)
    about_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    about_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    about = GenericForeignKey("about_type", "about_id")
    batch_key = models.CharField(max_length=120, blank=True, default="", editable=False, db_index=True)
    batch_lines = models.JSONField(default=list, blank=True, editable=False)
    send_after = models.DateTimeField(_("not before"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    needs_review = models.BooleanField(_("needs review"), default=True, editable=False)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("drafted by"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    # What the approval approved (outbox.digest): delivery sends nothing that differs from it.
    approved_digest = models.CharField(max_length=64, blank=True, default="", editable=False)
    # The last person who changed the words: never the one who approves them.
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # The provider's id for the sent message (django-anymail), to match its delivery and bounce reports.
    provider_id = models.CharField(max_length=200, blank=True, default="", editable=False, db_index=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("protocol_messages", _("Can see and act on messages to delegations")),
            ("press_messages", _("Can see and act on messages to the press")),
            ("visitors_messages", _("Can see and act on messages to visitors")),
            ("exhibitors_messages", _("Can see and act on messages to exhibitors")),
            ("approve_message", _("Can approve messages for sending")),
        ]
        indexes = [
            models.Index(fields=["team", "status", "-created_at"]),
            models.Index(fields=["about_type", "about_id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False), name="outbox_sent_message_has_time"
            ),
        ]

    def __str__(self):
        # No address: titles and breadcrumbs are seen by staff who may not see delegates' addresses.
        return self.subject

    @property
    def is_editable(self):
        return self.status in self.EDITABLE

    def content_digest(self, attachments=None):
        """The digest of this row as delivery would send it: with `attachments` ((filename, type,
        bytes), in order) as given, else its stored ones (prefetched if they were)."""
        if attachments is None:
            attachments = [(a.filename, a.content_type, a.content) for a in self.attachments.all()] if self.pk else []
        return digest.compute(
            subject=self.subject,
            body_text=self.body_text,
            body_html=self.body_html,
            to_email=self.to_email,
            to_name=self.to_name,
            language=self.language,
            headers=self.headers,
            attachments=attachments,
        )

    @classmethod
    def sensitive_visible_to(cls, user, obj=None):
        """For one message: by its kind. For a list (lookups, search, ordering): only when the
        user may see the addresses of every kind of every team whose messages they see."""
        if obj is not None:
            return addresses_visible_to(user, [obj.kind])
        teams = {team for team in Team if user.is_superuser or user.has_perm(f"outbox.{team}_messages")}
        return addresses_visible_to(user, [kind.code for kind in registry.all_kinds() if kind.team in teams])

    def masked_sensitive(self, name):
        if name == "to_email":
            local, _at, domain = self.to_email.partition("@")
            return f"{local[:1]}•••@{domain}"
        return "••••••"


class Attachment(models.Model):
    """A file sent with a message (an invitation letter). Stored in the row: small, and personal."""

    message = models.ForeignKey(
        Message, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("message")
    )
    filename = models.CharField(_("file name"), max_length=150)
    content_type = models.CharField(_("type"), max_length=100, default="application/pdf")
    content = models.BinaryField(_("content"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["message", "pk"]

    def __str__(self):
        return self.filename


class KindSetting(models.Model):
    """The press office's choice per kind: send automatically, or hold for review first."""

    kind = models.CharField(_("kind"), max_length=60, unique=True)
    review_first = models.BooleanField(
        _("review before sending"), help_text=_("Unticked: messages of this kind are sent as soon as they are made.")
    )

    class Meta:
        verbose_name = _("sending rule")
        verbose_name_plural = _("sending rules")
        ordering = ["kind"]

    def __str__(self):
        # The kind's name in the reader's language ("Press release"), never its code ("press.release"),
        # which save messages and breadcrumbs would otherwise show.
        try:
            return str(registry.get(self.kind).label)
        except LookupError:
            return self.kind


class Unsubscribe(models.Model):
    """An address that asked to receive no more messages on a topic (e.g. press releases)."""

    # Seen only by staff who may see the addresses of the messages one can unsubscribe from (the
    # kinds with this topic: press releases, the Press office's), by common.sensitive.
    SENSITIVE_FIELDS = ("email",)
    # Not in the audit log (common.checks): the recipient's own click writes it, staff never edit
    # it, and the row records when.
    AUDIT_LOG = False

    email = models.EmailField(_("e-mail"))
    topic = models.CharField(_("topic"), max_length=60)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("unsubscribed address")
        verbose_name_plural = _("unsubscribed addresses")
        constraints = [models.UniqueConstraint(fields=["email", "topic"], name="outbox_unsubscribe_once")]

    def __str__(self):
        return self.topic  # no address: titles and breadcrumbs are seen by staff who may not see it

    @classmethod
    def sensitive_visible_to(cls, user, obj=None):
        return topic_addresses_visible_to(user, obj.topic if obj is not None else None)


def topic_addresses_visible_to(user, topic=None):
    """May `user` see addresses that unsubscribed from `topic` (None: from any topic)? Those who
    may see the addresses of the kinds with that topic; an unknown topic only superusers."""
    kinds = [kind.code for kind in registry.all_kinds() if kind.topic and topic in (None, kind.topic)]
    return addresses_visible_to(user, kinds) if kinds else user.is_superuser


def new_unsubscribe_token():
    return secrets.token_urlsafe(32)


class UnsubscribeLink(models.Model):
    """The random token of an unsubscribe link, one per address and topic (outbox/unsubscribe.py):
    the link itself names neither."""

    # The address is personal data, as on Unsubscribe (common.sensitive; no admin shows this table).
    SENSITIVE_FIELDS = ("email",)
    AUDIT_LOG = False  # written by the system when a mail is sent; nobody edits it

    token = models.CharField(max_length=64, unique=True, default=new_unsubscribe_token, editable=False)
    email = models.EmailField(_("e-mail"))
    topic = models.CharField(_("topic"), max_length=60)

    class Meta:
        verbose_name = _("unsubscribe link")
        verbose_name_plural = _("unsubscribe links")
        constraints = [models.UniqueConstraint(fields=["email", "topic"], name="outbox_unsubscribe_link_once")]

    def __str__(self):
        return self.topic

    @classmethod
    def sensitive_visible_to(cls, user, obj=None):
        return topic_addresses_visible_to(user, obj.topic if obj is not None else None)


def about_fields(obj):
    """Columns that point a message at the object it is about."""
    if obj is None:
        return {"about_type": None, "about_id": None}
    return {"about_type": ContentType.objects.get_for_model(obj), "about_id": obj.pk}
