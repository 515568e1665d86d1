"""The results feed and /api/results are kept under the content version (common/export_cache.py),
a minute at most, and never past the day an announceable agreement becomes public."""

import datetime

import pytest
import time_machine

URLS = ["/en/results/feed/", "/api/results?lang=en"]


@pytest.mark.parametrize("url", URLS)
def test_results_exports_are_kept_and_conditional(client, edition, ledger, caches_on, url, django_assert_num_queries):
    with time_machine.travel(datetime.datetime(2024, 12, 22, 10, 0, tzinfo=datetime.UTC), tick=False):
        first = client.get(url)
        assert first.status_code == 200 and "Radar contract" in first.content.decode()
        with django_assert_num_queries(0):
            again = client.get(url)
            not_modified = client.get(url, headers={"If-None-Match": first["ETag"]})
        assert again.content == first.content
        assert not_modified.status_code == 304 and not_modified.content == b""


@pytest.mark.parametrize("url", URLS)
def test_an_announceable_agreement_is_not_kept_out_past_its_day(client, edition, ledger, caches_on, url):
    # The 23rd begins in Hanoi at 17:00 UTC on the 22nd; the entry is kept from 16:59:30.
    with time_machine.travel(datetime.datetime(2024, 12, 22, 16, 59, 30, tzinfo=datetime.UTC), tick=False):
        before = client.get(url)
        assert "Training agreement" not in before.content.decode()
        assert client.get(url, headers={"If-None-Match": before["ETag"]}).status_code == 304
    with time_machine.travel(datetime.datetime(2024, 12, 22, 17, 0, 1, tzinfo=datetime.UTC), tick=False):
        after = client.get(url, headers={"If-None-Match": before["ETag"]})
        assert after.status_code == 200 and "Training agreement" in after.content.decode()
