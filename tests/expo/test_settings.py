"""Production mode refuses to start without its secrets; bad configuration gets one clear line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.processes import run_check, run_manage

ROOT = Path(__file__).resolve().parents[2]


def test_production_without_secret_key_refuses_to_start():
    result = run_check(DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="expo.example.vn")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_without_allowed_hosts_refuses_to_start():
    result = run_check(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS is not set" in result.stderr


def test_production_with_secrets_starts(tmp_path):
    result = run_check(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x" * 60,
        DJANGO_ALLOWED_HOSTS="expo.example.vn",
        EXPO_SITE_URL="https://expo.example.vn",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_demo_in_production_mode_signs_tickets_with_a_key_of_its_own(tmp_path):
    """`make run` is production mode without EXPO_TICKET_SIGNING_KEY: the demo makes its key once
    under var/, so a visitor confirming a ticket gets it (it was a server error)."""
    script = (
        "import datetime; from common import signing; day = datetime.date(2026, 12, 21); "
        "print(signing.verify(signing.sign('public', 'p1', day, day)).id == 'p1')"
    )
    environ = {
        "DJANGO_DEBUG": "0",
        "EXPO_DEMO": "1",
        "DJANGO_SECRET_KEY": "x" * 60,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "EXPO_SITE_URL": "http://127.0.0.1:8000",
        "EXPO_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    first = run_manage("shell", "-v", "0", "-c", script, **environ)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "True"
    key = (tmp_path / "ticket-signing.key").read_text()
    again = run_manage("shell", "-v", "0", "-c", script, **environ)
    assert again.stdout.strip() == "True" and (tmp_path / "ticket-signing.key").read_text() == key
    assert oct((tmp_path / "ticket-signing.key").stat().st_mode & 0o777) == "0o600"
    assert [path.name for path in tmp_path.iterdir() if ".tmp" in path.name] == []


@pytest.mark.parametrize("url", ["mysqlx://nowhere/db", "not a url at all", "postgres://host:5432"])
def test_malformed_database_url_is_named(url):
    result = run_check(DJANGO_DEBUG="1", DATABASE_URL=url)
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("hosts", ["https://expo.example.vn", "expo.example.vn/path", "expo.example.vn:8000"])
def test_bad_allowed_hosts_are_named(hosts):
    result = run_check(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 60, DJANGO_ALLOWED_HOSTS=hosts)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS holds" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_debug_flag_is_named():
    result = run_check(DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be one of" in result.stderr


def test_make_run_serves_production_mode_with_zero_configuration():
    """`make run` is the production configuration (no debug pages, collected static files, the
    Procfile's web server and task workers under honcho); debug mode is one variable away
    (DJANGO_DEBUG=1 make run, gunicorn reloading on code changes)."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    plan = subprocess.run(
        ["make", "-n", "-B", "run", "PORT=8999"], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=60
    ).stdout
    assert "DJANGO_DEBUG=1" not in plan.replace("DJANGO_DEBUG=1 .venv/bin/python manage.py createsuperuser", "")
    # The database prepared (made in one pass when new, migrated otherwise), then the demo loaded,
    # while the static files are collected (the demo's PDFs are drawn by the workers); the
    # processes start once both are done.
    assert "manage.py prepare_database" in plan and "manage.py collectstatic" in plan
    assert plan.index("manage.py load_demo") > plan.index("manage.py prepare_database")
    assert plan.index("honcho start") > max(plan.index("manage.py load_demo"), plan.index("manage.py collectstatic"))
    assert "nice -n 10 .venv/bin/python manage.py collectstatic" in plan
    assert 'EXPO_TASK_QUEUE="${EXPO_TASK_QUEUE:-database}"' in plan and "honcho start --port 8999" in plan
    procfile = (ROOT / "Procfile").read_text()
    assert "\nweb: gunicorn config.wsgi " in procfile
    assert "\nworker: python manage.py db_worker --queue-name default " in procfile
    assert "\nkits: python manage.py db_worker --queue-name kits " in procfile
    debug = subprocess.run(
        ["make", "-n", "run", "DJANGO_DEBUG=1"], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=60
    ).stdout
    assert 'GUNICORN_CMD_ARGS="${GUNICORN_CMD_ARGS:---reload}"' in debug


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"PRIVATE_MEDIA_ROOT": "/srv/private"}, "/srv/private"),
        # The variable's former name still works (docs/deploy.md), the new one winning.
        ({"PRESS_PRIVATE_ROOT": "/srv/old-private"}, "/srv/old-private"),
        ({"PRIVATE_MEDIA_ROOT": "/srv/private", "PRESS_PRIVATE_ROOT": "/srv/old-private"}, "/srv/private"),
    ],
)
def test_private_files_live_where_the_deployment_says(env, expected):
    environ = {k: v for k, v in os.environ.items() if k not in ("PRIVATE_MEDIA_ROOT", "PRESS_PRIVATE_ROOT")}
    result = subprocess.run(
        [sys.executable, "-c", "from config import settings; print(settings.PRIVATE_MEDIA_ROOT)"],
        cwd=ROOT,
        env={**environ, **env, "DJANGO_DEBUG": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == expected, result.stderr
