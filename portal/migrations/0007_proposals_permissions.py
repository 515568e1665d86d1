"""Exhibitors' proposed changes: read by content editors, press office and protocol; approved or
rejected by the "Proposal reviewers" group alone (the approving permission obliges its holders to
sign in to the admin with TOTP, so it is not given to every content editor)."""

from django.db import migrations

from common.roles import CONTENT_EDITORS, PRESS_OFFICE, PROTOCOL, grant, model_permissions, revoke

REVIEWERS = "Proposal reviewers"
GRANTS = {
    REVIEWERS: [*model_permissions("portal", "proposal", actions=("view",)), "portal.review_proposal"],
    CONTENT_EDITORS: model_permissions("portal", "proposal", actions=("view",)),
    PRESS_OFFICE: model_permissions("portal", "proposal", actions=("view",)),
    PROTOCOL: model_permissions("portal", "proposal", actions=("view",)),
}


def forwards(apps, schema_editor):
    grant(apps, GRANTS)


def backwards(apps, schema_editor):
    revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [("portal", "0006_proposals")]

    operations = [migrations.RunPython(forwards, backwards)]
