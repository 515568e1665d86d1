"""The Security group vets stand staff (they see the ID numbers to do it), prints their badges
and sets a stand's allowance where the rule by size does not fit."""

from django.db import migrations

from common.roles import SECURITY, grant, model_permissions, revoke

GRANTS = {
    SECURITY: [
        *model_permissions("portal", "standstaff", actions=("change", "view")),
        *model_permissions("portal", "standallowance"),
        "portal.vet_stand_staff",
        "portal.view_sensitive",
        *model_permissions("exhibitors", "exhibitor", "stand", actions=("view",)),
    ],
}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [("portal", "0004_team")]

    operations = [migrations.RunPython(forwards, backwards)]
