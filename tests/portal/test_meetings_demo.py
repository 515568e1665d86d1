"""The portal in the demo: two exhibitors' main contacts sign in with the printed demo password;
one of them has asked a delegation for a meeting. The password is printed only in the demo."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from meetings.models import MeetingRequest
from portal.models import Contact

DEMO_PASSWORD = "demo-portal-2026"  # as `make run` prints it (portal/demo.py)


def test_the_demo_has_two_main_contacts_who_sign_in(demo, client):
    contacts = list(
        Contact.objects.with_access().order_by("language").values_list("exhibitor__slug", "language", "is_main")
    )
    assert contacts == [("redwood-aerospace", "en", True), ("dong-nai-optics", "vi", True)]
    response = client.post(
        "/vi/exhibitor/sign-in/", {"username": "lan.nguyen@dong-nai-optics.example", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    page = client.get("/vi/exhibitor/meetings/").content.decode()
    assert "Quang học cho tàu tuần tra (demo)" in page and "Đã đề nghị" in page


def test_one_demo_exhibitor_has_asked_a_coming_delegation(demo):
    asked = MeetingRequest.objects.get(subject="Quang học cho tàu tuần tra (demo)")
    assert (asked.counterpart_exhibitor.slug, asked.asked_by, asked.status) == (
        "dong-nai-optics",
        MeetingRequest.AskedBy.COUNTERPART,
        MeetingRequest.Status.REQUESTED,
    )
    assert asked.delegation.status in ("accepted", "arrived")
    assert asked.steps.get().by.username == "lan.nguyen@dong-nai-optics.example"


def test_the_sign_ins_are_printed_in_the_demo_only(demo, settings):
    settings.EXPO_DEMO = True
    out = StringIO()
    call_command("portal_demo_logins", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert "/vi/exhibitor/" in lines[0] and "lan.nguyen@dong-nai-optics.example / demo-portal-2026" in lines[0]
    assert "/en/exhibitor/" in lines[1] and "sam.carter@redwood-aerospace.example / demo-portal-2026" in lines[1]

    settings.EXPO_DEMO = False
    out = StringIO()
    with pytest.raises(CommandError, match="only in the demo"):
        call_command("portal_demo_logins", stdout=out)
    assert DEMO_PASSWORD not in out.getvalue()


def test_loading_the_demo_prints_the_sign_ins_in_the_demo_only(demo, settings):
    """`make run` shows them as `load_demo` loads the portal's rows (no command of their own)."""
    from common.progress import Progress
    from expo.models import Edition
    from portal import demo as portal_demo

    edition = Edition.objects.current()
    settings.EXPO_DEMO = True
    summary = portal_demo.load(edition=edition, progress=Progress(StringIO(), steps=1))
    assert "lan.nguyen@dong-nai-optics.example / demo-portal-2026" in summary
    assert "/en/exhibitor/  sign in as sam.carter@redwood-aerospace.example" in summary
    settings.EXPO_DEMO = False
    summary = portal_demo.load(edition=edition, progress=Progress(StringIO(), steps=1))
    assert summary.startswith("2 portal contacts") and DEMO_PASSWORD not in summary
