"""Shared fragments (common.cache.remember): the current edition and the conference exports are
computed once per content version, and an edit shows on the next request."""

import pytest

from expo.models import Edition
from tests.factories import make_item, make_venue


@pytest.fixture(autouse=True)
def _fragment_cache(settings):
    settings.EXPO_FRAGMENT_CACHE_SECONDS = 600


def test_the_current_edition_is_read_once_then_shared(edition, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert Edition.objects.current() == edition
    with django_assert_num_queries(0):
        assert Edition.objects.current().name_en == edition.name_en


def test_an_edited_edition_shows_at_once(client, edition, django_capture_on_commit_callbacks):
    assert "Peace, Friendship" in client.get("/en/").content.decode()
    edition.theme_en = "A new theme for the expo"
    with django_capture_on_commit_callbacks(execute=True):  # the version bumps when the save commits
        edition.save()
    assert "A new theme for the expo" in client.get("/en/").content.decode()


def test_a_new_current_edition_replaces_the_old_one(edition, django_capture_on_commit_callbacks):
    assert Edition.objects.current() == edition
    edition.is_current = False
    with django_capture_on_commit_callbacks(execute=True):
        edition.save()
    assert Edition.objects.current() is None


def test_schedule_xml_is_built_once_and_follows_edits(
    client, edition, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    venue = make_venue(edition)
    item = make_item(edition, venue=venue, title_en="Opening ceremony")
    first = client.get("/schedule.xml?lang=en").content.decode()
    assert "Opening ceremony" in first
    # Only the validators' aggregate: the document comes from the shared cache.
    with django_assert_max_num_queries(1):
        assert client.get("/schedule.xml?lang=en").content.decode() == first
    item.title_en = "Grand opening ceremony"
    with django_capture_on_commit_callbacks(execute=True):
        item.save()
    assert "Grand opening ceremony" in client.get("/schedule.xml?lang=en").content.decode()
    assert "Exhibition Hall A" in client.get("/schedule.json?lang=en").content.decode()
    venue.name_en = "Hall of Honour"
    with django_capture_on_commit_callbacks(execute=True):
        venue.save()  # no programme item changes: the content version alone makes the export fresh
    assert "Hall of Honour" in client.get("/schedule.json?lang=en").content.decode()


def test_schedule_xml_links_name_the_host_that_was_asked(client, edition):
    make_item(edition, title_en="Opening ceremony")
    assert "http://testserver/" in client.get("/schedule.xml").content.decode()
    other = client.get("/schedule.xml", HTTP_HOST="localhost").content.decode()
    assert "http://localhost/" in other and "http://testserver/" not in other
