"""A meeting request's interpretation is a language of the list, named in the organiser's language."""

import importlib

from django.apps import apps
from django.urls import reverse

from meetings.models import MeetingRequest
from tests.factories import accepted_delegation, accepted_request


def test_the_form_offers_the_languages_by_vietnamese_name(edition, protocol_client):
    page = protocol_client.get(
        reverse("admin:meetings_meetingrequest_add"), headers={"accept-language": "vi"}
    ).content.decode()
    start = page.index('id="id_language"')
    select = page[start : page.index("</select>", start)]
    assert '<option value="" selected>Không cần</option>' in select
    assert '<option value="ar">Tiếng Ả Rập</option>' in select
    # In Vietnamese alphabetical order, not by code: Ý (it) comes last, after Việt (vi).
    names = ["Tiếng Ả Rập", "Tiếng Ba Lan", "Tiếng Việt", "Tiếng Ý"]
    assert sorted(names, key=select.index) == names


def test_the_migration_maps_free_text_and_keeps_what_it_cannot(edition):
    france = accepted_delegation(edition, "FR", "Ministère des Armées")
    vietnam = accepted_delegation(edition, "VN")
    russian = accepted_request(edition, france, counterpart=vietnam, purpose="Hợp tác")
    two = accepted_request(edition, france, counterpart=vietnam, purpose="Đào tạo")
    swahili = accepted_request(edition, france, counterpart=vietnam)
    # As the rows were before: free text, written past the field's choices.
    MeetingRequest.objects.filter(pk=russian.pk).update(language="tiếng Nga")
    MeetingRequest.objects.filter(pk=two.pk).update(language="French, Russian")
    MeetingRequest.objects.filter(pk=swahili.pk).update(language="Swahili")

    migration = importlib.import_module("meetings.migrations.0004_interpretation_language_as_code")
    migration.code_from_free_text(apps, None)

    rows = {r.pk: r for r in MeetingRequest.objects.all()}
    assert (rows[russian.pk].language, rows[russian.pk].purpose) == ("ru", "Hợp tác")
    assert (rows[two.pk].language, rows[two.pk].purpose) == (
        "fr",
        "Đào tạo\n\nInterpretation / Phiên dịch: French, Russian",
    )
    assert (rows[swahili.pk].language, rows[swahili.pk].purpose) == ("", "Interpretation / Phiên dịch: Swahili")
