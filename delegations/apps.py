from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DelegationsConfig(AppConfig):
    name = "delegations"
    verbose_name = _("Delegations")

    def ready(self):
        from auditlog.registry import auditlog

        # Only a number leaves this app: confirmed delegations on the home page and fact sheet.
        from delegations import (
            facts,  # noqa: F401
            models,
        )

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
