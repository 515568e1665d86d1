"""System checks derived from the one declaration of personal data (common.sensitive).

Every model that declares `SENSITIVE_FIELDS` is recorded by the audit log with those fields
masked, or says on the model why it is not (`AUDIT_LOG = False`, with a comment): a new model
with personal data cannot be deployed until it has decided (`manage.py check`, run by CI and
before every start of the site).
"""

from django.core import checks

from common import signing
from common.sensitive import AUDIT_MASK_CALLABLE, sensitive_fields, sensitive_models


@checks.register(checks.Tags.security, deploy=True)
def ticket_signing_key(app_configs=None, **kwargs):
    """`manage.py check --deploy`: without a usable signing key, the first visitor who confirms a
    ticket and the first organiser who prints badges would meet the error instead of the deployer."""
    problem = signing.key_problem()
    return [checks.Error(problem, id="common.E003")] if problem else []


@checks.register(checks.Tags.models)
def sensitive_models_are_audited(app_configs=None, **kwargs):
    from auditlog.registry import auditlog

    errors = []
    for model in sensitive_models():
        label = model._meta.label
        if not auditlog.contains(model):
            if getattr(model, "AUDIT_LOG", True):
                errors.append(
                    checks.Error(
                        f"{label} declares sensitive fields but the audit log does not record it.",
                        hint="Register it with common.sensitive.audit() in its app's ready(), "
                        "or set AUDIT_LOG = False on the model and say why.",
                        obj=model,
                        id="common.E001",
                    )
                )
            continue
        options = auditlog.get_model_fields(model)
        unmasked = sorted(set(sensitive_fields(model)) - set(options["mask_fields"]))
        if unmasked or auditlog._registry[model].get("mask_callable") != AUDIT_MASK_CALLABLE:
            errors.append(
                checks.Error(
                    f"{label} is recorded by the audit log without masking {', '.join(unmasked) or 'wholly'}.",
                    hint="Register it with common.sensitive.audit(), which masks its SENSITIVE_FIELDS.",
                    obj=model,
                    id="common.E002",
                )
            )
    return errors
