from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Exhibitors' portal")

    def ready(self):
        from common.publication import register_blocker
        from common.sensitive import audit
        from portal import declarations, declarations_mail, proposal_mail, team_badges
        from portal.models import StandAllowance, StandStaff

        # The catalogue asks before it publishes an exhibit; it never imports the portal.
        register_blocker(declarations.held_back)
        declarations_mail.register_kinds()
        proposal_mail.register_kinds()
        # Stand staff are personal data: every change recorded, the ID number masked, the photo left out.
        audit(StandStaff, exclude_fields=list(StandStaff.AUDIT_EXCLUDED_FIELDS))
        audit(StandAllowance)
        # Approved stand staff's badges open the gates (tickets reads common.gate_passes, not portal).
        team_badges.register_at_the_gates()
