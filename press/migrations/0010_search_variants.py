"""Press release search columns rebuilt with words under one spelling (common.text.variant)."""

from django.db import migrations

from common.text import search_text


def rebuild(apps, schema_editor):
    PressRelease = apps.get_model("press", "PressRelease")
    releases = list(PressRelease.objects.only("pk", "title_vi", "title_en", "summary_vi", "summary_en"))
    for release in releases:
        release.search_text = search_text(release.title_vi, release.title_en, release.summary_vi, release.summary_en)
    PressRelease.objects.bulk_update(releases, ["search_text"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("press", "0009_release_bodies_ordinary_spaces")]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop, elidable=True)]
