"""The catalogue's index: its own version, moved by catalogue writes alone, and rebuilt by one
thread while the others serve the previous index, which nothing shared keeps."""

import re

from common.cache import content_version
from exhibitors.catalogue import rebuild
from exhibitors.catalogue.index import AREA
from exhibitors.catalogue.rebuild import index_for
from tests.factories import make_item


def titles(html):
    return re.findall(r'class="(?:card|row)__title"><a href="[^"]+">([^<]+)</a>', html)


def test_a_programme_edit_leaves_the_index_alone_and_a_catalogue_edit_rebuilds_it(
    catalogue, edition, sectors, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # committed (with its new hall)
        item = make_item(edition, title_en="Opening ceremony")
    built = index_for(edition)
    site, own = content_version(), content_version(AREA)
    with django_capture_on_commit_callbacks(execute=True):
        item.start, item.end = item.start.replace(hour=10), item.end.replace(hour=11)  # a delay
        item.save()
    assert (content_version(), content_version(AREA)) == (site + 1, own)
    assert index_for(edition) is built
    with django_capture_on_commit_callbacks(execute=True):
        catalogue["exhibitors"]["duong"].sectors.add(sectors["naval"])
    assert (content_version(), content_version(AREA)) == (site + 2, own + 1)
    rebuilt = index_for(edition)
    assert rebuilt is not built and rebuilt.version == own + 1


def test_while_one_thread_rebuilds_the_others_serve_the_previous_index_and_keep_nothing(
    client, catalogue, edition, settings, django_capture_on_commit_callbacks
):
    settings.EXPO_PAGE_CACHE_SECONDS = 300
    settings.EXPO_FRAGMENT_CACHE_SECONDS = 600
    shown = ["DL-3 tank", "MA-4 submarine", "SH-1 submarine", "SH-2 corvette"]
    assert titles(client.get("/en/exhibits/").content.decode()) == shown
    draft = catalogue["products"]["draft"]
    draft.is_published = True
    with django_capture_on_commit_callbacks(execute=True):
        draft.save()
    with rebuild._lock:  # another thread is building the new index
        stale = client.get("/en/exhibits/")
        assert titles(stale.content.decode()) == shown
        assert "X-Cache" not in stale  # not stored: the page cache never keeps the old list
    fresh = client.get("/en/exhibits/")
    assert titles(fresh.content.decode()) == [*shown[:2], "MA-5 secret ship", *shown[2:]]
    assert fresh["X-Cache"] == "MISS"
    assert client.get("/en/exhibits/")["X-Cache"] == "HIT"
