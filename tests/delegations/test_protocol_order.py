"""Badges, the members' export and rooming lists come out in the delegation list's protocol order
(level, then the country's name in the list's language), not in the order of ISO codes."""

import csv
import io
import unicodedata

from django.urls import reverse
from pypdf import PdfReader

from delegations.models import Hotel, RoomAssignment
from tests.factories import make_delegation, make_member

COUNTRIES = {"CN": "Trung Quốc", "IN": "Ấn Độ", "US": "Hoa Kỳ"}
SURNAMES = {"CN": "Wang", "IN": "Sharma", "US": "Smith"}


def _text(response):
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(unicodedata.normalize("NFC", " ".join(p.extract_text() for p in reader.pages)).split())


def _order(text, words):
    return sorted(words, key=lambda word: text.index(word))


def _three(edition):
    delegations = {}
    for code in COUNTRIES:
        delegation = make_delegation(edition, code, "Ministry of Defence", level="minister")
        make_member(delegation, SURNAMES[code], "Lee")
        delegations[code] = delegation
    return delegations


def test_badges_and_export_follow_the_delegation_list(protocol_client, edition):
    delegations = _three(edition)
    listed = _text(
        protocol_client.get(reverse("admin:delegations_delegation_print_list") + f"?edition={edition.pk}&lang=vi")
    )
    protocol = _order(listed, list(COUNTRIES.values()))
    assert protocol == ["Ấn Độ", "Hoa Kỳ", "Trung Quốc"]
    expected = [SURNAMES[code] for name in protocol for code in COUNTRIES if COUNTRIES[code] == name]
    changelist = reverse("admin:delegations_delegation_changelist")
    selected = [d.pk for d in delegations.values()]
    # Printed in Vietnamese, the badges' default language.
    badges = protocol_client.post(changelist, {"action": "badges_action", "_selected_action": selected})
    assert _order(_text(badges), list(SURNAMES.values())) == expected
    export = protocol_client.post(
        changelist, {"action": "export_csv", "_selected_action": selected}, headers={"accept-language": "vi"}
    )
    rows = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert [row["family_name"] for row in rows] == expected


def test_rooming_list_follows_the_delegation_list(protocol_client, edition):
    delegations = _three(edition)
    hotel = Hotel.objects.create(edition=edition, name="Khách sạn Hồ Gươm")
    for n, (_code, delegation) in enumerate(sorted(delegations.items())):
        RoomAssignment.objects.create(
            hotel=hotel,
            member=delegation.members.get(),
            room=f"10{n}",
            check_in=edition.start_date,
            check_out=edition.end_date,
        )
    url = reverse("admin:delegations_hotel_rooming_list", args=[hotel.pk])
    text = _text(protocol_client.get(url + "?lang=vi"))
    assert _order(text, list(SURNAMES.values())) == ["Sharma", "Smith", "Wang"]
