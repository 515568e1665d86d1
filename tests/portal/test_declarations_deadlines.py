"""Deadlines per edition: the exhibitor sees what is still missing; the organisers' dashboard counts
who is late per deadline and reminds them, one mail per exhibitor in its contact's language."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from common.roles import SECURITY
from outbox.models import Message
from portal.deadlines import deadline_for
from portal.declarations_overview import declarations_section
from portal.demo_declarations import load_declarations
from portal.models import Contact, Declaration, PortalDeadlines
from tests.factories import make_exhibitor, make_product, staff
from tests.helpers import pdf_text, subject_of, text_of

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}
# The admin index: its own 7, then the current edition, its deadlines and one per passed deadline (two here).
# +1: the session's TOTP device, read by django-otp for staff who approve (common/second_factor.py).
QUERIES_ON_THE_DASHBOARD = 11


def contact(exhibitor, email, language, **fields):
    user = get_user_model().objects.create_user(username=email, email=email)
    return Contact.objects.create(
        exhibitor=exhibitor, user=user, name=email[:2], email=email, language=language, **fields
    )


@pytest.fixture
def late_show(edition, sectors, frozen_clock):
    """15/06/2026: the profile was due 01/06 and the exhibits 14/06; declarations are due 20/06."""
    PortalDeadlines.objects.create(
        edition=edition,
        profile=datetime.date(2026, 6, 1),
        exhibits=datetime.date(2026, 6, 14),
        declarations=datetime.date(2026, 6, 20),
    )
    viettel = make_exhibitor("viettel", "Viettel", "VN")
    viettel.description_vi = "Tập đoàn Công nghiệp - Viễn thông Quân đội"
    viettel.save()
    rheinmetall = make_exhibitor("rheinmetall", "Rheinmetall", "DE")
    make_product(rheinmetall, sectors["tanks"], "skyranger", "Skyranger 30", "Skyranger 30")
    contact(viettel, "ha@viettel.example", "vi", is_main=True)
    contact(viettel, "an@viettel.example", "en")
    contact(rheinmetall, "max@rheinmetall.example", "en", is_main=True)
    make_exhibitor("kept-by-hand", "Kept by hand", "FR")  # no portal contact: no deadline applies
    return {"viettel": viettel, "rheinmetall": rheinmetall}


def test_deadline_for_names_each_areas_date(late_show, edition):
    assert deadline_for(edition, "exhibits") == datetime.date(2026, 6, 14)
    assert deadline_for(edition, "team") is None
    with pytest.raises(ValueError):
        deadline_for(edition, "badges")


def test_the_exhibitor_sees_each_deadline_and_what_is_still_missing(client, late_show):
    client.force_login(Contact.objects.get(email="max@rheinmetall.example").user)
    page = client.get("/en/exhibitor/deadlines/").content.decode()
    assert "Due by 01/06/2026. <strong>Late.</strong>" in page
    assert "the description in Vietnamese" in page and "the logo" in page
    assert "Due by 20/06/2026. 5 days left." in page
    assert "a declaration for “Skyranger 30”" in page
    assert "No deadline set." in page  # the stand team
    assert declarations_section(late_show["rheinmetall"], None)["done"] is True  # no edition, nothing asked


def test_the_overview_section_lists_the_missing_declarations(late_show, edition):
    section = declarations_section(late_show["rheinmetall"], edition)
    assert section == {
        "title": "Declarations",
        "done": False,
        "missing": ["a declaration for “Skyranger 30”"],
        "deadline": datetime.date(2026, 6, 20),
        "url": "/en/exhibitor/declarations/",
    }
    Declaration.objects.create(product=late_show["rheinmetall"].products.get(), edition=edition)
    assert declarations_section(late_show["rheinmetall"], edition)["done"] is True


def test_the_dashboard_counts_who_is_late_per_deadline(late_show):
    _, organiser = staff(SECURITY)
    page = organiser.get(reverse("admin:index"), headers=EN).content.decode()
    assert "Company profile (due 01/06/2026): 2 exhibitors are late." in page
    assert "Exhibits (due 14/06/2026): 1 exhibitor is late." in page
    assert "Declarations (due" not in page  # not due yet


def test_reminders_go_once_per_exhibitor_in_its_contacts_language(late_show, smtp, django_capture_on_commit_callbacks):
    _, organiser = staff(SECURITY)
    url = reverse("admin:portal_portaldeadlines_remind")
    confirm = organiser.get(url, headers=EN).content.decode()
    assert "Send the reminders" in confirm
    with django_capture_on_commit_callbacks(execute=True):
        organiser.post(url, headers=EN)
    mails = {message["To"].addresses[0].addr_spec: message for message in smtp.messages}
    assert sorted(mails) == ["ha@viettel.example", "max@rheinmetall.example"]
    vietnamese = text_of(mails["ha@viettel.example"])
    subject = subject_of(mails["ha@viettel.example"])
    assert subject == "VIDE 2024: hồ sơ của quý vị trên cổng đơn vị trưng bày chưa đầy đủ"
    assert "mô tả bằng tiếng Anh" in vietnamese and "ít nhất một sản phẩm trưng bày" in vietnamese
    assert "/vi/exhibitor/deadlines/" in vietnamese
    english = text_of(mails["max@rheinmetall.example"])
    assert "the description in Vietnamese" in english and "Viettel" not in english
    assert "Skyranger" not in english  # declarations are not due yet
    with django_capture_on_commit_callbacks(execute=True):
        organiser.post(url, headers=EN)
    assert Message.objects.filter(kind="portal.deadline_reminder").count() == 2  # once a day


def test_the_demo_gives_a_declaration_to_review_with_a_real_certificate(
    edition, sectors, django_capture_on_commit_callbacks
):
    exhibitor = make_exhibitor("viettel", "Viettel", "VN")
    make_product(exhibitor, sectors["tanks"], "stv", "Súng STV-380", "STV-380 rifle")
    # The certificate is drawn on the task queue once the demo is committed (inline in the tests).
    with django_capture_on_commit_callbacks(execute=True) as drawn:
        assert load_declarations(edition=edition, exhibitor=exhibitor) == (
            "Portal deadlines set; a declaration to review for Súng STV-380"
        )
    assert len(drawn) == 1
    with django_capture_on_commit_callbacks(execute=True) as drawn:
        load_declarations(edition=edition, exhibitor=exhibitor)
    assert drawn == []  # loaded again: the declaration and its certificate are kept
    declaration = Declaration.objects.get()
    assert declaration.status == "review" and declaration.condition == "deactivated"
    with declaration.deactivation_certificate.open("rb") as paper:
        assert "Súng STV-380" in pdf_text(paper.read())
    assert PortalDeadlines.objects.get().declarations == edition.start_date - datetime.timedelta(days=10)


@pytest.mark.parametrize("more", [0, 6])
def test_the_dashboard_counts_in_a_fixed_number_of_queries(late_show, sectors, more, django_assert_num_queries):
    for n in range(more):
        late = make_exhibitor(f"late-{n}", f"Late {n}", "VN")
        make_product(late, sectors["tanks"], f"late-{n}", f"Xe {n}")
        contact(late, f"late{n}@example.vn", "vi")
    _, organiser = staff(SECURITY)
    organiser.get(reverse("admin:index"), headers=EN)
    with django_assert_num_queries(QUERIES_ON_THE_DASHBOARD):
        page = organiser.get(reverse("admin:index"), headers=EN).content.decode()
    assert f"Company profile (due 01/06/2026): {2 + more} exhibitors are late." in page
