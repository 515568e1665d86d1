"""The Press office sees unsubscribed addresses but can no longer delete them (nobody can, in the
admin): deleting one would let the system mail an address that asked for no more."""

from django.db import migrations

from common.roles import PRESS_OFFICE, grant, revoke

DELETE = {PRESS_OFFICE: ["outbox.delete_unsubscribe"]}


def forwards(apps, schema_editor):
    revoke(apps, DELETE)


def backwards(apps, schema_editor):
    grant(apps, DELETE)


class Migration(migrations.Migration):
    dependencies = [("outbox", "0003_approval_digest")]

    operations = [migrations.RunPython(forwards, backwards)]
