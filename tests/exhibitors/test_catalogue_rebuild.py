"""After an edit, each process rebuilds its catalogue index in a thread of its own: the visitors
meanwhile get the previous list at a warm request's cost (kept by no cache), then the new one as
soon as the builder is done; a build that fails keeps the previous index and says so in the log.

The rows are committed (a transactional test), as the builder reads through its own connection."""

import logging

import pytest
from django.db import connection, connections, transaction
from django.db.backends.signals import connection_created
from django.test.utils import CaptureQueriesContext

from exhibitors.catalogue import rebuild
from exhibitors.models import Product
from tests.factories import make_item
from tests.forms import titles

pytestmark = pytest.mark.django_db(transaction=True)
SHOWN = ["DL-3 tank", "MA-4 submarine", "SH-1 submarine", "SH-2 corvette"]


@pytest.fixture(autouse=True)
def _in_background(settings):
    settings.EXPO_CATALOGUE_REBUILD = "background"
    settings.EXPO_PAGE_CACHE_SECONDS = 300
    settings.EXPO_FRAGMENT_CACHE_SECONDS = 600


def publish_the_draft():
    draft = Product.objects.get(slug="ma-5")
    draft.is_published = True
    draft.save()  # committed at once: the catalogue's version moves


def test_the_previous_list_is_served_until_the_builder_is_done_then_the_new_one(client, catalogue):
    assert titles(client.get("/en/exhibits/").content.decode()) == SHOWN
    assert titles(client.get("/en/exhibits/?q=submarine").content.decode()) == ["MA-4 submarine", "SH-1 submarine"]
    rebuild.join()  # the first index prepared: its builder reads no table the edit below writes
    publish_the_draft()
    stale = client.get("/en/exhibits/")
    assert titles(stale.content.decode()) == SHOWN
    assert "X-Cache" not in stale  # the page cache never keeps the previous list
    rebuild.join()
    fresh = client.get("/en/exhibits/")
    assert titles(fresh.content.decode()) == [*SHOWN[:2], "MA-5 secret ship", *SHOWN[2:]]
    assert fresh["X-Cache"] == "MISS"
    assert client.get("/en/exhibits/")["X-Cache"] == "HIT"


def test_the_first_request_after_an_edit_makes_the_queries_of_a_warm_one(client, catalogue, edition, settings):
    settings.EXPO_PAGE_CACHE_SECONDS = settings.EXPO_FRAGMENT_CACHE_SECONDS = 0  # every request does its work
    client.get("/en/exhibits/?q=ma")  # the index, its order and the exhibits' word index
    with CaptureQueriesContext(connection) as warm:
        assert titles(client.get("/en/exhibits/?q=ma").content.decode()) == ["MA-4 submarine"]
    rebuild.join()  # the first index prepared
    publish_the_draft()
    with CaptureQueriesContext(connection) as first:
        assert titles(client.get("/en/exhibits/?q=ma").content.decode()) == ["MA-4 submarine"]
    assert len(first) == len(warm)
    rebuild.join()
    # The builder built every order and word index: nothing is left to build inside a request,
    # and the search finds the new exhibit.
    index = rebuild.index_for(edition)
    assert index.products.words is not None
    with CaptureQueriesContext(connection) as after:
        html = client.get("/en/exhibits/?q=ma").content.decode()
    assert titles(html) == ["MA-4 submarine", "MA-5 secret ship"]
    assert len(after) == len(warm)


def test_a_programme_edit_starts_no_builder(client, catalogue, edition):
    client.get("/en/exhibits/")
    rebuild.join()  # the first index prepared
    builder = rebuild._builder
    make_item(edition, title_en="Opening ceremony")  # the site's version moves, not the catalogue's
    assert client.get("/en/exhibits/")["X-Cache"] == "MISS"
    assert rebuild._builder is builder


def test_a_process_prepared_as_it_starts_builds_nothing_in_its_first_visitors_requests(client, catalogue, settings):
    settings.EXPO_PAGE_CACHE_SECONDS = settings.EXPO_FRAGMENT_CACHE_SECONDS = 0  # each request does its work
    rebuild.warm().join()  # as a web server's process does as it starts (config/wsgi.py)
    rebuild.join()
    # Its first search, and its first list in another language and order: no query for a word
    # index or an order inside the request (233 ms for the words at 1 × the design scale).
    for path in (
        "/en/exhibits/?q=submarine",
        "/vi/exhibits/?sort=country",
        "/en/exhibitors/?q=song",
        "/vi/exhibitors/",
    ):
        with CaptureQueriesContext(connection) as first:
            client.get(path)
        with CaptureQueriesContext(connection) as again:
            client.get(path)
        assert [query["sql"] for query in first] == [query["sql"] for query in again], path


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a lock timeout needs PostgreSQL")
def test_a_failing_rebuild_keeps_the_previous_index_and_logs_no_data(client, catalogue, caplog, monkeypatch):
    assert titles(client.get("/en/exhibits/").content.decode()) == SHOWN
    rebuild.join()  # the first index prepared (its builder's connection is not the impatient kind below)
    publish_the_draft()

    def impatient(sender, connection, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '50ms'")

    connection_created.connect(impatient)
    try:
        # A migration holds the exhibits' table: the builder's connection cannot read it.
        with transaction.atomic(), connection.cursor() as cursor, caplog.at_level(logging.INFO):
            cursor.execute("LOCK TABLE exhibitors_product IN ACCESS EXCLUSIVE MODE")
            assert titles(client.get("/en/exhibits/").content.decode()) == SHOWN
            rebuild.join()
            assert titles(client.get("/en/exhibits/").content.decode()) == SHOWN  # not retried at once
    finally:
        connection_created.disconnect(impatient)
    failures = [record for record in caplog.records if record.name == rebuild.__name__]
    assert [record.levelname for record in failures] == ["ERROR"]
    message = failures[0].getMessage()
    assert "LockNotAvailable" in message or "OperationalError" in message
    assert "MA-5" not in message and "Marine" not in message and "SELECT" not in message
    monkeypatch.setattr(rebuild, "RETRY_SECONDS", 0)
    client.get("/en/exhibits/")  # the next request after the pause tries again
    rebuild.join(timeout=rebuild.BUILD_SECONDS / 4)  # the failed build's claim was released
    assert "MA-5 secret ship" in titles(client.get("/en/exhibits/").content.decode())
    connections.close_all()
