"""The open-data API: responses match the served OpenAPI schema; bad input is a JSON 400."""

import jsonschema
import pytest
from referencing import Registry, Resource

from tests.factories import make_exhibitor, make_product


@pytest.fixture
def openapi(client, db):
    response = client.get("/api/openapi.json")
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def assert_matches_schema(openapi, path, body, status="200"):
    """Validate `body` against the schema the served document gives for GET `path`."""
    schema = openapi["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]
    registry = Registry().with_resource(
        "urn:openapi", Resource.from_contents({**openapi, "$schema": "https://json-schema.org/draft/2020-12/schema"})
    )
    resolved = {"$ref": "urn:openapi#" + schema["$ref"][1:]} if "$ref" in schema else schema
    jsonschema.Draft202012Validator(resolved, registry=registry).validate(body)


def test_openapi_document_lists_the_catalogue(openapi, client):
    assert {"/api/exhibitors", "/api/exhibitors/{slug}", "/api/exhibits", "/api/exhibits/{slug}"} <= set(
        openapi["paths"]
    )
    parameters = {p["name"] for p in openapi["paths"]["/api/exhibits"]["get"]["parameters"]}
    assert {"sector", "category", "country", "hall", "q", "sort", "page", "lang"} <= parameters
    html = client.get("/api/docs").content.decode()
    assert "openapi.json" in html and "cdn." not in html


def test_exhibit_list_matches_schema_and_filters(client, openapi, catalogue):
    response = client.get("/api/exhibits", {"lang": "en", "sector": "naval", "country": "vn"})
    body = response.json()
    assert_matches_schema(openapi, "/api/exhibits", body)
    assert body["count"] == 2 and body["pages"] == 1 and body["per_page"] == 24
    assert [r["name"] for r in body["results"]] == ["SH-1 submarine", "SH-2 corvette"]
    first = body["results"][0]
    assert first["stand_code"] == "A-01" and first["exhibitor"]["slug"] == "song-hong"
    assert first["image"]["url"].startswith("http://testserver/media/") and first["image"]["width"] == 800


def test_exhibit_search_is_accent_insensitive_in_the_api(client, catalogue):
    body = client.get("/api/exhibits", {"q": "tau ngam"}).json()
    assert sorted(r["name"] for r in body["results"]) == ["Tàu ngầm MA-4", "Tàu ngầm SH-1"]


def test_exhibit_detail_in_both_languages(client, openapi, catalogue):
    catalogue["products"]["kilo"].specifications.create(label_vi="Chiều dài", label_en="Length", value="74 m")
    body = client.get("/api/exhibits/sh-1?lang=en").json()
    assert_matches_schema(openapi, "/api/exhibits/{slug}", body)
    assert body["name"] == "SH-1 submarine"
    assert body["specifications"] == [{"label": "Length", "value": "74 m"}]
    assert body["stand"] == {"code": "A-01", "hall": "Hall A", "hall_code": "A"}
    body = client.get("/api/exhibits/sh-1?lang=vi").json()
    assert body["name"] == "Tàu ngầm SH-1" and body["category"]["name"] == "Tàu ngầm"


def test_exhibitor_list_and_detail_match_schema(client, openapi, catalogue):
    body = client.get("/api/exhibitors", {"category": "submarines", "sort": "country"}).json()
    assert_matches_schema(openapi, "/api/exhibitors", body)
    assert [r["slug"] for r in body["results"]] == ["marine-demo", "song-hong"]
    body = client.get("/api/exhibitors/duong-lam?lang=en").json()
    assert_matches_schema(openapi, "/api/exhibitors/{slug}", body)
    assert body["country_name"] == "Vietnam" and body["sectors"] == [{"slug": "ground-forces", "name": "Ground forces"}]


def test_unpublished_and_unknown_slugs_are_404(client, catalogue):
    assert client.get("/api/exhibits/ma-5").status_code == 404
    response = client.get("/api/exhibitors/nope")
    assert response.status_code == 404 and "detail" in response.json()


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"sector": "space"}, "sector"),
        ({"category": "<script>"}, "category"),
        ({"country": "ZZ"}, "country"),
        ({"hall": "hall-z"}, "hall"),
        ({"page": "abc"}, "page"),
        ({"page": "0"}, "page"),
        ({"page": "99999"}, "page"),
        ({"q": "x" * 5000}, "q"),
        ({"lang": "fr"}, "lang"),
        ({"sort": "-pk"}, "sort"),
    ],
)
@pytest.mark.parametrize("path", ["/api/exhibits", "/api/exhibitors"])
def test_bad_parameters_are_400_json(client, openapi, catalogue, path, params, field):
    response = client.get(path, params)
    assert response.status_code == 400
    body = response.json()
    assert any(field in problem["loc"] for problem in body["detail"])
    assert "<script>" not in response.content.decode()


def test_control_characters_are_ignored(client, catalogue):
    body = client.get("/api/exhibits", {"q": "tau\x07 ngam\x1b"}).json()  # NUL is refused earlier, with a 400
    assert body["count"] == 2


def test_exhibit_list_pages(client, edition, sectors):
    maker = make_exhibitor("maker", "Maker", "VN")
    for n in range(30):
        make_product(maker, sectors["tanks"], f"t-{n:02d}", f"Xe {n:02d}")
    body = client.get("/api/exhibits?page=2").json()
    assert body["page"] == 2 and body["pages"] == 2 and len(body["results"]) == 6


def test_empty_catalogue_has_one_empty_page(client, db):
    body = client.get("/api/exhibits").json()
    assert body == {"count": 0, "page": 1, "pages": 1, "per_page": 24, "results": []}
