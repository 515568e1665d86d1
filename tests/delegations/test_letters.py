"""Letters to delegations: each page in its own language only (organisation, rank, position),
the Vietnamese page in the administrative form of Decree 30/2020/NĐ-CP, the English one a letter
with letterhead, reference, date and signatory; a warning when a language's value is missing;
protocol and press mail from their own sender with a Reply-To."""

import datetime

import time_machine
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from delegations import mail
from delegations.models import Delegation, Member
from outbox import delivery, services
from outbox.models import Message
from tests.helpers import pdf_page_texts, pdf_text

NOW = datetime.datetime(2024, 12, 10, 2, 0, tzinfo=datetime.UTC)  # 10/12/2024 09:00 in Hà Nội
VIETNAMESE_LETTERS = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúý")
SIGNATORY = "Nguyễn Văn Minh"


def russian_delegation(edition, **changes):
    edition.organiser_vi, edition.organiser_en = "Bộ Quốc phòng", "Ministry of National Defence"
    edition.save()
    organisation = {
        "organisation_vi": "Bộ Quốc phòng Liên bang Nga",
        "organisation_en": "Ministry of Defence of the Russian Federation",
    }
    head = {
        "rank_vi": "Thượng tướng",
        "rank_en": "Colonel General",
        "position_vi": "Thứ trưởng Bộ Quốc phòng",
        "position_en": "Deputy Minister of Defence",
    }
    organisation.update({k: v for k, v in changes.items() if k.startswith("organisation")})
    head.update({k: v for k, v in changes.items() if not k.startswith("organisation")})
    delegation = Delegation(edition=edition, country="RU", level=Delegation.Level.DEPUTY_MINISTER, **organisation)
    delegation.save()
    member = Member(
        delegation=delegation,
        family_name="Fomin",
        given_name="Alexander",
        role=Member.Role.HEAD,
        gender=Member.Gender.MALE,
        email="fomin@mil.example.ru",
        **head,
    )
    member.save()
    delegation.head = member
    delegation.save()
    return delegation


def letter_pages(delegation):
    vietnamese, english = pdf_page_texts(mail.invitation_pdf(delegation, delegation.head))
    return vietnamese, english


ENGLISH_VALUES = (
    "Colonel General",
    "Deputy Minister",
    "Ministry of Defence",
    "Russian Federation",
    "Dear",
    "Excellency",
)
VIETNAMESE_VALUES = ("Thượng tướng", "Thứ trưởng", "Bộ Quốc phòng", "Liên bang Nga", "Kính gửi", "CỘNG HÒA")


@time_machine.travel(NOW, tick=False)
def test_each_letter_is_in_its_language_only_and_in_its_form(edition, settings):
    settings.EXPO_LETTER = {**settings.EXPO_LETTER, "signatory": SIGNATORY, "symbol": "GM-BTC"}
    settings.EXPO_MAIL_SENDERS = {**settings.EXPO_MAIL_SENDERS, "protocol": {"from": "x", "reply_to": "letan@vide.vn"}}
    delegation = russian_delegation(edition)
    vietnamese, english = letter_pages(delegation)

    # Decree 30/2020/NĐ-CP: parent and issuing body, national heading, number, place and date,
    # document name, addressee, recipients, signatory's title and name.
    for part in (
        "BỘ QUỐC PHÒNG",
        "BAN TỔ CHỨC TRIỂN LÃM QUỐC PHÒNG QUỐC TẾ VIỆT NAM 2024",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        f"Số: {delegation.pk}/GM-BTC",
        "Hà Nội, ngày 10 tháng 12 năm 2024",
        "GIẤY MỜI",
        "Kính gửi: Thượng tướng Alexander Fomin, Thứ trưởng Bộ Quốc phòng, Bộ Quốc phòng Liên bang Nga, Liên bang Nga",
        "Kính gửi Ngài Thượng tướng Alexander Fomin,",
        "Nơi nhận:",
        "TRƯỞNG BAN TỔ CHỨC",
        SIGNATORY,
        "letan@vide.vn",
    ):
        assert part in vietnamese, part
    for value in ENGLISH_VALUES:
        assert value not in vietnamese, value

    for part in (
        "MINISTRY OF NATIONAL DEFENCE",
        "Organising Committee of Vietnam International Defence Expo 2024",
        f"Our reference: {delegation.pk}/GM-BTC",
        "Hanoi, 10 December 2024",
        "Colonel General Alexander Fomin Deputy Minister of Defence Ministry of Defence of the Russian Federation",
        "Your Excellency Colonel General Alexander Fomin,",
        "invite a delegation of Ministry of Defence of the Russian Federation (Russian Federation)",
        "Head of the Organising Committee",
        "letan@vide.vn",
    ):
        assert part in english, part
    for value in VIETNAMESE_VALUES:
        assert value not in english, value
    # Not one Vietnamese letter on the English page but in the signatory's own name.
    assert not VIETNAMESE_LETTERS & set(english.replace(SIGNATORY, "").lower())


