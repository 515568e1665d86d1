"""Content editors keep the catalogue; the press office and protocol can read it."""

from django.db import migrations

from common.roles import CONTENT_EDITORS, PRESS_OFFICE, PROTOCOL, grant, model_permissions, revoke

GRANTS = {
    CONTENT_EDITORS: model_permissions("exhibitors", "sector", "category"),
    PRESS_OFFICE: model_permissions("exhibitors", "sector", "category", actions=("view",)),
    PROTOCOL: model_permissions("exhibitors", "sector", "category", actions=("view",)),
}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("exhibitors", "0001_initial"),
        ("expo", "0002_groups"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
