from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings and results")

    def ready(self):
        from auditlog.registry import auditlog

        from meetings import models

        # Disclosure sign-off is part of the record: who approved what, and when.
        auditlog.register(models.Agreement, m2m_fields={"meetings"})
        auditlog.register(models.MeetingRequest, exclude_fields=["subject", "purpose"])
        auditlog.register(models.Meeting)

        # The results page shows disclosed agreements: a change (a withdrawal above all) is public
        # at once. Meeting counts are private writes and only age the page by a minute.
        from expo.cache import bump_content_version

        for signal in (post_save, post_delete):
            signal.connect(bump_content_version, sender=models.Agreement, dispatch_uid=f"meetings-{signal}")

        # The scheduler's bookings join the clash engine's.
        from meetings import scheduling  # noqa: F401
