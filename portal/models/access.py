"""The keys a contact is mailed: an invitation (set a password, 7 days) or a sign-in link (30 minutes).

Each works once and only by a button (a POST): a mail scanner that opens the link uses nothing.
Only the key's SHA-256 is stored, so a copy of the table opens nothing.
"""

import datetime
import hashlib
import secrets

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models.contacts import Contact


def key_digest(key):
    return hashlib.sha256(key.encode()).hexdigest()


def new_key():
    return secrets.token_urlsafe(32)


class ContactLinkQuerySet(models.QuerySet):
    def usable(self, key, purpose, now=None):
        """The unused, unexpired link of `key` for `purpose` whose contact still has access."""
        now = now or timezone.now()
        return self.filter(
            key_hash=key_digest(key),
            purpose=purpose,
            used_at__isnull=True,
            expires_at__gt=now,
            contact__removed_at__isnull=True,
        ).select_related("contact__exhibitor", "contact__user")


class ContactLink(models.Model):
    class Purpose(models.TextChoices):
        INVITATION = "invitation", _("invitation")
        SIGN_IN = "sign_in", _("sign-in link")

    LIFETIME = {Purpose.INVITATION: datetime.timedelta(days=7), Purpose.SIGN_IN: datetime.timedelta(minutes=30)}

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="links", verbose_name=_("contact"))
    purpose = models.CharField(_("purpose"), max_length=12, choices=Purpose.choices)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires at"), editable=False)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True, editable=False)

    objects = ContactLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("portal link")
        verbose_name_plural = _("portal links")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(expires_at__gt=models.F("created_at")), name="portal_link_expires")
        ]

    def __str__(self):
        return f"{self.contact} · {self.get_purpose_display()}"