def organiser(name):
    user = User.objects.create_user(name, is_staff=True)
    user.groups.add(Group.objects.get(name="Protocol"))
    client = Client()
    client.force_login(user)
    return client


@time_machine.travel(NOW, tick=False)
def test_a_missing_english_value_is_warned_and_left_out_never_replaced_by_vietnamese(edition):
    delegation = russian_delegation(edition, organisation_en="", rank_en="")
    client = organiser("hoa")
    response = client.post(
        reverse("admin:delegations_delegation_changelist"),
        {"action": "invite", "_selected_action": [delegation.pk]},
        headers={"accept-language": "en"},
        follow=True,
    )
    html = response.content.decode()
    assert "The English letter to Russian Federation · Bộ Quốc phòng Liên bang Nga has no organisation name." in html
    assert "has no rank for Alexander Fomin" in html
    assert "The Vietnamese letter" not in html
    # The change page says the same while the values are still missing.
    page = client.get(
        reverse("admin:delegations_delegation_change", args=[delegation.pk]), headers={"accept-language": "en"}
    )
    assert "has no organisation name" in page.content.decode()

    vietnamese, english = letter_pages(delegation)
    assert "Kính gửi Ngài Thượng tướng Alexander Fomin," in vietnamese
    assert "Your Excellency Alexander Fomin," in english
    assert "invite a delegation of Russian Federation to Vietnam International Defence Expo 2024" in english
    for value in VIETNAMESE_VALUES:
        assert value not in english, value
    # The e-mail drafted with it (English, for a foreign delegation) has no Vietnamese rank either.
    message = Message.objects.get(kind=mail.INVITATION)
    assert message.to_name == "Alexander Fomin"
    assert message.body_text.startswith("Your Excellency Alexander Fomin,")


def test_a_complete_delegation_gets_no_warning(edition):
    delegation = russian_delegation(edition)
    response = organiser("hoa").post(
        reverse("admin:delegations_delegation_changelist"),
        {"action": "invite", "_selected_action": [delegation.pk]},
        follow=True,
    )
    assert "letter to" not in response.content.decode()


def test_protocol_and_press_mail_come_from_their_senders_with_a_reply_to(edition, settings, smtp):
    settings.EXPO_MAIL_SENDERS = {
        "protocol": {"from": "Ban Lễ tân VIDE <protocol@vide.example.vn>", "reply_to": "le-tan@vide.example.vn"},
        "press": {"from": "VIDE Press Centre <press@vide.example.vn>", "reply_to": "bao-chi@vide.example.vn"},
    }
    delegation = russian_delegation(edition)
    letter = mail.draft_invitation(delegation, by=None)
    press = services.draft(
        kind="press.accreditation_received",
        key="press-test",
        to_email="reporter@example.com",
        language="en",
        subject="Application received",
        text="Thank you.",
    )
    for message in (letter, press):
        Message.objects.filter(pk=message.pk).update(
            status=Message.Status.APPROVED, approved_digest=message.content_digest()
        )
        assert delivery.deliver(message.pk) == "sent"
    protocol_mail, press_mail = smtp.messages
    assert str(protocol_mail["From"]) == "Ban Lễ tân VIDE <protocol@vide.example.vn>"
    assert str(protocol_mail["Reply-To"]) == "le-tan@vide.example.vn"
    assert str(press_mail["From"]) == "VIDE Press Centre <press@vide.example.vn>"
    assert str(press_mail["Reply-To"]) == "bao-chi@vide.example.vn"


