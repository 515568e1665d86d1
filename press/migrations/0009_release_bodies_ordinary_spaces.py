"""Releases typed while the editor's stylesheet was refused by the CSP hold every space as
&nbsp; (`<p>Sáng&nbsp;20/12,&nbsp;đoàn…`), so their paragraphs cannot wrap: make them ordinary
spaces, as common.sanitize.clean_html now does on every save."""

import re

from django.db import migrations

# The rule of common.sanitize at the time of writing, frozen here (nh3 stores U+00A0 as &nbsp;).
_SPACES = re.compile(r"(?: |&nbsp;|&#160;|&#xa0;|\xa0)+", re.IGNORECASE)
BODIES = ("body", "body_vi", "body_en")


def ordinary_spaces(apps, schema_editor):
    PressRelease = apps.get_model("press", "PressRelease")
    for release in PressRelease.objects.only("pk", *BODIES).iterator():
        changed = {}
        for field in BODIES:
            value = getattr(release, field)
            if value and _SPACES.sub(" ", value) != value:
                changed[field] = _SPACES.sub(" ", value)
        if changed:
            PressRelease.objects.filter(pk=release.pk).update(**changed)


class Migration(migrations.Migration):
    dependencies = [("press", "0008_press_office_sees_contact_details")]

    operations = [migrations.RunPython(ordinary_spaces, migrations.RunPython.noop, elidable=True)]
