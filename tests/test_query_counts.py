"""Exact query counts at one row and at many, on every list page, API list, feed, sitemap and
protocol page: a page whose count grows with its rows (N+1) fails here, and so does a change
that adds a query anywhere."""

import datetime

import pytest
from django.core.cache import cache
from model_bakery import baker

from common.cache import bump_content_version
from exhibitors.catalogue import rebuild as catalogue_index
from tests.factories import make_delegation, make_exhibitor, make_item, make_member, make_product, make_release

pytestmark = pytest.mark.usefixtures("frozen_clock")

# The first catalogue request after an edit builds the process's facet index (5 queries);
# the others read it (exhibitors/catalogue/rebuild.py).
CATALOGUE = {
    "/en/exhibitors/": 7,
    "/en/exhibits/": 3,
    "/api/exhibitors?lang=en": 2,
    "/api/exhibits?lang=en": 3,
    "/sitemap.xml": 6,
}
PROGRAMME = {
    "/en/programme/?day=2024-12-19": 3,
    "/en/programme/changes/": 3,
    "/en/programme/changes/feed/": 2,
    "/api/programme?lang=en": 3,
    "/programme.ics": 4,
    "/schedule.json": 4,
    "/schedule.xml": 4,
}
PRESS = {
    "/en/press/": 7,
    "/en/press/releases/feed/rss/": 2,
    "/en/press/releases/feed/atom/": 2,
    "/api/releases?lang=en": 1,
}
PROTOCOL = {
    "/admin/delegations/delegation/": 13,
    "/admin/delegations/member/": 8,
    "/admin/delegations/delegation/dashboard/": 14,
    "/admin/delegations/delegation/clashes/": 10,
}


def get_all(client, expected, assert_num_queries):
    cache.clear()  # the sitemap keeps itself in the cache for ten minutes
    catalogue_index.forget()  # as after an edit: the first catalogue request builds the index
    for url, queries in expected.items():
        with assert_num_queries(queries):
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200, (url, body[:300])


def check(client, expected, assert_num_queries, *, grow):
    """The exact counts at one row, then again after `grow()` has added six more."""
    get_all(client, expected, assert_num_queries)
    grow()
    get_all(client, expected, assert_num_queries)


def add_catalogue(edition, venue, category, start, stop):
    for n in range(start, stop):
        exhibitor = make_exhibitor(
            f"maker-{n}", f"Công ty Sông Hồng {n}", "VN", stand=(venue, f"A-{n:02}"), edition=edition
        )
        make_product(exhibitor, category, f"exhibit-{n}", f"Tàu ngầm {n}", f"Submarine {n}", image=n == 0)
    bump_content_version()  # what the commit of these writes does (a test's writes never commit)


def test_catalogue_lists(client, edition, venues, sectors, django_assert_num_queries):
    add_catalogue(edition, venues["A"], sectors["submarines"], 0, 1)
    check(
        client,
        CATALOGUE,
        django_assert_num_queries,
        grow=lambda: add_catalogue(edition, venues["A"], sectors["submarines"], 1, 7),
    )


def add_programme(edition, start, stop):
    for n in range(start, stop):
        item = make_item(edition, day=19, start=f"{8 + n:02}:00", end=f"{8 + n:02}:30", title_en=f"Seminar {n}")
        old_start = item.start - datetime.timedelta(minutes=30)
        baker.make(
            "expo.ProgrammeChange",
            item=item,
            kind="time",
            old_start=old_start,
            old_end=item.start,
            new_start=item.start,
            new_end=item.end,
        )


def test_programme_lists(client, edition, django_assert_num_queries):
    add_programme(edition, 0, 1)
    check(client, PROGRAMME, django_assert_num_queries, grow=lambda: add_programme(edition, 1, 7))


def add_releases(edition, start, stop):
    for n in range(start, stop):
        make_release(edition, f"release-{n}", hours=-n - 1, title_en=f"Release {n}")
        make_exhibitor(f"press-maker-{n}", f"Hãng {n}", "FR")


def test_press_lists(client, edition, django_assert_num_queries):
    add_releases(edition, 0, 1)
    check(client, PRESS, django_assert_num_queries, grow=lambda: add_releases(edition, 1, 7))


def add_delegations(edition, start, stop):
    for n in range(start, stop):
        delegation = make_delegation(edition, country="VN", organisation=f"Bộ Quốc phòng {n}")
        make_member(delegation, family_name="Nguyễn", given_name=f"Văn {n}")


def test_protocol_pages(protocol_client, edition, django_assert_num_queries):
    add_delegations(edition, 0, 1)
    check(protocol_client, PROTOCOL, django_assert_num_queries, grow=lambda: add_delegations(edition, 1, 7))
