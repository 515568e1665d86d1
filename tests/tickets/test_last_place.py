"""The last place of a slot is sold once, whatever arrives at the same moment: real HTTP requests
to a live server, each on its own thread and PostgreSQL connection."""

import re
import threading

import pytest
import requests
from django.db import connection

from tests.factories import slot
from tickets.models import Registration, Status, TimeSlot

pytestmark = [
    pytest.mark.usefixtures("before_the_show"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs a server database: on SQLite the live server and the threads share one connection",
    ),
]


def _all_at_once(count, send):
    start, results = threading.Barrier(count), [None] * count

    def run(n):
        start.wait()
        try:
            results[n] = send(n)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_eight_visitors_for_the_last_two_places_two_get_them(live_server, show):
    last = slot()
    TimeSlot.objects.filter(pk=last.pk).update(taken=last.capacity - 2)
    url = f"{live_server.url}/en/register/"
    session = requests.Session()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', session.get(url, timeout=30).text).group(1)
    cookies = session.cookies.get_dict()

    def send(n):
        data = {
            "name": f"Visitor {n}",
            "email": f"visitor{n}@example.vn",
            "party_size": "1",
            "slot": str(last.pk),
            "consent": "on",
            "csrfmiddlewaretoken": csrf,
        }
        response = requests.post(url, data=data, cookies=cookies, allow_redirects=False, timeout=60)
        return response.status_code

    codes = _all_at_once(8, send)
    assert sorted(codes) == [302] * 2 + [409] * 6
    assert TimeSlot.objects.get(pk=last.pk).taken == last.capacity
    assert Registration.objects.filter(status=Status.UNCONFIRMED).count() == 2
