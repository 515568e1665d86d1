from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DelegationsConfig(AppConfig):
    name = "delegations"
    verbose_name = _("Delegations")

    def ready(self):
        from auditlog.registry import auditlog
        from django.db.backends.signals import connection_created

        from delegations import facts, mail, models  # noqa: F401 -- facts registers its counter in expo.facts
        from delegations.dblogging import quiet_failed_statements
        from expo.programme import services as programme_services

        # Members' personal data never reaches the database server's log with a failed statement.
        connection_created.connect(quiet_failed_statements, dispatch_uid="delegations.quiet_failed_statements")

        # Every change is recorded with who and when; passport numbers appear masked in the log.
        auditlog.register(models.Delegation, m2m_fields={"interpreters"}, exclude_fields=["search_name", "version"])
        auditlog.register(
            models.Member,
            mask_fields=list(models.Member.AUDIT_MASKED_FIELDS),
            exclude_fields=list(models.Member.AUDIT_EXCLUDED_FIELDS),
        )
        auditlog.register(models.Movement)
        auditlog.register(models.Engagement)
        auditlog.register(models.LiaisonOfficer, exclude_fields=["search_name"])
        auditlog.register(models.Interpreter, exclude_fields=["search_name"])

        # E-mails to delegations (reviewed in the outbox) and the programme changes they hear of.
        mail.register_kinds()
        programme_services.change_listeners.append(mail.tell_programme_changes)
        auditlog.register(models.Hotel, exclude_fields=["search_name"])
        auditlog.register(models.RoomAssignment)
        auditlog.register(models.Vehicle, exclude_fields=["search_name"])
