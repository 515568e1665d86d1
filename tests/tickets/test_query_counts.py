"""Exact query counts at one row and at many on the lists tickets adds: the admin changelists,
the gates' bundle and look-up, and the registration form's slot list."""

import datetime
import uuid

import pytest
import time_machine
from django.utils import timezone

from tests.factories import slot
from tickets.models import Gate, Registration, Scan, Status, WatchListEntry

OPENING = datetime.datetime(2024, 12, 21, 8, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))

# Each count holds the superuser's second factor (django-otp reads the session's device).
ADMIN = {
    "/admin/tickets/registration/": 9,
    "/admin/tickets/scan/?day=2024-12-21": 10,
    "/admin/tickets/watchlistentry/": 7,
    "/admin/tickets/visitday/": 7,
    "/admin/tickets/gate/": 7,
    "/admin/tickets/admission/": 6,
}
# The bundle reads each kind of badge of common.gate_passes (press, stand staff) twice (valid,
# revoked); the look-up searches the stand staff once.
GATES = {
    "/en/checkin/bundle.json": 11,
    "/en/checkin/lookup/?q=visitor": 7,
    "/en/register/": 8,
}


def grow(edition, count, start=0):
    gate = Gate.objects.get(code="G1")
    for n in range(start, start + count):
        registration = Registration.objects.create(
            edition=edition,
            kind="public",
            status=Status.ISSUED,
            slot=slot(),
            name=f"Visitor {n}",
            email=f"v{n}@example.vn",
        )
        Scan.objects.create(
            edition=edition,
            gate=gate,
            pass_kind="public",
            pass_id=registration.pass_id,
            day=OPENING.date(),
            scanned_at=timezone.now(),
            result="admitted",
            client_id=uuid.uuid4(),
        )
        WatchListEntry.objects.create(edition=edition, name=f"Watched {n}", id_number=f"N{n}")


def counts(client, urls, django_assert_num_queries):
    for url, expected in urls.items():
        with django_assert_num_queries(expected):
            response = client.get(url, headers={"accept-language": "en"})
        assert response.status_code == 200, url


@pytest.mark.parametrize("urls", [ADMIN, GATES], ids=["admin", "gates"])
def test_lists_take_the_same_queries_at_one_row_and_at_forty(urls, admin_client, show, django_assert_num_queries):
    with time_machine.travel(OPENING, tick=False):
        grow(show, 1)
        counts(admin_client, urls, django_assert_num_queries)
        grow(show, 39, start=1)
        counts(admin_client, urls, django_assert_num_queries)
