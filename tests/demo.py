"""The demo edition for tests: `load_demo` run once per run and its rows kept, then restored into
each test that asks for it (registered by tests/conftest.py as a pytest plugin)."""

import shutil
from io import StringIO

import pytest
from django.apps import apps
from django.core import serializers
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import override_settings

# The apps whose rows `load_demo` writes (auditlog: the delegations' change history).
DEMO_APPS = (
    "auth",
    "expo",
    "exhibitors",
    "press",
    "delegations",
    "siteplan",
    "meetings",
    "outbox",
    "tickets",
    "portal",
    "auditlog",
)


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo edition built once per run: `load_demo` runs in a transaction that is rolled
    back after its rows are serialised; its media files stay in a folder of the session."""
    media = tmp_path_factory.mktemp("demo-media")
    private = tmp_path_factory.mktemp("demo-private")  # its declarations' certificates, its photos
    models = serializers.sort_dependencies([(apps.get_app_config(label), None) for label in DEMO_APPS])
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PRIVATE_MEDIA_ROOT=private),
        transaction.atomic(),
    ):
        call_command("load_demo", stdout=StringIO())
        rows = [
            # Content types, permissions, groups and users by their names: after a flush (a
            # transactional test) the database numbers them afresh.
            serializers.serialize(
                "python",
                model._default_manager.order_by("pk"),
                use_natural_foreign_keys=True,
                use_natural_primary_keys=True,
            )
            for model in models
            # Permissions are made by migrate, and made again after a flush: never restored.
            if not model._meta.proxy and model._meta.label != "auth.Permission"
        ]
        transaction.set_rollback(True)
    cache.clear()
    return {"media": media, "private": private, "rows": rows, "models": models}


@pytest.fixture(scope="session")
def demo_press_kits(demo_snapshot, django_db_blocker):
    """Both press kits of the demo, built once per run into the demo's media folder (as `load_demo`
    builds them outside the tests), so a test that downloads a kit does not wait for its
    hundreds of renders: the view finds it current. Request it before `demo`."""
    from press import kit

    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=demo_snapshot["media"]), transaction.atomic():
        _restore_demo(demo_snapshot)
        kit.build_all(("vi", "en"))
        transaction.set_rollback(True)
    cache.clear()


def _restore_demo(snapshot):
    """Write the snapshot's rows into the database, as `load_demo` left them.

    A model's rows are inserted in one statement (an upsert on the primary key, as a raw save
    would do for a row a data migration already wrote) and its many-to-many links in another: a
    row at a time took seconds for every test that asked for the demo. Rows named by a natural
    key (groups, users) are saved one by one, as loaddata does, since their primary key depends
    on the database (a flush renumbers them). No signal is sent, so the content version is bumped
    as bulk writes bump it (common.cache, on commit).
    """
    from auditlog.context import disable_auditlog

    from common.cache import bump_on_commit

    # One transaction: rows may point to rows restored after them (checked at its end).
    with disable_auditlog(), transaction.atomic():  # the snapshot holds the history load_demo wrote
        for rows in snapshot["rows"]:
            found = list(serializers.deserialize("python", rows))
            if not found:
                continue
            model = type(found[0].object)
            if hasattr(model, "natural_key") or any(row.object.pk is None for row in found):
                for row in found:
                    row.save()
                continue
            fields = [f.name for f in model._meta.concrete_fields if not f.primary_key]
            model._base_manager.bulk_create(
                [row.object for row in found],
                **({"update_conflicts": True, "unique_fields": ["pk"], "update_fields": fields} if fields else {}),
            )
            for field in model._meta.many_to_many:
                through = field.remote_field.through
                source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
                links = [
                    through(**{f"{source}_id": row.object.pk, f"{target}_id": pk})
                    for row in found
                    for pk in (row.m2m_data or {}).get(field.name, ())
                ]
                through._base_manager.bulk_create(links, ignore_conflicts=True)
        bump_on_commit()
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), snapshot["models"]):
            cursor.execute(sql)


@pytest.fixture
def demo(db, demo_snapshot, settings):
    """The demo edition's rows in this test's transaction, as `load_demo` leaves them. Its media
    and private folders are shared by the whole run: read them, never write to them."""
    settings.MEDIA_ROOT = demo_snapshot["media"]
    settings.PRIVATE_MEDIA_ROOT = demo_snapshot["private"]
    _restore_demo(demo_snapshot)


@pytest.fixture
def committed_demo(transactional_db, demo_snapshot, settings, tmp_path):
    """The demo edition committed, for a live server or another process, with a copy of its
    media folder of this test's own (a test may write to it)."""
    settings.MEDIA_ROOT = shutil.copytree(demo_snapshot["media"], tmp_path / "demo-media")
    settings.PRIVATE_MEDIA_ROOT = shutil.copytree(demo_snapshot["private"], tmp_path / "demo-private")
    _restore_demo(demo_snapshot)
