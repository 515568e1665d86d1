"""Languages are chosen from a list, kept as codes and named in the reader's language (issue 26):
no more "English, French" typed by hand, nor "không có phiên dịch viên nói Arabic"."""

import importlib

from django.apps import apps
from django.urls import reverse

from common.languages import read_typed
from delegations.models import Delegation, Interpreter, LiaisonOfficer, Member
from tests.factories import make_delegation, make_member


def test_typed_lists_are_read_in_either_language():
    assert read_typed("English, French") == ("en,fr", [])
    assert read_typed("tiếng Nga và Anh") == ("en,ru", [])
    assert read_typed("Arabic / tiếng Ả Rập; ar") == ("ar", [])
    assert read_typed("Japanese, Klingon") == ("ja", ["Klingon"])


def test_an_interpreter_is_given_languages_by_ticking_them_in_vietnamese(protocol_client):
    url = reverse("admin:delegations_interpreter_add")
    form = protocol_client.get(url, headers={"accept-language": "vi"}).content.decode()
    assert 'type="checkbox" name="languages" value="ar"' in form and "Tiếng Ả Rập" in form
    assert "e.g. English, French" not in form and "ví dụ" not in form

    response = protocol_client.post(url, {"name": "Hoàng Mai Anh", "languages": ["fr", "ar"]})
    assert response.status_code == 302
    assert Interpreter.objects.get().languages == "ar,fr"

    listing = protocol_client.get(reverse("admin:delegations_interpreter_changelist")).content.decode()
    assert "Tiếng Ả Rập, Tiếng Pháp" in listing


def test_a_language_not_on_the_list_is_refused_and_nothing_saved(protocol_client):
    url = reverse("admin:delegations_liaisonofficer_add")
    response = protocol_client.post(url, {"name": "Vũ Thu Trang", "languages": ["en", "klingon"]})
    assert response.status_code == 200
    assert "klingon không phải là một trong các lựa chọn" in response.content.decode()
    assert not LiaisonOfficer.objects.exists()


def test_a_members_languages_are_ticked_on_the_delegation_page(protocol_client, edition):
    delegation = make_delegation(edition, "FR", "Ministère des Armées")
    make_member(delegation, family_name="Martin", given_name="Claire", languages="en,fr")
    page = protocol_client.get(
        reverse("admin:delegations_delegation_change", args=[delegation.pk]), headers={"accept-language": "vi"}
    ).content.decode()
    assert 'name="members-0-languages" value="fr" ' in page.replace('"fr"checked', '"fr" checked')
    assert page.count('name="members-0-languages"') > 20  # one tick per language of the list


def test_the_migration_maps_free_text_and_keeps_what_it_cannot(edition):
    officer = LiaisonOfficer.objects.create(name="Nguyễn Thành Long")
    interpreter = Interpreter.objects.create(name="Bùi Quốc Việt")
    delegation = make_delegation(edition, "FR", "Ministère des Armées", notes="Đón tại sân bay.")
    member = make_member(delegation, family_name="Martin", given_name="Claire")
    # As the rows were before: free text, written past the new field's checks.
    LiaisonOfficer.objects.filter(pk=officer.pk).update(languages="English, French")
    Interpreter.objects.filter(pk=interpreter.pk).update(languages="tiếng Nhật, Hàn")
    Member.objects.filter(pk=member.pk).update(languages="French, Breton")

    migration = importlib.import_module("delegations.migrations.0010_languages_as_codes")
    migration.codes_from_free_text(apps, None)

    assert LiaisonOfficer.objects.get().languages == "en,fr"
    assert Interpreter.objects.get().languages == "ja,ko"
    assert Member.objects.get().languages == "fr"
    notes = Delegation.objects.get().notes
    assert notes.startswith("Đón tại sân bay.") and notes.endswith("Martin Claire: Breton")
