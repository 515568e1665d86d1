from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "press"
    verbose_name = _("Press centre")

    def ready(self):
        from common import slots
        from common.sensitive import audit
        from press import badges, mail, media_mail
        from press.models import MediaAccreditation
        from press.slots import factsheet_link

        # The catalogue's pages show the fact-sheet button without the catalogue importing press.
        slots.register(slots.FACTSHEET, factsheet_link)

        # Who changed an application, and what (contact details masked; the status link's key is a secret).
        audit(MediaAccreditation, exclude_fields=["status_key"])

        # The e-mails the press centre sends, and their review rules (outbox.registry).
        mail.register_kinds()
        media_mail.register_kinds()
        # Approved journalists' badges open the gates (tickets reads the registry, not press).
        badges.register_at_the_gates()
