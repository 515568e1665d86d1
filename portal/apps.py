from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Exhibitors' portal")

    def ready(self):
        from common import second_factor
        from common.sensitive import audit
        from portal import access_mail, overview
        from portal.access import APPROVING_PERMISSIONS
        from portal.access_overview import contacts_section
        from portal.models import Contact

        # Staff who approve what exhibitors submit pass a second factor to use the admin.
        second_factor.require_for(*APPROVING_PERMISSIONS)
        access_mail.register_kinds()
        audit(Contact, exclude_fields=["invited_at"])
        overview.register_section(contacts_section)
