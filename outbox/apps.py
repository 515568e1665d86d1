from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "outbox"
    verbose_name = _("Messages")

    def ready(self):
        from anymail.signals import tracking

        tracking.connect(_provider_report, dispatch_uid="outbox.provider_report")


def _provider_report(sender, event, esp_name, **kwargs):
    # Only hands the report to the service (docs/messages.md: bounces show in the outbox).
    from outbox.services import record_provider_event

    record_provider_event(
        provider_id=event.message_id or "", event_type=event.event_type, description=event.description or ""
    )
