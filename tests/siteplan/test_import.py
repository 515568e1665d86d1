"""Stand positions and venue outlines from files: checked in full, saved all or nothing."""

from django.contrib.auth.models import Group, User

from siteplan.models import PointOfInterest, StandPlacement, VenueOutline
from tests.helpers import named_file, xlsx_bytes

IMPORT_URL = "/admin/siteplan/standplacement/import/"
OUTLINES_URL = "/admin/siteplan/standplacement/outlines/"


def positions(edition):
    return {
        p.stand.code: (p.x, p.y, p.width, p.depth, p.rotation)
        for p in StandPlacement.objects.filter(stand__edition=edition).select_related("stand")
    }


def test_excel_import_previews_then_saves_every_position(editor, site, edition):
    before = positions(edition)
    content = xlsx_bytes(
        [
            ["Stand code", "Venue", "X", "Y", "Width", "Depth", "Rotation"],
            ["B-99", "B", 200, 30, 9, 6, None],  # the stand that had no position
            ["a-09", "hall-a", "70,5", "50", "12", "8", "=45"],  # numbers typed as text, decimal comma
        ]
    )
    response = editor.post(IMPORT_URL, {"edition": edition.pk, "file": named_file(content, "gian-hang.xlsx")})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vị trí của 2 gian hàng cho VIDE 2024 đã sẵn sàng." in html
    assert "Late Comer Systems" in html
    assert positions(edition) == before  # nothing saved before the confirmation
    response = editor.post(IMPORT_URL, {"confirm": "1"})
    assert response.status_code == 302
    after = positions(edition)
    assert after["B-99"] == (200.0, 30.0, 9.0, 6.0, 0.0)
    # A formula is never evaluated, only its value as Excel saved it; openpyxl saves none, so
    # the rotation cell reads as empty (0°).
    assert after["A-09"] == (70.5, 50.0, 12.0, 8.0, 0.0)


def test_csv_with_one_bad_row_saves_nothing_and_lists_every_error(editor, site, edition):
    before = positions(edition)
    csv = (
        "stand;venue;x;y;width;depth;rotation\n"
        "B-99;B;200;30;9;6;0\n"
        "A-09;A;abc;40;12;8;0\n"
        "Z-01;A;10;10;5;5;0\n"
        "B-07;B;500;50;12;8;0\n"
    ).encode("utf-8-sig")
    response = editor.post(IMPORT_URL, {"edition": edition.pk, "file": named_file(csv, "stands.csv")})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Phát hiện 3 lỗi: chưa nhập dữ liệu nào." in html
    assert "“abc” không phải là số." in html
    assert "Không có gian hàng “Z-01” tại khu vực “A” trong kỳ triển lãm này." in html
    assert "Gian hàng B-07 sẽ nằm ngoài Nhà trưng bày B." in html
    assert "Confirm import" not in html and "Xác nhận" not in html
    # A confirm without a checked file saves nothing either.
    assert editor.post(IMPORT_URL, {"confirm": "1"}).status_code == 302
    assert positions(edition) == before


def test_unreadable_file_is_refused_with_a_message(editor, site, edition):
    response = editor.post(IMPORT_URL, {"edition": edition.pk, "file": named_file(b"PK\x03\x04garbage", "x.xlsx")})
    assert response.status_code == 400
    assert (
        "Tệp không phải là bảng tính XLSX đọc được." in response.content.decode() or "XLSX" in response.content.decode()
    )


def test_import_service_is_all_or_nothing(site, edition):
    from siteplan.imports import import_positions

    table = [["stand", "venue", "x", "y", "width", "depth"], ["B-99", "B", 200, 30, 9, 6], ["A-09", "A", 60, 40, -1, 8]]
    result = import_positions(edition=edition, table=table)
    assert not result.saved and [(e.row, e.column) for e in result.errors] == [(3, "width")]
    assert not StandPlacement.objects.filter(stand__code="B-99").exists()


def test_staff_without_permission_cannot_import(client, site, edition):
    user = User.objects.create_user("bao-chi", "bc@example.vn", "a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Press office"))
    client.force_login(user)
    csv = b"stand,venue,x,y,width,depth\nB-99,B,200,30,9,6\n"
    assert client.post(IMPORT_URL, {"edition": edition.pk, "file": named_file(csv, "s.csv")}).status_code == 403
    assert (
        client.post(OUTLINES_URL, {"edition": edition.pk, "file": named_file(csv, "s.csv"), "save": "1"}).status_code
        == 403
    )
    assert not StandPlacement.objects.filter(stand__code="B-99").exists()


SVG = """<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300">
  <rect id="hall-b" x="120" y="5" width="120" height="95"/>
  <polygon id="S" points="10,120 300,120 300,200 10,200"/>
  <path id="road" d="M0 0 L 10 10"/>
  <circle class="parking" cx="350" cy="20" r="3"><title>Bãi đỗ xe P1 | Car park P1</title></circle>
  <circle class="first-aid" cx="200" cy="110" r="3"><title>Trạm y tế | First aid post</title></circle>
</svg>"""


def test_svg_outlines_and_points_are_previewed_then_saved(editor, site, edition):
    response = editor.post(
        OUTLINES_URL, {"edition": edition.pk, "file": named_file(SVG.encode(), "plan.svg"), "check": "1"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Bãi đỗ xe P1" in html and "Car park P1" in html
    assert VenueOutline.objects.get(venue=site["halls"]["B"]).points == [[130, 10], [230, 10], [230, 90], [130, 90]]
    response = editor.post(
        OUTLINES_URL, {"edition": edition.pk, "file": named_file(SVG.encode(), "plan.svg"), "save": "1"}
    )
    assert response.status_code == 302
    assert VenueOutline.objects.get(venue=site["halls"]["B"]).points == [[120, 5], [240, 5], [240, 100], [120, 100]]
    names = sorted(PointOfInterest.objects.filter(edition=edition).values_list("name_vi", "name_en", "kind"))
    assert names == [("Bãi đỗ xe P1", "Car park P1", "parking"), ("Trạm y tế", "First aid post", "first-aid")]


def test_coordinate_file_with_a_bad_row_saves_nothing(editor, site, edition):
    csv = (
        "feature,kind,name_vi,name_en,x,y\n"
        "hall-a,,,,0,0\nhall-a,,,,50,0\nhall-a,,,,50,50\n"
        "point,toilets,Nhà vệ sinh,Toilets,abc,5\n"
    )
    response = editor.post(
        OUTLINES_URL, {"edition": edition.pk, "file": named_file(csv.encode(), "coords.csv"), "save": "1"}
    )
    assert response.status_code == 400
    assert "x và y phải là số." in response.content.decode()
    assert VenueOutline.objects.get(venue=site["halls"]["A"]).points[1] == [110, 10]
    assert PointOfInterest.objects.filter(edition=edition).count() == 1


def test_hostile_svg_is_refused_without_an_error_page(editor, site, edition):
    bomb = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<svg xmlns="http://www.w3.org/2000/svg"><rect id="hall-a" x="0" y="0" width="&lol2;" height="1"/></svg>"""
    response = editor.post(OUTLINES_URL, {"edition": edition.pk, "file": named_file(bomb, "bomb.svg"), "save": "1"})
    assert response.status_code == 400
    assert "Tệp không phải là bản vẽ SVG đọc được." in response.content.decode()
