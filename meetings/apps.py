from django.apps import AppConfig
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

        # The scheduler's bookings join the clash engine's; the outcome counts join the expo's facts.
        from meetings import facts, interviews, scheduling  # noqa: F401

        # The interview steps the press office mails to journalists (outbox.registry).
        interviews.register_kinds()

        # The press kit holds this app's printout without the press app importing it.
        from common import kit_documents
        from meetings.kit import briefing_documents

        kit_documents.register(briefing_documents)
