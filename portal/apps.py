from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Exhibitors' portal")

    def ready(self):
        from portal import proposal_mail

        proposal_mail.register_kinds()
