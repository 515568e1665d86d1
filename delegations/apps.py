from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DelegationsConfig(AppConfig):
    name = "delegations"
    verbose_name = _("Delegations")

    def ready(self):
        from auditlog.registry import auditlog

        from delegations import mail, models
        from expo.programme import services as programme_services

        # Every change is recorded with who and when; passport numbers appear masked in the log.
        auditlog.register(models.Delegation, m2m_fields={"interpreters"}, exclude_fields=["search_name", "version"])
        auditlog.register(
            models.Member,
            mask_fields=["passport_no"],
            exclude_fields=["search_name", "version"],
        )
        auditlog.register(models.Movement)
        auditlog.register(models.Engagement)
        auditlog.register(models.LiaisonOfficer, exclude_fields=["search_name"])
        auditlog.register(models.Interpreter, exclude_fields=["search_name"])

        # E-mails to delegations (reviewed in the outbox) and the programme changes they hear of.
        mail.register_kinds()
        programme_services.change_listeners.append(mail.tell_programme_changes)
