from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "press"
    verbose_name = _("Press centre")

    def ready(self):
        from press import mail

        # The e-mails the press centre sends, and their review rules (outbox.registry).
        mail.register_kinds()
