"""The installable app: manifest in both languages, icons from the key visual, the service worker at
the root scope with what it keeps for offline use, and the size budget of the app's scripts."""

import gzip
import io
import json
import re

import pytest
from django.contrib.staticfiles import finders
from PIL import Image


def test_manifest_names_the_edition_in_each_language(client, edition):
    vi = json.loads(client.get("/manifest.webmanifest?lang=vi").content)
    en = client.get("/manifest.webmanifest?lang=en")
    assert en["Content-Type"] == "application/manifest+json"
    en = json.loads(en.content)
    assert vi["name"] == "Triển lãm Quốc phòng quốc tế Việt Nam 2024" and vi["start_url"] == "/vi/"
    assert en["name"] == "Vietnam International Defence Expo 2024" and en["start_url"] == "/en/"
    assert en["short_name"] == "VIDE 2024" and en["display"] == "standalone" and en["scope"] == "/"
    assert en["theme_color"] == "#1f4d3a"
    assert [icon["sizes"] for icon in en["icons"]][:2] == ["192x192", "512x512"]


def test_icons_are_square_pngs_even_before_a_key_visual(client, edition):
    for size in (192, 512):
        response = client.get(f"/icons/{size}.png")
        assert response["Content-Type"] == "image/png"
        assert Image.open(io.BytesIO(response.content)).size == (size, size)
    assert client.get("/icons/64.png").status_code == 404


def test_icon_is_cut_from_the_key_visual(client, demo):
    pixels = Image.open(io.BytesIO(client.get("/icons/192.png").content)).convert("RGB")
    assert len(pixels.getcolors(maxcolors=100_000) or []) > 50  # a picture, not the plain theme colour


def test_every_page_links_the_manifest_and_the_app_script(client, edition):
    html = client.get("/vi/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest?lang=vi">' in html
    assert re.search(r'<script src="/static/companion/app[^"]*\.js" defer></script>', html)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)  # no inline script (CSP)
    assert 'data-sw="/sw.js"' in html


def test_service_worker_is_served_from_the_root_with_its_precache_list(client, edition):
    response = client.get("/sw.js")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    assert response["Content-Type"].startswith("text/javascript")
    body = response.content.decode()
    urls = json.loads(re.search(r"^var PRECACHE = (.*);$", body, re.M).group(1))
    for page in ("/vi/", "/en/", "/vi/map/", "/en/map/", "/vi/programme/", "/en/programme/", "/vi/my/", "/en/my/"):
        assert page in urls
    assert any(url.startswith("/static/companion/app") for url in urls)
    assert re.search(r'^var VERSION = "[0-9a-f]{12}";$', body, re.M)
    # The precached pages answer, so the install never fails on one of them.
    for url in urls:
        if not url.startswith("/static/"):
            assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("name", ["companion/app.js", "companion/sw.js"])
def test_scripts_are_plain_static_files(name):
    assert finders.find(name)


def test_service_worker_and_app_script_stay_under_30_kb_compressed():
    """Budget (issue 29): the worker and the app's script together, gzipped, under 30 KB."""
    total = 0
    for name in ("companion/app.js", "companion/sw.js", "expo/live.js"):
        with open(finders.find(name), "rb") as handle:
            total += len(gzip.compress(handle.read(), compresslevel=9))
    assert total < 30 * 1024, f"{total} bytes compressed"
