"""Links name EXPO_SITE_URL, never the Host header; the page cache holds under hostile Hosts and cookies.

The attack: `Host: <allowed name>:31337` on a cached page poisoned the shared cache, so later
visitors got hreflang links, feeds and lists carrying the attacker's port. Tested in process
with the setting, and against a real production-mode server (gunicorn, DJANGO_DEBUG=0).
"""

import http.client
import os
import re
import subprocess
import sys
import time
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import translation
from model_bakery import baker

from tests.processes import free_port, run_check

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://expo.example.vn"


@pytest.fixture
def site(settings):
    settings.EXPO_SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["expo.example.vn", "127.0.0.1", "testserver"]
    settings.EXPO_PAGE_CACHE_SECONDS = 300


def test_production_without_site_url_refuses_to_start():
    result = run_check(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 60, DJANGO_ALLOWED_HOSTS="expo.example.vn")
    assert result.returncode != 0
    assert "EXPO_SITE_URL is not set" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "url", ["expo.example.vn", "https://expo.example.vn/vi/", "ftp://expo.example.vn", "https://x:y"]
)
def test_malformed_site_url_is_named(url):
    result = run_check(DJANGO_DEBUG="1", EXPO_SITE_URL=url)
    assert result.returncode != 0
    assert "EXPO_SITE_URL must be" in result.stderr
    assert "Traceback" not in result.stderr


def test_site_name_with_another_port_is_refused(client, edition, site):
    with translation.override("en"):  # answered before the language is chosen: the active one
        response = client.get("/en/", HTTP_HOST="expo.example.vn:31337")
    assert response.status_code == 400
    assert "not served on that port" in response.content.decode()
    assert client.get("/en/", HTTP_HOST="expo.example.vn:443").status_code == 200


def test_unknown_host_is_refused(client, edition, site):
    assert client.get("/en/", HTTP_HOST="evil.example").status_code == 400


def test_other_allowed_host_is_ignored_and_cannot_poison_the_cache(client, edition, site):
    poisoned = client.get("/en/", HTTP_HOST="127.0.0.1:31337")
    assert poisoned.status_code == 200
    html = poisoned.content.decode()
    assert "31337" not in html and "127.0.0.1" not in html
    assert f'hreflang="vi" href="{SITE}/vi/"' in html
    later = Client().get("/en/", HTTP_HOST="expo.example.vn")
    assert later["X-Cache"] == "HIT"
    assert "31337" not in later.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/sitemap.xml",
        "/robots.txt",
        "/en/press/releases/feed/rss/",
        "/en/press/releases/feed/atom/",
        "/api/exhibitors",
        "/programme.ics",
    ],
)
def test_absolute_urls_name_the_configured_site(client, edition, site, path):
    baker.make("exhibitors.Exhibitor", slug="tong-cong-ty-viettel", name="Tổng công ty Viettel")
    response = client.get(path, HTTP_HOST="127.0.0.1:31337")
    body = response.content.decode()
    assert response.status_code == 200
    assert "31337" not in body and "127.0.0.1" not in body and "testserver" not in body
    if path != "/programme.ics":  # no programme item here: no URL to print
        assert SITE in body


# --- hostile session cookies ---------------------------------------------------------------


@pytest.mark.parametrize("cookie", ["x", "bogus" * 8, "a" * 32, "' OR 1=1 --"])
def test_made_up_session_cookie_is_served_from_the_cache(
    client, edition, page_cache, cookie, django_assert_num_queries
):
    Client().get("/en/")
    client.cookies[django_settings.SESSION_COOKIE_NAME] = cookie
    with django_assert_num_queries(1 if len(cookie) >= 8 else 0):  # the session lookup, for a plausible key
        response = client.get("/en/")
    assert response["X-Cache"] == "HIT"


def test_anonymous_session_is_served_from_the_cache(client, edition, page_cache):
    store = import_module(django_settings.SESSION_ENGINE).SessionStore()
    store["visited"] = True
    store.create()
    Client().get("/en/")
    client.cookies[django_settings.SESSION_COOKIE_NAME] = store.session_key
    assert client.get("/en/")["X-Cache"] == "HIT"


def test_signed_in_staff_still_bypass_the_cache(admin_client, edition, page_cache):
    Client().get("/en/")
    assert "X-Cache" not in admin_client.get("/en/")


# --- a real production-mode server ---------------------------------------------------------


def _get(port, path, host, cookie=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": host}
    if cookie:
        headers["Cookie"] = cookie
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return response.status, dict(response.getheaders()), body


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    work = tmp_path_factory.mktemp("production")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "EXPO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="k3y-" + "x9Q!" * 16,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_HTTPS="0",
        DJANGO_STATIC_ROOT=str(work / "static"),
        DJANGO_MEDIA_ROOT=str(work / "media"),
        DATABASE_URL=f"sqlite:///{work / 'db.sqlite3'}",
        EXPO_SITE_URL=f"http://127.0.0.1:{port}",
        EXPO_PAGE_CACHE_SECONDS="300",
    )
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "--bind", f"127.0.0.1:{port}", "--workers", "1", "config.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                _get(port, "/healthz", f"127.0.0.1:{port}")
                break
            except OSError:
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_production_server_refuses_the_attackers_port(production_server):
    port = production_server
    status, _headers, _body = _get(port, "/en/", "127.0.0.1:31337")
    assert status == 400
    status, _headers, body = _get(port, "/en/", "localhost:31337")  # another allowed name: ignored
    assert status == 200
    assert "31337" not in body
    assert f'href="http://127.0.0.1:{port}/vi/"' in body
    status, _headers, body = _get(port, "/sitemap.xml", "localhost:31337")
    assert "31337" not in body and "localhost" not in body
    assert re.search(rf"<loc>http://127\.0\.0\.1:{port}/", body)
    status, headers, body = _get(port, "/en/", f"127.0.0.1:{port}")
    assert headers.get("X-Cache") == "HIT" and "31337" not in body


def test_production_server_serves_made_up_sessions_from_the_cache(production_server):
    port = production_server
    _get(port, "/vi/", f"127.0.0.1:{port}")
    status, headers, _body = _get(port, "/vi/", f"127.0.0.1:{port}", cookie="sessionid=" + "f" * 32)
    assert status == 200
    assert headers.get("X-Cache") == "HIT"


def test_admin_login_through_another_allowed_name_keeps_its_csrf_origin(edition, site, django_user_model):
    django_user_model.objects.create_superuser("an", "an@example.vn", "mat-khau-rat-dai-123")
    client = Client(enforce_csrf_checks=True)
    page = client.get("/admin/login/", HTTP_HOST="127.0.0.1:8000")
    token = page.cookies["csrftoken"].value
    response = client.post(
        "/admin/login/",
        {"username": "an", "password": "mat-khau-rat-dai-123", "csrfmiddlewaretoken": token},
        HTTP_HOST="127.0.0.1:8000",
        HTTP_ORIGIN="http://127.0.0.1:8000",
    )
    assert response.status_code == 302
