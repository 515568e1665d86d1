"""Audit entries written before every sensitive field was masked (only passport numbers were, and
only their first half) get those fields masked now: dates of birth, phones, e-mails and needs
no longer sit in clear in the database, nor in any backup taken from now on."""

from django.db import migrations

from common.sensitive import mask_audit_entries, sensitive_models


def forwards(apps, schema_editor):
    mask_audit_entries(
        apps.get_model("auditlog", "LogEntry").objects,
        apps.get_model("contenttypes", "ContentType").objects,
        sensitive_models(),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("delegations", "0007_bilingual_rank_organisation"),
        ("auditlog", "0017_add_actor_email"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # Masking cannot be undone: going back leaves the entries masked.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
