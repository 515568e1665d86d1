from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DelegationsConfig(AppConfig):
    name = "delegations"
    verbose_name = _("Delegations")

    def ready(self):
        from django.db.backends.signals import connection_created

        from common.sensitive import audit
        from delegations import facts, mail, meeting_parties, models  # noqa: F401 -- facts, meeting_parties register in common
        from delegations.dblogging import quiet_failed_statements
        from expo.programme import services as programme_services

        # Members' personal data never reaches the database server's log with a failed statement.
        connection_created.connect(quiet_failed_statements, dispatch_uid="delegations.quiet_failed_statements")

        # Every change is recorded with who and when; sensitive fields appear masked in the log.
        audit(models.Delegation, m2m_fields={"interpreters"}, exclude_fields=["search_name", "version"])
        audit(models.Member, exclude_fields=list(models.Member.AUDIT_EXCLUDED_FIELDS))
        audit(models.Movement)
        audit(models.Engagement)
        audit(models.LiaisonOfficer, exclude_fields=["search_name"])
        audit(models.Interpreter, exclude_fields=["search_name"])

        # E-mails to delegations (reviewed in the outbox) and the programme changes they hear of.
        mail.register_kinds()
        programme_services.change_listeners.append(mail.tell_programme_changes)
        audit(models.Hotel, exclude_fields=["search_name"])
        audit(models.RoomAssignment)
        audit(models.Vehicle, exclude_fields=["search_name"])
