"""Two app processes sharing one database and one Redis: an edit made through one process's
admin shows at once on the other's public pages, cached or not (docs/deploy.md).

The processes are real `manage.py runserver --noreload` servers on their own ports. They read
the test database: on PostgreSQL the test database itself (the data is committed by
`transactional_db`), on SQLite a copy of the in-memory test database written to a file.
"""

import html
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from http.cookiejar import Cookie, CookieJar
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from tests.accounts import admin_login
from tests.factories import make_exhibitor
from tests.forms import form_fields
from tests.processes import free_port, wait_for_port

ROOT = Path(__file__).resolve().parent.parent.parent

pytestmark = pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server (apt-get install redis)")


@pytest.fixture
def shared_database(transactional_db, tmp_path):
    """A DATABASE_URL naming the test database, as other processes can open it."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        yield f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        return
    path = tmp_path / "shared.sqlite3"

    def url():
        # The in-memory test database, copied once the test has written its rows.
        path.unlink(missing_ok=True)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(path)])
        return f"sqlite:///{path}"

    yield url


@pytest.fixture
def redis_url(tmp_path):
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
    )
    wait_for_port(port, process)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


def start_app(port, *, database_url, redis_url, log):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "1",
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,  # the session made here must verify there
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "EXPO_PAGE_CACHE_SECONDS": "300",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def get(opener, url, data=None):
    with opener.open(url, data=data, timeout=20) as response:
        return response.read().decode(), response.headers


def test_edit_through_one_process_shows_on_the_other(shared_database, redis_url, tmp_path, edition, sectors, venues):
    make_exhibitor(
        "e-0", "Song Hong Precision", "VN", sectors=[sectors["naval"]], stand=(venues["A"], "A-1"), edition=edition
    )
    admin = get_user_model().objects.create_superuser("organiser", "organiser@example.org", "x" * 20)
    client = Client()
    admin_login(client, admin)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    database_url = shared_database() if callable(shared_database) else shared_database

    ports = free_port(), free_port()
    with open(tmp_path / "servers.log", "w") as log:
        processes = [start_app(port, database_url=database_url, redis_url=redis_url, log=log) for port in ports]
        try:
            for port, process in zip(ports, processes, strict=True):
                wait_for_port(port, process)
            first, second = (f"http://127.0.0.1:{port}" for port in ports)
            visitor = urllib.request.build_opener()
            # Both processes serve the same data; the second request to B comes from the shared cache.
            for base in (first, second, second):
                page, _headers = get(visitor, f"{base}/en/exhibitors/")
                assert "Song Hong Precision" in page and "Naval" in page
            assert _headers["X-Cache"] == "HIT"

            # The organiser renames the sector in process A's admin…
            jar = CookieJar()
            jar.set_cookie(_cookie(settings.SESSION_COOKIE_NAME, session))
            staff = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
            change_url = f"{first}/admin/exhibitors/sector/{sectors['naval'].pk}/change/"
            form_page, _headers = get(staff, change_url)
            fields = {**form_fields(form_page), "name_en": "Maritime", "_save": "Save"}
            saved, _headers = get(staff, change_url, urllib.parse.urlencode(fields).encode())
            assert "errorlist" not in saved, re.findall(r'class="errorlist[^>]*>(.*?)</ul>', saved)

            # …and the visitor on process B sees the new name, in the page and its facets, as soon as
            # B's builder thread has rebuilt its index (meanwhile B answers from the previous one and
            # keeps none of it: exhibitors/catalogue/rebuild.py).
            deadline = time.monotonic() + 20
            page, headers = get(visitor, f"{second}/en/exhibitors/")
            while "Maritime" not in html.unescape(page) and time.monotonic() < deadline:
                assert "X-Cache" not in headers
                time.sleep(0.1)
                page, headers = get(visitor, f"{second}/en/exhibitors/")
            assert "Maritime" in html.unescape(page)
            assert headers["X-Cache"] == "MISS"
        finally:
            for process in processes:
                process.terminate()
                process.wait(timeout=10)


def _cookie(name, value):
    return Cookie(0, name, value, None, False, "127.0.0.1", False, False, "/", True, False, None, True, None, None, {})