def test_mail_senders_are_read_from_the_environment_with_demo_defaults():
    import pytest
    from django.core.exceptions import ImproperlyConfigured

    from config.parsing import mail_senders

    demo = mail_senders({}, fallback_from="")
    assert demo["protocol"] == {
        "from": "VIDE Protocol <protocol@vide.example.vn>",
        "reply_to": "protocol@vide.example.vn",
    }
    configured = mail_senders(
        {"EXPO_PROTOCOL_MAIL_FROM": "Ban Lễ tân <le-tan@bqp.vn>", "EXPO_PROTOCOL_REPLY_TO": "doan@bqp.vn"},
        fallback_from="VIDE <no-reply@bqp.vn>",
    )
    assert configured["protocol"] == {"from": "Ban Lễ tân <le-tan@bqp.vn>", "reply_to": "doan@bqp.vn"}
    assert configured["press"]["from"] == "VIDE <no-reply@bqp.vn>"
    with pytest.raises(ImproperlyConfigured, match="EXPO_PRESS_REPLY_TO"):
        mail_senders({"EXPO_PRESS_REPLY_TO": "not an address"}, fallback_from="")


def test_ranks_positions_and_organisations_print_in_the_printouts_language(protocol_client, edition):
    korea = Delegation(
        edition=edition,
        country="KR",
        level=Delegation.Level.CHIEF_OF_DEFENCE,
        status=Delegation.Status.ACCEPTED,
        organisation_vi="Bộ Quốc phòng Hàn Quốc",
        organisation_en="Ministry of National Defense",
    )
    korea.save()
    park = Member(
        delegation=korea,
        family_name="Park",
        given_name="Ji-ho",
        role=Member.Role.HEAD,
        rank_vi="Đại tướng",
        rank_en="General",
        position_vi="Chủ tịch Hội đồng Tham mưu trưởng Liên quân",
        position_en="Chairman of the Joint Chiefs of Staff",
    )
    park.save()
    korea.head = park
    korea.save()
    urls = [
        reverse("admin:delegations_delegation_print_list"),
        reverse("admin:delegations_delegation_itinerary", args=[korea.pk]),
        reverse("admin:delegations_delegation_badges", args=[korea.pk]),
    ]
    for url in urls:
        vietnamese = pdf_text(protocol_client.get(f"{url}?lang=vi"))
        english = pdf_text(protocol_client.get(f"{url}?lang=en"))
        assert "Đại tướng" in vietnamese and "General" not in vietnamese, url
        assert "General" in english and "Đại tướng" not in english, url
        assert "Ministry of National Defense" not in vietnamese and "Bộ Quốc phòng Hàn Quốc" not in english, url


def test_the_vietnamese_date_is_written_as_decree_30_writes_it(edition):
    from delegations.letters import place_and_date

    def written(day, month):
        return place_and_date(edition, "vi", datetime.datetime(2025, month, day, 5, tzinfo=datetime.UTC))

    assert written(5, 2) == "Hà Nội, ngày 05 tháng 02 năm 2025"
    assert written(5, 3) == "Hà Nội, ngày 05 tháng 3 năm 2025"
    assert written(15, 11) == "Hà Nội, ngày 15 tháng 11 năm 2025"
    assert place_and_date(edition, "en", datetime.datetime(2025, 3, 5, 5, tzinfo=datetime.UTC)) == "Hanoi, 5 March 2025"
