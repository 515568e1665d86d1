"""The delegation members' export goes through the shared escaping: no formula, no failure on odd text."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from delegations.imports.reading import read_table
from tests.factories import make_delegation, make_member

CHANGELIST = reverse("admin:delegations_delegation_changelist")
HOSTILE = ['==HYPERLINK("http://evil.example","Bấm")', "+84 912 345 678", "-1+2", "@SUM(A1)", "\t=1", " =1"]


def _export(client, delegation, action):
    response = client.post(CHANGELIST, {"action": action, "_selected_action": [delegation.pk]})
    assert response.status_code == 200
    return response.content


def test_members_export_escapes_every_formula_start_and_control_characters(protocol_client, edition):
    delegation = make_delegation(edition, organisation=HOSTILE[0])
    for number, value in enumerate(HOSTILE[1:]):
        make_member(delegation, family_name="Trần", given_name=f"Văn {number}", position=value)
    make_member(delegation, family_name="Lê\x01\x0b", given_name="Thị Hoa\x1f", phone=HOSTILE[1])

    sheet = load_workbook(io.BytesIO(_export(protocol_client, delegation, "export_xlsx"))).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = [cell.value for cell in cells if isinstance(cell.value, str)]
    assert not [t for t in texts if t.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert "'" + HOSTILE[0] in texts and "Lê\ufffd\ufffd" in texts

    rows = list(csv.reader(io.StringIO(_export(protocol_client, delegation, "export_csv").decode("utf-8-sig"))))
    assert not [c for row in rows[1:] for c in row if c.lstrip(" ").startswith(("=", "+", "-", "@", "\t"))]


def test_reading_our_export_back_gives_the_original_text(protocol_client, edition):
    delegation = make_delegation(edition, organisation=HOSTILE[0])
    make_member(delegation, family_name="Trần", given_name="Văn Nam", position="-Phó đoàn-")
    body = _export(protocol_client, delegation, "export_xlsx")
    _headers, rows = read_table(body, "members.xlsx")
    assert rows[0][1]["organisation_en"] == HOSTILE[0]
    assert rows[0][1]["position_en"] == "-Phó đoàn-"
