"""The protocol team keeps meeting requests, meetings and the ledger; nobody else sees them.

Signing off an agreement's publication (`meetings.approve_disclosure`) is given to named
approvers by a superuser, never to a whole group.
"""

from django.db import migrations

from common.roles import PROTOCOL, grant, model_permissions, revoke

MODELS = ("meetingrequest", "requeststep", "meeting", "meetingplace", "meetingday", "meetingplan", "agreement")
GRANTS = {PROTOCOL: model_permissions("meetings", *MODELS)}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
        ("expo", "0002_groups"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
