"""Delegations hear from the protocol team: the invitation letter (reviewed by a second
organiser), the itinerary when they accept, and batched itinerary changes."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.test import Client

from delegations import mail
from delegations.models import Delegation, Engagement, Member
from expo.models import ProgrammeItem, Venue
from expo.programme import services as programme_services
from outbox.models import Message
from tests.forms import delegation_change_form
from tests.helpers import pdf_text, subject_of, text_of

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2024, 12, 10, 2, 0, tzinfo=datetime.UTC)


def organiser(name):
    user = User.objects.create_user(name, is_staff=True)
    user.groups.add(Group.objects.get(name="Protocol"))
    client = Client()
    client.force_login(user)
    return user, client


def delegation_with_head(edition, *, country="US", organisation="Department of Defense", level="other", **head):
    delegation = Delegation.objects.create(edition=edition, country=country, organisation=organisation, level=level)
    fields = {
        "family_name": "Smith",
        "given_name": "John",
        # A rank in each language: each letter and mail uses its own language's.
        "rank_vi": "Đại tướng",
        "rank_en": "General",
        "gender": "male",
        "email": "john.smith@example.mil",
        "passport_no": "P1234567",
        "date_of_birth": datetime.date(1965, 3, 4),
        "needs": "Halal meals",
        "role": "head",
    }
    fields.update(head)
    member = Member.objects.create(delegation=delegation, **fields)
    delegation.head = member
    delegation.save()
    return delegation


def test_salutation_follows_name_order_and_form_of_address(edition):
    us = delegation_with_head(edition)
    vn = delegation_with_head(
        edition,
        country="VN",
        organisation="Bộ Quốc phòng",
        level="minister",
        family_name="Phan",
        given_name="Văn Giang",
        rank_vi="Đại tướng",
        rank_en="General",
        email="vp@mod.gov.vn",
    )
    jp = delegation_with_head(
        edition,
        country="JP",
        organisation="Ministry of Defense",
        family_name="Yamada",
        given_name="Hanako",
        rank_vi="",
        rank_en="",
        gender="female",
        email="yamada@mod.go.jp",
    )
    assert mail.salutation(us.head, level=us.level, language="en") == "Dear General John Smith,"
    assert mail.salutation(us.head, level=us.level, language="vi") == "Kính gửi Đại tướng John Smith,"
    assert mail.salutation(vn.head, level=vn.level, language="vi") == "Kính gửi Ngài Đại tướng Phan Văn Giang,"
    assert mail.salutation(vn.head, level=vn.level, language="en") == "Your Excellency General Phan Văn Giang,"
    assert mail.salutation(jp.head, level=jp.level, language="en") == "Dear Ms Yamada Hanako,"
    assert mail.salutation(jp.head, level=jp.level, language="vi") == "Kính gửi Bà Yamada Hanako,"


@time_machine.travel(NOW, tick=False)
def test_organiser_invites_a_second_approves_and_the_letter_is_delivered(
    edition, smtp, django_capture_on_commit_callbacks
):
    drafter, drafter_client = organiser("hoa")
    approver, approver_client = organiser("minh")
    delegation = delegation_with_head(edition)

    response = drafter_client.post(
        "/admin/delegations/delegation/",
        {"action": "invite", "_selected_action": [delegation.pk]},
    )
    assert response.status_code == 302
    message = Message.objects.get()
    assert (message.status, message.kind, message.drafted_by, message.to_email) == (
        "draft",
        "delegations.invitation",
        drafter,
        "john.smith@example.mil",
    )

    # The drafter cannot approve their own message to a delegation.
    with django_capture_on_commit_callbacks(execute=True):
        refused = drafter_client.post(
            "/admin/outbox/message/", {"action": "approve", "_selected_action": [message.pk]}, follow=True
        )
    assert "một người khác phải duyệt thư" in refused.content.decode()
    message.refresh_from_db()
    assert message.status == "draft" and smtp.received == []

    # Nor is the button offered to them: the page says why.
    change_url = f"/admin/outbox/message/{message.pk}/change/"
    page = drafter_client.get(change_url).content.decode()
    assert 'name="_approve"' not in page and "một người khác phải duyệt thư" in page

    # The second organiser reads the message and approves it from its page as it stands.
    page = approver_client.get(change_url).content.decode()
    assert "Duyệt và gửi" in page
    reviewed = re.search(r'name="_reviewed" value="([0-9a-f]{64})"', page).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        approver_client.post(
            change_url,
            {
                "subject": message.subject,
                "body_text": message.body_text,
                "body_html": message.body_html,
                "_reviewed": reviewed,
                "_approve": "1",
            },
        )
    message.refresh_from_db()
    assert (message.status, message.approved_by, message.attempts) == ("sent", approver, 1)
    [received] = smtp.received
    email = received["message"]
    assert received["rcpt_tos"] == ["john.smith@example.mil"]
    assert subject_of(email) == "Invitation to Vietnam International Defence Expo 2024"
    assert email["Content-Language"] == "en"
    text = text_of(email)
    assert text.startswith("Dear General John Smith,") and "The Organising Committee" in text
    [attachment] = list(email.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    letter = pdf_text(attachment.get_content())
    assert "Kính gửi Đại tướng John Smith," in letter and "Dear General John Smith," in letter
    assert "Triển lãm Quốc phòng quốc tế Việt Nam 2024" in letter and "Gia Lam Airfield" in letter
    # Nothing sensitive anywhere in what was sent.
    for secret in ("P1234567", "1965", "04/03", "Halal"):
        assert secret not in email.as_string() and secret not in letter

    # Viewable from the admin as delivered; a sent message can no longer be changed.
    view = approver_client.get(f"/admin/outbox/message/{message.pk}/view/").content.decode()
    assert "Dear General John Smith," in view and ".pdf" in view
    html = approver_client.get(f"/admin/outbox/message/{message.pk}/html/")
    assert (
        html["Content-Security-Policy"].startswith("sandbox;")
        and "<p>Dear General John Smith,</p>" in html.content.decode()
    )
    approver_client.post(change_url, {"subject": "Changed", "body_text": "x", "body_html": ""})
    message.refresh_from_db()
    assert message.subject != "Changed"


@time_machine.travel(NOW, tick=False)
def test_vietnamese_delegation_gets_its_messages_in_vietnamese(edition, smtp, django_capture_on_commit_callbacks):
    drafter, _ = organiser("hoa")
    approver, _ = organiser("minh")
    delegation = delegation_with_head(
        edition,
        country="VN",
        organisation="Quân khu 7",
        family_name="Nguyễn",
        given_name="Văn Bình",
        rank_vi="Trung tướng",
        rank_en="Lieutenant General",
        email="binh@qk7.vn",
    )
    from delegations.services import change_status
    from outbox import services

    change_status(delegation=delegation, status="invited", user=drafter)
    message = Message.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(message=message, user=approver, digest=message.content_digest())
    email = smtp.messages[0]
    assert subject_of(email) == "Thư mời tham dự Triển lãm Quốc phòng quốc tế Việt Nam 2024"
    assert email["Content-Language"] == "vi"
    assert text_of(email).startswith("Kính gửi Trung tướng Nguyễn Văn Bình,")
    assert "Ban Tổ chức trân trọng kính mời đoàn Quân khu 7 (Việt Nam)" in text_of(email)


def _engaged(edition, delegation, title="Air show"):
    venue = Venue.objects.create(edition=edition, name_vi="Khu A", name_en="Area A", slug="area-a")
    other = Venue.objects.create(edition=edition, name_vi="Khu B", name_en="Area B", slug="area-b")
    start = datetime.datetime(2024, 12, 20, 2, 0, tzinfo=datetime.UTC)
    item = ProgrammeItem.objects.create(
        edition=edition,
        title_en=title,
        title_vi="Bay biểu diễn",
        slug="air-show",
        start=start,
        end=start + datetime.timedelta(hours=1),
        venue=venue,
        is_published=True,
    )
    Engagement.objects.create(
        delegation=delegation, kind="programme", programme_item=item, start=item.start, end=item.end
    )
    return item, other


def test_itinerary_is_drafted_when_the_delegation_accepts_and_changes_are_batched(
    edition, smtp, django_capture_on_commit_callbacks
):
    from delegations.services import change_status
    from outbox import services

    drafter, _ = organiser("hoa")
    approver, _ = organiser("minh")
    with time_machine.travel(NOW, tick=False):
        delegation = delegation_with_head(edition)
        item, other_venue = _engaged(edition, delegation)
        change_status(delegation=delegation, status="invited", user=drafter)
        change_status(delegation=delegation, status="accepted", user=drafter)
        itinerary = Message.objects.get(kind="delegations.itinerary")
        assert "20/12/2024 09:00 · Air show · Area A" in itinerary.body_text
        assert "P1234567" not in itinerary.body_text

    # Two changes ten minutes apart: one message listing both.
    with time_machine.travel(NOW + datetime.timedelta(hours=1), tick=False):
        programme_services.move_item(item=item, venue=other_venue)
    with time_machine.travel(NOW + datetime.timedelta(hours=1, minutes=10), tick=False):
        programme_services.delay_item(item=ProgrammeItem.objects.get(pk=item.pk), minutes=30)
    [update] = Message.objects.filter(kind="delegations.itinerary_update")
    assert update.status == "draft" and update.drafted_by is None
    assert "Moved: Air show (20/12/2024 09:00) is now at Area B" in update.body_text
    assert "New time: Air show, 20/12/2024 09:00 → 20/12/2024 09:30" in update.body_text
    # A change after the window closed starts a new message.
    with time_machine.travel(NOW + datetime.timedelta(hours=2), tick=False):
        programme_services.cancel_item(
            item=ProgrammeItem.objects.get(pk=item.pk), note_vi="Thời tiết xấu", note_en="Bad weather"
        )
    latest = Message.objects.filter(kind="delegations.itinerary_update").order_by("-pk").first()
    assert latest.pk != update.pk and "Cancelled: Air show (20/12/2024 09:30)" in latest.body_text

    with (
        time_machine.travel(NOW + datetime.timedelta(hours=3), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        # Nobody drafted it: any organiser may approve.
        services.approve(message=update, user=drafter, digest=update.content_digest())
    email = smtp.messages[0]
    assert subject_of(email) == "VIDE 2024: changes to your delegation's programme"
    assert "- Moved: Air show" in text_of(email) and "- New time: Air show" in text_of(email)


def test_delegation_without_any_address_gets_no_draft(edition):
    drafter, _ = organiser("hoa")
    delegation = delegation_with_head(edition, email="")
    from delegations.services import change_status

    change_status(delegation=delegation, status="invited", user=drafter)
    assert not Message.objects.exists()


def test_organiser_adding_a_meeting_drafts_an_itinerary_update(edition):
    user, client = organiser("hoa")
    delegation = delegation_with_head(edition)
    delegation.status = "accepted"
    delegation.save()
    url, data = delegation_change_form(client, delegation)
    data |= {
        "head": delegation.head_id,
        "engagements-TOTAL_FORMS": 1,
        "engagements-0-kind": "bilateral",
        "engagements-0-counterpart": "Bộ Quốc phòng Lào",
        "engagements-0-start_0": "2024-12-20",
        "engagements-0-start_1": "09:00",
        "engagements-0-end_0": "2024-12-20",
        "engagements-0-end_1": "10:00",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    update = Message.objects.get(kind="delegations.itinerary_update")
    assert update.status == "draft" and update.to_email == "john.smith@example.mil"
    assert "- Added: Bilateral meeting: Bộ Quốc phòng Lào (20/12/2024 09:00)" in update.body_text
