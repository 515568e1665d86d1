from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Exhibitors' portal")

    def ready(self):
        from common.publication import register_blocker
        from portal import declarations, declarations_mail

        # The catalogue asks before it publishes an exhibit; it never imports the portal.
        register_blocker(declarations.held_back)
        declarations_mail.register_kinds()
