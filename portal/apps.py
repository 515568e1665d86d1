from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Exhibitors' portal")

    def ready(self):
        from common import second_factor
        from common.publication import register_blocker
        from common.sensitive import audit
        from portal import access_mail, declarations, declarations_mail, overview, proposal_mail, team_badges, team_mail
        from portal.access import APPROVING_PERMISSIONS
        from portal.access_overview import contacts_section
        from portal.declarations_overview import declarations_section
        from portal.meetings_overview import meetings_section
        from portal.models import Contact, StandAllowance, StandStaff
        from portal.proposals_overview import profile_and_exhibits
        from portal.team_overview import stand_team

        # Staff who approve what exhibitors submit pass a second factor to use the admin.
        second_factor.require_for(*APPROVING_PERMISSIONS)
        access_mail.register_kinds()
        audit(Contact, exclude_fields=["invited_at"])
        # The home's checklist, in the order an exhibitor works through it.
        for section in (profile_and_exhibits, declarations_section, stand_team, meetings_section, contacts_section):
            overview.register_section(section)
        # The catalogue asks before it publishes an exhibit; it never imports the portal.
        register_blocker(declarations.held_back)
        declarations_mail.register_kinds()
        proposal_mail.register_kinds()
        team_mail.register_kinds()
        # Stand staff are personal data: every change recorded, the ID number masked, the photo left out.
        audit(StandStaff, exclude_fields=list(StandStaff.AUDIT_EXCLUDED_FIELDS))
        audit(StandAllowance)
        # Approved stand staff's badges open the gates (tickets reads common.gate_passes, not portal).
        team_badges.register_at_the_gates()
