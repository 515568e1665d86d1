from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TicketsConfig(AppConfig):
    name = "tickets"
    verbose_name = _("Visitors and gates")

    def ready(self):
        from common.sensitive import audit
        from tickets import facts, mail  # noqa: F401 -- facts registers the visits counters
        from tickets.models import Registration, WatchListEntry

        # Every vetting decision and every change of a registration is recorded, personal data masked.
        audit(Registration, exclude_fields=["access_key"])
        audit(WatchListEntry)
        mail.register_kinds()
