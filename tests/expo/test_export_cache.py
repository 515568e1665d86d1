"""Exports kept whole under the content version (common/export_cache.py): a repeat request and a
conditional one cost no query, a 304 has no body, and an edit gives a new body and ETag."""

import pytest

from expo.programme import services
from tests.helpers import C3VOC_SPECS as SPECS

PROGRAMME_EXPORTS = [
    "/programme.ics",
    "/programme.ics?lang=en&type=ceremony",
    "/programme/le-khai-mac.ics",
    "/schedule.xml",
    "/schedule.json?lang=en",
    "/api/programme?lang=en",
    "/api/programme/le-khai-mac",
    "/en/programme/changes/feed/",
]


def committed(django_capture_on_commit_callbacks, write):
    """Run a write as the admin's would commit: the content version moves on commit."""
    with django_capture_on_commit_callbacks(execute=True):
        write()


def assert_kept_and_conditional(client, url, django_assert_num_queries):
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")  # strong
    with django_assert_num_queries(0):  # the version is read from the cache, not the database
        again = client.get(url)
        not_modified = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 200 and again.content == first.content and again["ETag"] == etag
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == etag
    return first


@pytest.mark.parametrize("url", PROGRAMME_EXPORTS)
def test_programme_exports_are_kept_and_conditional(client, programme, caches_on, url, django_assert_num_queries):
    services.delay_item(item=programme["flying"], minutes=15)  # the changes feed has an entry
    assert_kept_and_conditional(client, url, django_assert_num_queries)


@pytest.mark.parametrize(
    "url,edited",
    [
        ("/programme.ics", "SUMMARY:Grand opening"),
        ("/programme/le-khai-mac.ics?lang=en", "SUMMARY:Grand opening"),
        ("/schedule.xml?lang=en", "<title>Grand opening</title>"),
        ("/schedule.json?lang=en", '"title": "Grand opening"'),
        ("/api/programme?lang=en", '"title": "Grand opening"'),
    ],
)
def test_an_edit_gives_a_new_body_and_etag(
    client,
    programme,
    caches_on,
    url,
    edited,
    django_capture_on_commit_callbacks,
):
    url = url if "lang=" in url else f"{url}?lang=en"
    first = client.get(url)
    assert edited not in first.content.decode()
    opening = programme["opening"]
    opening.title_en = "Grand opening"
    committed(django_capture_on_commit_callbacks, opening.save)
    response = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert response.status_code == 200 and response["ETag"] != first["ETag"]
    assert edited in response.content.decode()


def test_a_logged_change_reaches_the_changes_feed(client, programme, caches_on, django_capture_on_commit_callbacks):
    first = client.get("/en/programme/changes/feed/")
    assert "Flying display" not in first.content.decode()
    committed(django_capture_on_commit_callbacks, lambda: services.delay_item(item=programme["flying"], minutes=30))
    response = client.get("/en/programme/changes/feed/", headers={"If-None-Match": first["ETag"]})
    assert response.status_code == 200 and "Flying display" in response.content.decode()


def test_the_kept_schedule_still_validates(client, programme, caches_on, tmp_path):
    import subprocess

    client.get("/schedule.xml")
    response = client.get("/schedule.xml")
    assert response["X-Cache"] == "HIT"
    path = tmp_path / "schedule.xml"
    path.write_bytes(response.content)
    result = subprocess.run(
        ["xmllint", "--noout", "--schema", str(SPECS / "schedule.xml.xsd"), str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_without_the_cache_exports_are_still_conditional(client, programme, django_assert_num_queries):
    first = client.get("/schedule.json")
    response = client.get("/schedule.json", headers={"If-None-Match": first["ETag"]})
    assert response.status_code == 304 and response.content == b""
    assert "X-Cache" not in response


def test_bad_filters_are_not_kept(client, programme, caches_on):
    assert client.get("/programme.ics?type=nope").status_code == 400
    response = client.get("/programme.ics?type=nope")
    assert response.status_code == 400 and "X-Cache" not in response and "ETag" not in response


@pytest.mark.parametrize(
    "url", ["/api/exhibitors?lang=en", "/api/exhibits?lang=en&q=submarine", "/api/exhibitors/marine-demo", "/api/map"]
)
def test_catalogue_api_and_map_are_kept_and_conditional(client, catalogue, caches_on, url, django_assert_num_queries):
    assert_kept_and_conditional(client, url, django_assert_num_queries)


def test_an_exhibitor_edit_reaches_the_api(client, catalogue, caches_on, django_capture_on_commit_callbacks):
    exhibitor = catalogue["exhibitors"]["marine"]
    first = client.get("/api/exhibitors?lang=en")
    exhibitor.name = "Renamed Arms Corporation"
    committed(django_capture_on_commit_callbacks, exhibitor.save)
    response = client.get("/api/exhibitors?lang=en", headers={"If-None-Match": first["ETag"]})
    assert response.status_code == 200 and "Renamed Arms Corporation" in response.content.decode()
