"""The Registration group vets trade visitors and keeps days, slots, gates and the watch list;
the Gate group's accounts may only check tickets in at /<lang>/checkin/."""

from django.db import migrations

from common.roles import grant, model_permissions, revoke

REGISTRATION = "Registration"
GATE = "Gate"

GRANTS = {
    REGISTRATION: [
        *model_permissions("tickets", "admission", "visitday", "timeslot", "gate", "watchlistentry"),
        *model_permissions("tickets", "registration", actions=("change", "view")),
        *model_permissions("tickets", "scan", actions=("view",)),
        "tickets.view_sensitive",
        "tickets.decide_registration",
        *model_permissions("outbox", "message", actions=("change", "view")),
        "outbox.approve_message",
        "outbox.visitors_messages",
    ],
    GATE: ["tickets.check_in"],
}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("tickets", "0001_initial"),
        ("outbox", "0008_visitors_team"),
        ("expo", "0015_search_variants"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
