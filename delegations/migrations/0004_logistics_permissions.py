"""The protocol team keeps hotels, rooms and the vehicle pool too."""

from django.db import migrations

from common.roles import PROTOCOL, grant, model_permissions, revoke

GRANTS = {PROTOCOL: model_permissions("delegations", "hotel", "roomassignment", "vehicle")}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [("delegations", "0003_hotels_vehicles")]

    operations = [migrations.RunPython(forwards, backwards)]
