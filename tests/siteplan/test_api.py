"""/api/map: the plan as features in site coordinates, documented in OpenAPI."""


def test_api_map_returns_features_in_metres_with_the_scale(client, site):
    data = client.get("/api/map?lang=en").json()
    assert data["units"] == "m" and data["scale"] == "1 unit = 1 metre"
    assert (data["width"], data["depth"]) == (400.0, 300.0)
    by_id = {feature["id"]: feature for feature in data["features"]}
    hall = by_id["venue:hall-a"]
    assert hall["name"] == "Exhibition Hall A" and hall["coordinates"] == [[10, 10], [110, 10], [110, 90], [10, 90]]
    stand = by_id["stand:A-09"]
    assert stand["name"] == "Công ty Cơ khí Sông Hồng"
    assert stand["coordinates"] == [[54.0, 36.0], [66.0, 36.0], [66.0, 44.0], [54.0, 44.0]]
    assert stand["url"] == "http://testserver/en/exhibitors/song-hong/"
    assert by_id["exhibit:xe-tang-tn-1"]["coordinates"] == [[50.0, 160.0]]
    assert (
        by_id["point:" + str(next(f for f in data["features"] if f["type"] == "point")["id"]).split(":")[1]]["name"]
        == "Main gate"
    )
    assert "stand:B-99" not in by_id


def test_api_map_in_vietnamese(client, site):
    data = client.get("/api/map").json()
    names = {feature["name"] for feature in data["features"]}
    assert "Nhà trưng bày A" in names and "Cổng chính" in names


def test_api_map_is_in_the_openapi_document(client, site):
    schema = client.get("/api/openapi.json").json()
    assert "/api/map" in schema["paths"]
    assert "SiteMap" in schema["components"]["schemas"]


def test_api_map_rejects_a_bad_language_with_400(client, site):
    response = client.get("/api/map?lang=xx")
    assert response.status_code == 400 and "detail" in response.json()


def test_api_map_without_current_edition_is_404(client, db):
    assert client.get("/api/map").status_code == 404


def test_sitemap_lists_the_map_and_its_plan_in_both_languages(client, site):
    xml = client.get("/sitemap.xml").content.decode()
    for url in ("/vi/map/", "/en/map/", "/vi/map/plan.pdf", "/en/map/plan.pdf"):
        assert f"http://testserver{url}</loc>" in xml
