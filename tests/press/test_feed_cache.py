"""The releases feeds are kept under the content version (common/export_cache.py) and answer
conditional requests; an embargoed release is absent until its time and present right after."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from tests.factories import make_release

FEEDS = ["/en/press/releases/feed/atom/", "/vi/press/releases/feed/rss/"]


@pytest.mark.parametrize("url", FEEDS)
@pytest.mark.parametrize("page_cache", [True, False])
def test_feeds_are_kept_and_conditional(
    client, edition, caches_on, settings, url, page_cache, django_assert_num_queries
):
    settings.EXPO_PAGE_CACHE_SECONDS = 300 if page_cache else 0
    make_release(edition, "opening", title_en="Opening day", title_vi="Ngày khai mạc")
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"]
    with django_assert_num_queries(0):
        again = client.get(url)
        not_modified = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.content == first.content
    assert not_modified.status_code == 304 and not_modified.content == b""


@pytest.mark.parametrize("url", FEEDS)
def test_an_edit_reaches_the_feed(client, edition, caches_on, url, django_capture_on_commit_callbacks):
    release = make_release(edition, "opening", title_en="Opening day", title_vi="Ngày khai mạc")
    first = client.get(url)
    release.title_en = release.title_vi = "Closing day"
    with django_capture_on_commit_callbacks(execute=True):  # the version moves when the save commits
        release.save()
    response = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert response.status_code == 200 and response["ETag"] != first["ETag"]
    assert "Closing day" in response.content.decode()


@pytest.mark.parametrize("url", FEEDS)
def test_an_embargoed_release_appears_right_after_its_time_and_not_before(client, edition, caches_on, url):
    start = timezone.now().replace(microsecond=0)
    with time_machine.travel(start, tick=False):
        make_release(edition, "published", title_en="Already out", title_vi="Đã phát hành")
        make_release(edition, "embargoed", hours=2, title_en="Under embargo", title_vi="Đang cấm công bố")
        first = client.get(url)
        assert "Already out" in first.content.decode() or "Đã phát hành" in first.content.decode()
        assert "Under embargo" not in first.content.decode() and "Đang cấm" not in first.content.decode()
    with time_machine.travel(start + datetime.timedelta(hours=2, seconds=-1), tick=False):
        before = client.get(url, headers={"If-None-Match": first["ETag"]})
        assert before.status_code == 304
    with time_machine.travel(start + datetime.timedelta(hours=2, seconds=1), tick=False):
        after = client.get(url, headers={"If-None-Match": first["ETag"]})
        assert after.status_code == 200
        text = after.content.decode()
        assert "Under embargo" in text or "Đang cấm công bố" in text
