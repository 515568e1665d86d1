"""Production settings, the Content-Security-Policy and the admin login lockout."""

import base64

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.processes import run_manage

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "k3y-" + "x9Q!" * 16,
    "DJANGO_ALLOWED_HOSTS": "expo.example.vn",
    "EXPO_SITE_URL": "https://expo.example.vn",
}


SIGNING_KEY = base64.b64encode(bytes(range(32))).decode()


def test_deploy_check_passes_in_production_mode(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        EXPO_TICKET_SIGNING_KEY=SIGNING_KEY,
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("key", "said"),
    [("", "EXPO_TICKET_SIGNING_KEY is not set"), ("c2hvcnQ=", "must be the base64 of 32 raw bytes")],
    ids=["unset", "too short"],
)
def test_deploy_check_refuses_production_without_a_usable_signing_key(tmp_path, key, said):
    """Not the first visitor confirming a ticket, nor the first badge print: the deployer hears it."""
    result = run_manage(
        "check",
        "--deploy",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        EXPO_TICKET_SIGNING_KEY=key,
        **PRODUCTION,
    )
    assert result.returncode != 0
    assert "common.E003" in result.stderr and said in result.stderr


@pytest.mark.parametrize("path", ["/vi/", "/en/", "/admin/login/"])
def test_every_page_has_a_strict_csp(client, edition, path):
    policy = client.get(path)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "http" not in policy  # no third-party origin


def test_security_headers_on_public_pages(client, edition):
    response = client.get("/en/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_admin_login_locks_out_after_five_failures(client, db, settings):
    settings.AXES_ENABLED = True
    get_user_model().objects.create_superuser("organiser", "o@example.vn", "a-long-correct-password")
    url = reverse("admin:login")
    english = {"accept-language": "en"}
    for attempt in range(5):
        response = client.post(url, {"username": "organiser", "password": "wrong"}, headers=english)
        if attempt < 4:
            assert "Please enter the correct username and password" in response.content.decode()
    response = client.post(url, {"username": "organiser", "password": "a-long-correct-password"}, headers=english)
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "_auth_user_id" not in client.session
