"""Countries typed by hand in an import, and the preview that shows what will be saved."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from common.countries import MOFA, resolver
from common.text import fold
from delegations.imports import import_delegations
from delegations.models import Delegation
from tests.factories import make_delegation, make_member


def xlsx(rows):
    book = Workbook()
    sheet = book.active
    sheet.append(["country", "organisation", "level", "family_name", "given_name", "passport_no"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


ROWS = [
    ["Nga", "Bộ Quốc phòng Nga", "Thứ trưởng", "Ivanov", "Ivan", 1234567],
    ["Áo", "Bundesheer", "minister", "Huber", "Anna", "A1"],
    ["Mỹ", "Department of Defense", "", "Smith", "John", "U1"],
    ["Hoa Kỳ", "Department of Defense", "", "Brown", "Mary", "U2"],
    ["Anh", "Ministry of Defence", "", "Jones", "Tom", "G1"],
    ["Ấn Độ", "Bộ Quốc phòng Ấn Độ", "", "Singh", "Raj", "I1"],
]


def test_vietnamese_country_names_are_not_read_as_iso_codes(edition):
    result = import_delegations(data=xlsx(ROWS), filename="list.xlsx", edition=edition)
    assert result.ok, result.errors
    assert sorted(Delegation.objects.values_list("country", flat=True)) == ["AT", "GB", "IN", "RU", "US"]


def test_an_ambiguous_or_unknown_country_is_an_error_and_nothing_is_saved(edition):
    rows = [*ROWS, ["Atlantis", "Navy", "", "Nemo", "", "X1"]]
    result = import_delegations(data=xlsx(rows), filename="list.xlsx", edition=edition)
    assert [(e.row, e.column) for e in result.errors] == [(8, "country")]
    assert "Atlantis" in result.errors[0].message
    assert Delegation.objects.count() == 0


def test_preview_lists_each_delegation_as_it_will_be_saved(protocol_client, edition):
    existing = make_delegation(edition, country="AT", organisation="Bundesheer", level="minister")
    make_member(existing, family_name="Huber", given_name="Anna", passport_no="A1")
    unchanged = make_delegation(edition, country="GB", organisation="Ministry of Defence")
    make_member(unchanged, family_name="Jones", given_name="Tom", passport_no="G1")
    upload = SimpleUploadedFile("list.xlsx", xlsx([*ROWS, ["Áo", "Bundesheer", "", "Gruber", "Max", "A2"]]))
    response = protocol_client.post(
        reverse("admin:delegations_delegation_import"),
        {"edition": edition.pk, "language": "vi", "file": upload},
        headers={"accept-language": "vi"},
    )
    html = response.content.decode()
    assert "<td>Liên bang Nga (RU)</td><td>Bộ Quốc phòng Nga</td><td>Thứ trưởng</td><td>1</td><td>mới</td>" in html
    assert "<td>Hoa Kỳ (US)</td><td>Department of Defense</td><td>Khác</td><td>2</td><td>mới</td>" in html
    assert "<td>Áo (AT)</td><td>Bundesheer</td><td>Bộ trưởng</td><td>2</td><td>cập nhật</td>" in html
    assert "<td>Vương quốc Anh (GB)</td><td>Ministry of Defence</td><td>Khác</td><td>1</td><td>không đổi</td>" in html
    assert Delegation.objects.count() == 2


def test_import_page_lists_allowed_values_in_both_languages_and_defaults_to_the_current_edition(
    protocol_client, edition
):
    from model_bakery import baker

    baker.make("expo.Edition", slug="vide-2022", acronym="VIDE 2022", start_date="2022-12-08", end_date="2022-12-10")
    response = protocol_client.get(reverse("admin:delegations_delegation_import"), headers={"accept-language": "vi"})
    html = response.content.decode()
    assert "<td><code>deputy_minister</code></td><td>Thứ trưởng</td><td>Deputy minister</td>" in html
    assert "<td><code>head</code></td><td>Trưởng đoàn</td><td>Head of delegation</td>" in html
    assert response.context["form"]["edition"].value() == edition.pk


def test_excel_template_has_the_allowed_values_beside_the_header(protocol_client, edition):
    from openpyxl import load_workbook

    response = protocol_client.get(reverse("admin:delegations_delegation_import_template_xlsx"))
    book = load_workbook(io.BytesIO(response.content))
    header = [cell.value for cell in book.worksheets[0][1]]
    assert header[:3] == [
        "Quốc gia / Country",
        "Cơ quan (tiếng Việt) / Organisation (Vietnamese)",
        "Cơ quan (tiếng Anh) / Organisation (English)",
    ]
    values = [[cell.value for cell in row] for row in book.worksheets[1].iter_rows()]
    assert ["level", "minister", "Bộ trưởng", "Minister"] in values
    assert ["gender", "female", "Nữ", "Female"] in values


@pytest.mark.parametrize("code,written", [(code, name) for code, names in MOFA.items() for name in names])
def test_mofa_spellings_resolve_with_or_without_accents_hyphens_and_spaces(code, written):
    found = resolver()
    variants = {written, written.replace("-", " "), written.replace("-", ""), fold(written), written.upper()}
    assert {variant: found.resolve(variant) for variant in variants} == dict.fromkeys(variants, code)


def test_the_ministry_table_covers_fifty_countries():
    assert len(MOFA) >= 50
