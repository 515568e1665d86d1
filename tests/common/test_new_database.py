"""A new SQLite database made in one pass (`manage.py prepare_database`, what `make run` uses) is
the database every migration makes: the same tables, columns, keys, indexes and constraints, the
same groups and permissions, every migration recorded."""

import re
import sqlite3

from tests.processes import run_manage

ROWS = {
    "groups' permissions": """
        SELECT g.name, t.app_label, p.codename FROM auth_group_permissions gp
        JOIN auth_group g ON g.id = gp.group_id JOIN auth_permission p ON p.id = gp.permission_id
        JOIN django_content_type t ON t.id = p.content_type_id""",
    "groups": "SELECT name FROM auth_group",
    "permissions": """
        SELECT t.app_label, p.codename, p.name FROM auth_permission p
        JOIN django_content_type t ON t.id = p.content_type_id""",
    "content types": "SELECT app_label, model FROM django_content_type",
    "migrations": "SELECT app, name FROM django_migrations",
}


def _made(command, path):
    done = run_manage(command, "--verbosity", "0", DJANGO_DEBUG="1", DATABASE_URL=f"sqlite:///{path}")
    assert done.returncode == 0, done.stderr


def _schema(db):
    """Every table's columns, foreign keys, indexes and CHECK constraints (column order aside:
    a column a migration added comes last, syncdb puts it where the model has it)."""
    found = {}
    tables = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    for name, sql in tables:
        indexes = set()
        for _seq, index, unique, origin, partial in db.execute(f'PRAGMA index_list("{name}")'):
            columns = tuple(str(row[2]) for row in db.execute(f'PRAGMA index_xinfo("{index}")') if row[5])
            (definition,) = db.execute("SELECT coalesce(sql, '') FROM sqlite_master WHERE name = ?", [index]).fetchone()
            condition = definition.partition(" WHERE ")[2]
            indexes.add((columns, unique, origin, partial, condition))
        found[name] = {
            "columns": {row[1:] for row in db.execute(f'PRAGMA table_info("{name}")')},
            "foreign keys": {row[2:7] for row in db.execute(f'PRAGMA foreign_key_list("{name}")')},
            "indexes": indexes,
            "checks": set(re.findall(r'CONSTRAINT "[^"]+" CHECK \(.*?\)(?=, CONSTRAINT|\)$)', sql)),
        }
    return found


def test_a_new_database_made_in_one_pass_is_the_migrated_one(tmp_path):
    # A database that holds tables is migrated as usual: here one with expo's first migration.
    migrated = tmp_path / "migrated.sqlite3"
    done = run_manage(
        "migrate", "expo", "0001", "--verbosity", "0", DJANGO_DEBUG="1", DATABASE_URL=f"sqlite:///{migrated}"
    )
    assert done.returncode == 0, done.stderr
    _made("prepare_database", migrated)
    one_pass = tmp_path / "one-pass.sqlite3"
    _made("prepare_database", one_pass)

    migrated, one_pass = sqlite3.connect(migrated), sqlite3.connect(one_pass)
    assert migrated.execute("SELECT count(*) FROM django_migrations WHERE app = 'expo'").fetchone()[0] > 1
    assert _schema(one_pass) == _schema(migrated)
    for what, query in ROWS.items():
        rows = set(migrated.execute(query))
        assert rows, what
        assert set(one_pass.execute(query)) == rows, what
    groups = {name for (name,) in one_pass.execute(ROWS["groups"])}
    assert {"Protocol", "Press office", "Content editors"} <= groups

    # Both are up to date: `migrate` finds nothing left to apply in either.
    for path in (tmp_path / "migrated.sqlite3", tmp_path / "one-pass.sqlite3"):
        plan = run_manage("migrate", "--plan", DJANGO_DEBUG="1", DATABASE_URL=f"sqlite:///{path}")
        assert plan.returncode == 0, plan.stderr
        assert "No planned migration operations." in plan.stdout
