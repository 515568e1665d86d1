from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "press"
    verbose_name = _("Press centre")

    def ready(self):
        from common import slots
        from press import badges, mail, media_mail
        from press.slots import factsheet_link

        # The catalogue's pages show the fact-sheet button without the catalogue importing press.
        slots.register(slots.FACTSHEET, factsheet_link)

        # The e-mails the press centre sends, and their review rules (outbox.registry).
        mail.register_kinds()
        media_mail.register_kinds()
        # Approved journalists' badges open the gates (tickets reads the registry, not press).
        badges.register_at_the_gates()
