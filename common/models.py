"""What belongs to no app but must be kept: rate-limit counters (common/ratelimit.py) and an
organiser's own settings (common/admin_language.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RateCounter(models.Model):
    """Accepted attempts under one rate limit, for one hashed key, in one window.

    Only a keyed hash of the address is stored, never the address itself; rows are deleted
    once their window is over.
    """

    key = models.CharField(max_length=100)
    bucket = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "bucket"], name="ratecounter_one_row_per_window")]

    def __str__(self):
        return f"{self.key} · {self.count}"


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
