"""Home page, health check, robots.txt and the sitemap."""

import datetime
import json
import xml.etree.ElementTree as ET

import pytest
from django.db import DatabaseError
from django.utils import timezone
from model_bakery import baker

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_home_shows_edition_facts(client, edition):
    baker.make("expo.Venue", edition=edition, code="A", name_vi="Nhà trưng bày A", name_en="Exhibition Hall A")
    baker.make("expo.KeyFigure", edition=edition, value="140+", label_vi="đoàn quốc tế", label_en="delegations")
    html = client.get("/vi/").content.decode()
    assert "<dd>19–22/12/2024</dd>" in html
    assert "<dd>Sân bay Gia Lâm, Hà Nội</dd>" in html
    assert "Nhà trưng bày A" in html
    assert '<span class="figure__value">140+</span> <span class="figure__label">đoàn quốc tế</span>' in html
    html = client.get("/en/").content.decode()
    assert "<dd>19–22 December 2024</dd>" in html
    assert "Exhibition Hall A" in html


def test_home_counts_days_to_go_before_the_expo(frozen_clock, client, edition):
    today = timezone.now().astimezone(edition.tz).date()
    edition.start_date = today + datetime.timedelta(days=12)
    edition.end_date = today + datetime.timedelta(days=15)
    edition.save()
    assert "12 days to go" in client.get("/en/").content.decode()
    assert "Còn 12 ngày" in client.get("/vi/").content.decode()


def test_home_says_today_at_the_expo_during_it(frozen_clock, client, edition):
    today = timezone.now().astimezone(edition.tz).date()
    edition.start_date = today - datetime.timedelta(days=1)
    edition.end_date = today + datetime.timedelta(days=2)
    edition.save()
    assert "Today at the expo: day 2 of 4" in client.get("/en/").content.decode()


def test_home_after_the_expo(client, edition):
    assert "This edition has ended" in client.get("/en/").content.decode()


def test_home_without_an_edition(client, db):
    html = client.get("/en/").content.decode()
    assert "The expo site is being prepared" in html


def test_demo_notice_only_for_demo_content(client, edition):
    assert "Demo content." not in client.get("/en/").content.decode()
    edition.is_demo = True
    edition.save()
    assert "<strong>Demo content.</strong>" in client.get("/en/").content.decode()
    assert "<strong>Nội dung minh họa.</strong>" in client.get("/vi/").content.decode()


def test_home_query_count_is_flat(client, edition, django_assert_num_queries):
    baker.make("expo.Venue", edition=edition, _quantity=1)
    # Edition, venues, key figures, the counted facts in one query (exhibitors, countries,
    # exhibits, programme items, confirmed delegations, meetings held, agreements made public),
    # the highlights: shared by the fragment cache in production; the edition has ended, so the next
    # one's dates too (save-the-date).
    with django_assert_num_queries(6):
        client.get("/vi/")
    baker.make("expo.Venue", edition=edition, _quantity=30)
    baker.make("expo.KeyFigure", edition=edition, _quantity=8)
    with django_assert_num_queries(6):
        client.get("/vi/")


def test_healthz_reports_database(client, db):
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {
        "status": "ok",
        "database": "ok",
        "queue": {"ready": 0, "oldest_ready_seconds": None, "stuck_queues": [], "failed_last_24h": 0},
    }


class _UnreachableDatabase:
    def cursor(self):
        raise DatabaseError("could not connect to server: Connection refused")


def test_healthz_when_database_is_down(client, db, monkeypatch):
    # Stand-in for Django's connection object only; the view itself runs for real.
    monkeypatch.setattr("expo.views.connection", _UnreachableDatabase())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "error", "database": "unavailable"}


def test_robots_txt_points_to_sitemap_and_hides_admin(client, db):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_sitemap_lists_each_page_in_both_languages_with_alternates(client, edition):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    urls = {url.findtext(f"{SITEMAP}loc"): url for url in root.iter(f"{SITEMAP}url")}
    assert {"http://testserver/vi/", "http://testserver/en/"} <= set(urls)
    alternates = {link.get("hreflang"): link.get("href") for link in urls["http://testserver/vi/"].iter(f"{XHTML}link")}
    assert alternates == {
        "vi": "http://testserver/vi/",
        "en": "http://testserver/en/",
        "x-default": "http://testserver/",
    }


@pytest.mark.parametrize("path", ["/vi/", "/en/"])
def test_pages_link_their_alternates_in_the_head(client, edition, path):
    html = client.get(path).content.decode()
    assert '<link rel="alternate" hreflang="vi" href="http://testserver/vi/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/">' in html


def test_favicon_ico_leads_to_the_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/expo/favicon.ico"
    assert client.get("/static/expo/favicon.ico").getvalue()[:4] == b"\x00\x00\x01\x00"  # ICO header
