from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.text import NormalizedTextModel


class ContactQuerySet(models.QuerySet):
    def with_access(self):
        """Contacts who may sign in now: not removed, with an account."""
        return self.filter(removed_at__isnull=True, user__isnull=False, user__is_active=True)


class Contact(NormalizedTextModel):
    """A person who speaks for an exhibitor in the portal. Signs in with their own account
    (a Django user without staff status: nothing of the admin opens to it)."""

    SENSITIVE_FIELDS = ("email", "phone")
    SENSITIVE_PERMISSION = "portal.view_sensitive"

    exhibitor = models.ForeignKey(
        "exhibitors.Exhibitor", on_delete=models.CASCADE, related_name="portal_contacts", verbose_name=_("exhibitor")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="portal_contact",
        verbose_name=_("account"),
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), unique=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES, default="en")
    is_main = models.BooleanField(
        _("main contact"), default=False, help_text=_("The main contact can invite and remove the others.")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    invited_at = models.DateTimeField(_("invited"), auto_now_add=True)
    removed_at = models.DateTimeField(_("access removed"), null=True, blank=True)

    objects = ContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("exhibitor contact")
        verbose_name_plural = _("exhibitor contacts")
        ordering = ["exhibitor", "-is_main", "name", "pk"]
        permissions = [("view_sensitive", _("Can see exhibitor contacts' e-mail and phone"))]
        constraints = [
            models.UniqueConstraint(
                fields=["exhibitor"],
                condition=Q(is_main=True, removed_at__isnull=True),
                name="portal_one_main_contact",
            )
        ]

    def __str__(self):
        return self.name
