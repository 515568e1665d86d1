"""A restore into the running site: the next request of every worker shows the restored content.

The production topology in small: gunicorn with two worker processes, the shared Redis cache, a
database file. An exhibit is published and its pages, the search and the sitemap are cached by
every worker (the page cache, the catalogue's in-process index and word index); a backup is
taken; the exhibit is renamed; the backup is restored with `manage.py restore` while the site
serves. The next requests, spread over both workers, show the restored name everywhere.
"""

import os
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import redis

from tests.processes import free_port

ROOT = Path(__file__).resolve().parents[2]
REDIS_DB = 9

SEED = """
import datetime
from expo.models import Edition, Venue
from exhibitors.models import Category, Exhibitor, Product, Sector, Stand
edition = Edition.objects.create(
    slug="vide-2024", acronym="VIDE 2024", ordinal=2, is_current=True,
    name_vi="Triển lãm Quốc phòng quốc tế Việt Nam 2024", name_en="Vietnam International Defence Expo 2024",
    venue_name_vi="Sân bay Gia Lâm", venue_name_en="Gia Lam Airfield", city_vi="Hà Nội", city_en="Hanoi",
    start_date=datetime.date(2024, 12, 19), end_date=datetime.date(2024, 12, 22),
)
hall = Venue.objects.create(edition=edition, code="A", slug="hall-a", name_vi="Nhà A", name_en="Hall A")
naval = Sector.objects.create(slug="naval", name_vi="Hải quân", name_en="Naval", order=1)
subs = Category.objects.create(sector=naval, slug="submarines", name_vi="Tàu ngầm", name_en="Submarines")
maker = Exhibitor.objects.create(slug="song-hong", name="Công ty Cơ khí Sông Hồng", country="VN")
maker.sectors.set([naval])
Stand.objects.create(exhibitor=maker, edition=edition, venue=hall, code="A-09")
Product.objects.create(
    exhibitor=maker, category=subs, slug="tau-ngam-sh-2", name_vi="Tàu ngầm SH-2", name_en="SH-2 submarine",
    is_published=True,
)
"""

RENAME = """
from exhibitors.models import Product
product = Product.objects.get(slug="tau-ngam-sh-2")
product.slug, product.name_vi, product.name_en = "tau-ngam-sh-9", "Tàu ngầm SH-9", "SH-9 submarine"
product.save()
"""

PAGES = ["/vi/exhibits/", "/vi/exhibits/?q=tau+ngam", "/vi/search/?q=tau+ngam", "/sitemap.xml"]


def _manage(env, *args, stdin=None):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def _get(base, path):
    with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310 (http://127.0.0.1 only)
        return response.read().decode()


def _every_worker_sees(base):
    """Each page asked eight times at once, so both workers answer it."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        return {path: list(pool.map(lambda _n, p=path: _get(base, p), range(8))) for path in PAGES}


@pytest.fixture
def shared_cache():
    try:
        client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
        client.ping()
    except redis.RedisError:
        pytest.skip("needs Redis on 127.0.0.1:6379")
    client.flushdb()
    yield f"redis://127.0.0.1:6379/{REDIS_DB}"
    client.flushdb()


def test_restore_into_the_running_site_shows_on_the_next_request_of_every_worker(tmp_path, shared_cache):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update(
        DJANGO_DEBUG="1",
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
        REDIS_URL=shared_cache,
    )
    _manage(env, "migrate", "--verbosity", "0")
    _manage(env, "shell", "--command", SEED)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}", "config.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(100):
            try:
                _get(base, "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        for path, bodies in _every_worker_sees(base).items():
            assert all("tau-ngam-sh-2" in body for body in bodies), path
        archive = tmp_path / "backup.tar.gz"
        _manage(env, "backup", "--output", str(archive))

        _manage(env, "shell", "--command", RENAME)
        for path, bodies in _every_worker_sees(base).items():
            assert all("tau-ngam-sh-9" in body and "tau-ngam-sh-2" not in body for body in bodies), path

        _manage(env, "restore", str(archive), "--no-input")
        for path, bodies in _every_worker_sees(base).items():
            assert all("tau-ngam-sh-2" in body and "tau-ngam-sh-9" not in body for body in bodies), path
        assert "Tàu ngầm SH-2" in _get(base, "/vi/exhibits/tau-ngam-sh-2/")
    finally:
        server.terminate()
        server.wait(timeout=30)
