"""The protocol team's import page (preview, then confirm) and the changelist's member exports."""

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from delegations.models import Delegation, Member
from tests.factories import make_delegation, make_member

CHANGELIST = reverse("admin:delegations_delegation_changelist")


def test_import_page_previews_then_imports(protocol_client, edition):
    url = reverse("admin:delegations_delegation_import")
    data = "country;organisation;family_name;given_name;passport_no\nVN;Bộ Quốc phòng;Nguyễn;Văn An;B1\n".encode()
    upload = SimpleUploadedFile("list.csv", data, content_type="text/csv")
    response = protocol_client.post(
        url, {"edition": edition.pk, "language": "vi", "file": upload}, headers={"accept-language": "en"}
    )
    html = response.content.decode()
    assert "Dry run, nothing saved. 1 rows: 1 delegations created" in html and "Confirm import" in html
    assert Member.objects.count() == 0
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    response = protocol_client.post(url, {"confirm": "1", "token": token}, follow=True)
    assert Member.objects.get().full_name == "Nguyễn Văn An"


def test_import_page_lists_errors_and_saves_nothing(protocol_client, edition):
    data = "country,organisation,family_name,date_of_birth\nAtlantis,Navy,Nguyễn,31/02/1960\n".encode()
    upload = SimpleUploadedFile("list.csv", data, content_type="text/csv")
    html = protocol_client.post(
        reverse("admin:delegations_delegation_import"),
        {"edition": edition.pk, "language": "vi", "file": upload},
        headers={"accept-language": "en"},
    ).content.decode()
    assert "<td>2</td><td>country</td>" in html and "<td>2</td><td>date_of_birth</td>" in html
    assert "Confirm import" not in html
    assert Delegation.objects.count() == 0


def _export(client, delegation, action):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [delegation.pk]})


def test_export_escapes_formulae_and_masks_without_permission(protocol_client, viewer_client, edition):
    delegation = make_delegation(edition, organisation='=HYPERLINK("http://x")')
    make_member(delegation, passport_no="B1234567", email="an@example.vn")
    full = _export(protocol_client, delegation, "export_csv").content.decode()
    assert "B1234567" in full and "passport_no" in full
    # A leading "'" (common.spreadsheet_safety, OWASP), so no spreadsheet runs it as a formula.
    assert 'VN,,"\'=HYPERLINK(""http://x"")"' in full
    limited = _export(viewer_client, delegation, "export_csv").content.decode()
    assert "B1234567" not in limited and "passport_no" not in limited and "Nguyễn" in limited
    workbook = load_workbook(io.BytesIO(_export(protocol_client, delegation, "export_xlsx").content))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[1][rows[0].index("family_name")] == "Nguyễn"
    assert not str(rows[1][rows[0].index("organisation_en")]).startswith("=")
