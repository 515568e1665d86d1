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


class BatchJob(models.Model):
    """Long work an organiser started from the admin (badges, run sheets, the scheduler…): how far
    along it is, what it is doing, and the file it made (common/jobs.py runs it on the task queue).

    The file may hold personal data (a badge print): it is kept in the private files and served
    only to users holding `permission`, the permission the job's kind declares.
    """

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    kind = models.CharField(_("kind"), max_length=60)
    title = models.CharField(_("title"), max_length=200)
    arguments = models.JSONField(_("arguments"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="vi")
    permission = models.CharField(_("permission needed to see it"), max_length=100)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WAITING)
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("out of"), default=0)
    step = models.CharField(_("doing now"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    file = models.CharField(_("file"), max_length=255, blank=True)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("started by")
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    started_at = models.DateTimeField(_("running since"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("batch job")
        verbose_name_plural = _("batch jobs")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def percent(self):
        if self.status == self.Status.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def seconds(self):
        """How long it ran (so far, while running)."""
        if self.started_at is None:
            return None
        from django.utils import timezone

        return ((self.finished_at or timezone.now()) - self.started_at).total_seconds()
