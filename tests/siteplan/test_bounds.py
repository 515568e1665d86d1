"""A plan is bounded and finite however it is written: imports, admin forms, the database."""

import json
import time

import pytest
from django.db import IntegrityError, transaction

from siteplan.models import PointOfInterest, StandPlacement, VenueOutline
from tests.helpers import named_file
from tests.hostile import one_row_of_two_million_cells

IMPORT_URL = "/admin/siteplan/standplacement/import/"
OUTLINES_URL = "/admin/siteplan/standplacement/outlines/"

SVG_HEAD = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xi="http://www.w3.org/2001/XInclude">'


def plan_rows(edition):
    outlines = sorted(VenueOutline.objects.filter(venue__edition=edition).values_list("venue__code", "points"))
    points = sorted(PointOfInterest.objects.filter(edition=edition).values_list("name_vi", "x", "y"))
    placements = sorted(StandPlacement.objects.filter(stand__edition=edition).values_list("stand__code", "x", "y"))
    return outlines, points, placements


def post_outlines(client, edition, body, name="plan.svg"):
    data = body.encode() if isinstance(body, str) else body
    return client.post(OUTLINES_URL, {"edition": edition.pk, "file": named_file(data, name), "save": "1"})


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            SVG_HEAD + '<circle class="entrance" cx="5" cy="5" r="1"><title>'
            '<xi:include href="file:///etc/passwd" parse="text"/></title></circle></svg>',
            "Mỗi điểm cần có loại hợp lệ và tên tiếng Việt.",
        ),
        (
            f'{SVG_HEAD}<circle class="entrance" cx="5" cy="5" r="1"><title>{"Cổng " * 60}</title></circle></svg>',
            "Tên một điểm có tối đa 120 ký tự.",
        ),
        (SVG_HEAD + '<polygon id="hall-a" points="0,0 1e999,0 10,10"/></svg>', "Có tọa độ không phải là số."),
        (
            SVG_HEAD + '<rect id="hall-a" x="1e308" y="0" width="1e308" height="1"/></svg>',
            "Nằm ngoài sơ đồ khu triển lãm: x từ 0 đến 400 m, y từ 0 đến 300 m.",
        ),
        (
            SVG_HEAD + '<polygon id="hall-a" points="-1e300,-1e300 1e300,-1e300 1e300,1e300"/></svg>',
            "Nằm ngoài sơ đồ khu triển lãm: x từ 0 đến 400 m, y từ 0 đến 300 m.",
        ),
        (
            SVG_HEAD + '<polygon id="hall-a" points="' + " ".join(f"{i % 400},{i % 7}" for i in range(150_000)) + '"/>'
            "</svg>",
            "Một đường bao có tối đa 500 góc.",
        ),
        (
            "feature,kind,name_vi,name_en,x,y\npoint,parking,Bãi đỗ xe,Car park,inf,5\n",
            "x và y phải là số.",
        ),
        (
            "feature,kind,name_vi,name_en,x,y\npoint,parking," + "Bãi đỗ xe " * 30 + ",Car park,5,5\n",
            "Tên một điểm có tối đa 120 ký tự.",
        ),
    ],
    ids=["xinclude-title", "300-char-name", "1e999", "rect-overflow", "1e300-outline", "150k-corners", "inf", "long"],
)
def test_hostile_drawing_is_refused_with_a_message_and_saves_nothing(editor, site, edition, body, message):
    before = plan_rows(edition)
    name = "coords.csv" if body.startswith("feature") else "plan.svg"
    started = time.perf_counter()
    response = post_outlines(editor, edition, body, name)
    assert time.perf_counter() - started < 5
    assert response.status_code == 400
    assert message in response.content.decode()
    assert plan_rows(edition) == before


def test_stand_far_off_the_plan_is_a_row_error_and_the_map_stays_valid_json(editor, site, edition):
    before = plan_rows(edition)
    csv = "stand,venue,x,y,width,depth\nB-99,B,1e308,30,9,6\nA-09,A,60,40,1e308,8\nA-01,A,1e999,40,5,5\n"
    response = editor.post(IMPORT_URL, {"edition": edition.pk, "file": named_file(csv.encode(), "s.csv")})
    html = response.content.decode()
    assert response.status_code == 400
    assert html.count("Nằm ngoài sơ đồ khu triển lãm: x từ 0 đến 400 m, y từ 0 đến 300 m.") == 2
    assert "“1e999” không phải là số." in html
    assert plan_rows(edition) == before
    text = editor.get("/api/map").content.decode()

    def refuse(constant):
        raise AssertionError(f"{constant} in /api/map")

    assert json.loads(text, parse_constant=refuse)["features"]


def test_xlsx_of_one_row_of_two_million_cells_is_refused_quickly(editor, site, edition):
    started = time.perf_counter()
    response = editor.post(
        IMPORT_URL,
        {"edition": edition.pk, "file": named_file(one_row_of_two_million_cells(), "s.xlsx")},
        headers={"accept-language": "en"},
    )
    assert time.perf_counter() - started < 5
    assert response.status_code == 400
    assert "The workbook is too large: at most 5,000 rows and 28 columns on a sheet." in response.content.decode()


def test_admin_forms_refuse_huge_and_non_finite_coordinates(admin_client, site, edition):
    response = admin_client.post(
        "/admin/siteplan/pointofinterest/add/",
        {"edition": edition.pk, "kind": "parking", "name_vi": "Bãi xe", "name_en": "Car park", "x": "1e308", "y": "5"},
    )
    assert "Mọi tọa độ nằm trong khoảng -20.000 đến 20.000 mét." in response.content.decode()
    response = admin_client.post(
        "/admin/siteplan/pointofinterest/add/",
        {"edition": edition.pk, "kind": "parking", "name_vi": "Bãi xe", "name_en": "Car park", "x": "500", "y": "5"},
    )
    assert "Nằm ngoài sơ đồ của kỳ triển lãm." in response.content.decode()
    hall = site["halls"]["A"]
    data = {
        "edition": edition.pk,
        "code": hall.code,
        "slug": hall.slug,
        "kind": hall.kind,
        "name_vi": hall.name_vi,
        "name_en": hall.name_en,
        "order": 1,
        "outline-TOTAL_FORMS": 1,
        "outline-INITIAL_FORMS": 1,
        "outline-0-id": hall.outline.pk,
        "outline-0-venue": hall.pk,
        "outline-0-points": "[[0, 0], [Infinity, 0], [10, 10]]",
    }
    response = admin_client.post(f"/admin/expo/venue/{hall.pk}/change/", data)
    assert response.status_code == 200
    assert "Mọi tọa độ nằm trong khoảng -20.000 đến 20.000 mét." in response.content.decode()
    assert VenueOutline.objects.get(venue=hall).points == [[10, 10], [110, 10], [110, 90], [10, 90]]
    assert PointOfInterest.objects.filter(edition=edition).count() == 1


@pytest.mark.parametrize("value", [float("inf"), float("nan"), 1e308])
def test_the_database_refuses_a_coordinate_written_past_validation(site, edition, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        PointOfInterest.objects.create(edition=edition, kind="parking", name_vi="Bãi xe", x=value, y=5)
