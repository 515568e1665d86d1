"""What belongs to no app but must be kept: an organiser's own settings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffPreference(models.Model):
    """The language an organiser chose for the admin, kept on the account (any browser, any machine)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_preference", verbose_name=_("user")
    )
    admin_language = models.CharField(_("admin language"), max_length=8, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("staff preference")
        verbose_name_plural = _("staff preferences")

    def __str__(self):
        return str(self.get_admin_language_display())
