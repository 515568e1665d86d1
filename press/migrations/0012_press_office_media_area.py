"""The press office keeps the media area: press-conference seats and their registrations, video,
and (in the meetings app) journalists' interview requests; sign-in links are only viewed."""

from django.db import migrations

from common.roles import PRESS_OFFICE, grant, model_permissions, revoke

GRANTS = {
    PRESS_OFFICE: model_permissions("press", "pressconference", "mediavideo")
    + model_permissions("press", "pressconferenceregistration", actions=("delete", "view"))
    + model_permissions("press", "mediasigninlink", actions=("view",))
    + model_permissions("meetings", "interviewrequest", actions=("change", "view")),
}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0011_media_area"),
        ("meetings", "0005_interview_requests"),
        ("expo", "0002_groups"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
