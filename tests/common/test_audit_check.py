"""Every model declaring personal data is in the audit log with it masked, or says why not
(common.checks, run by `manage.py check`): a new model cannot skip the rule by forgetting it."""

from auditlog.registry import auditlog

from common.checks import sensitive_models_are_audited
from common.sensitive import audit, sensitive_models
from press.models import MediaAccreditation


def test_every_sensitive_model_is_audited_or_says_why_not():
    assert sensitive_models_are_audited() == []
    not_audited = {m._meta.label for m in sensitive_models() if not auditlog.contains(m)}
    # Only rows the system or the recipient write, each saying so on the model.
    assert not_audited == {"outbox.Message", "outbox.Unsubscribe", "outbox.UnsubscribeLink"}


def test_a_sensitive_model_left_out_or_registered_unmasked_fails_the_check():
    try:
        auditlog.unregister(MediaAccreditation)
        assert [e.id for e in sensitive_models_are_audited()] == ["common.E001"]
        auditlog.register(MediaAccreditation)  # django-auditlog's own call: nothing masked
        (error,) = sensitive_models_are_audited()
        assert error.id == "common.E002" and "email, phone, press_card_number" in error.msg
    finally:
        auditlog.unregister(MediaAccreditation)
        audit(MediaAccreditation, exclude_fields=["status_key"])
    assert sensitive_models_are_audited() == []
