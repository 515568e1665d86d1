"""Only the protocol team works with delegations; no other group gets anything from this app."""

from django.db import migrations

from common.roles import PROTOCOL, grant, model_permissions, revoke

MODELS = ("delegation", "member", "movement", "engagement", "liaisonofficer", "interpreter", "statuschange")
GRANTS = {
    PROTOCOL: [*model_permissions("delegations", *MODELS), "delegations.view_sensitive"],
}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("delegations", "0001_initial"),
        ("expo", "0002_groups"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
