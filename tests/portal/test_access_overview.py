"""The portal home: a checklist of the sections the portal's areas register (done, what is missing,
the deadline, day first), each also linked from the portal's navigation."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from portal import overview
from tests.accounts import make_contact, portal_client
from tests.factories import make_exhibitor

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


@pytest.fixture
def viettel(edition):
    return make_exhibitor("viettel", "Tập đoàn Viettel", "VN")


@pytest.fixture
def declarations_section(monkeypatch):
    """One more section, as another area registers it (with a deadline), for this test only."""
    monkeypatch.setattr(overview, "_sections", list(overview._sections))

    def section(exhibitor, edition):
        return {
            "title": "Declarations",
            "done": False,
            "missing": [f"2 exhibits of {exhibitor.name} not declared"],
            "deadline": datetime.date(2024, 11, 30),
            "url": reverse("portal:contacts") + "#declarations",
        }

    return overview.register_section(section)


def test_the_home_lists_what_is_done_and_missing_in_both_languages(viettel, declarations_section):
    contact = make_contact(viettel, "hoa@viettel.example", name="Nguyễn Thị Hoa")
    browser = portal_client(contact)
    english = browser.get("/en/exhibitor/").content.decode()
    assert "What is done, what is missing" in english
    assert "No main contact: ask the organisers to name one." in english
    assert "No contact has signed in yet." not in english  # Hoa just did
    assert 'Deadline: <time datetime="2024-11-30">30/11/2024</time>' in english
    assert "2 exhibits of Tập đoàn Viettel not declared" in english
    assert english.count('href="/en/exhibitor/contacts/"') == 2  # the checklist and the navigation
    vietnamese = browser.get("/vi/exhibitor/").content.decode()
    assert "Việc đã xong, việc còn thiếu" in vietnamese and "Người liên hệ" in vietnamese
    assert "Chưa có người liên hệ chính: hãy đề nghị ban tổ chức chỉ định." in vietnamese
    assert "Cần làm" in vietnamese and "30/11/2024" in vietnamese


def test_contacts_are_done_with_a_main_contact_who_signed_in(viettel):
    contact = make_contact(viettel, "hoa@viettel.example", is_main=True)
    with translation.override("en"):
        section = next(s for s in overview.sections(viettel, None) if s["url"] == "/en/exhibitor/contacts/")
    assert section["missing"] == ["No contact has signed in yet."] and section["done"] is False
    page = portal_client(contact).get("/en/exhibitor/").content.decode()
    assert "portal-checklist__item--done" in page and "No contact" not in page


def test_the_home_and_the_contacts_page_count_their_queries_exactly(viettel, django_assert_num_queries):
    main = make_contact(viettel, "hoa@viettel.example", is_main=True)
    browser = portal_client(main)
    # The home computes every area's checklist line (portal/apps.py registers five).
    counts = {"/en/exhibitor/": 16, "/en/exhibitor/contacts/": 5}
    for url, queries in counts.items():
        with django_assert_num_queries(queries):
            assert browser.get(url).status_code == 200
    for number in range(6):
        make_contact(viettel, f"c{number}@viettel.example")
    for url, queries in counts.items():
        with django_assert_num_queries(queries):
            page = browser.get(url).content.decode()
    assert "c5@viettel.example" in page
