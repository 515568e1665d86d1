"""Fixtures of the expo tests: a scratch database for restores, a small programme for exports."""

import uuid

import pytest
from django.db import connection

from tests.factories import make_item, make_venue


@pytest.fixture
def scratch_database(tmp_path):
    """An empty database of the same engine as the test database; yields its DATABASE_URL."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'scratch.sqlite3'}"
        return
    import psycopg2

    name = f"expo_restore_{uuid.uuid4().hex[:8]}"
    params = {k.lower(): settings_dict[k] for k in ("HOST", "PORT", "USER", "PASSWORD") if settings_dict.get(k)}
    admin = psycopg2.connect(dbname="postgres", **params)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    user = settings_dict["USER"]
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    yield f"postgres://{user}{password}@{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}/{name}"
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture
def programme(edition):
    hall = make_venue(edition)
    flight = make_venue(
        edition, slug="flight-line", code="F", name_vi="Đường băng trình diễn bay", name_en="Flight line"
    )
    return {
        "opening": make_item(
            edition, slug="le-khai-mac", title_vi="Lễ khai mạc Triển lãm", title_en="Opening ceremony",
            type="ceremony", venue=hall, day=19, start="08:00", end="09:30", hosts_vi="Bộ Quốc phòng; Ban Tổ chức",
        ),
        "flying": make_item(
            edition, slug="bay-trinh-dien", title_vi="Trình diễn bay", title_en="Flying display",
            type="flying", venue=flight, day=20, start="09:00", end="09:30",
        ),
        "cancelled": make_item(
            edition, slug="xe-thiet-giap", title_vi="Trình diễn xe thiết giáp", title_en="Armour display",
            type="demonstration", day=21, start="15:00", end="15:30", status="cancelled",
            status_note_vi="Hủy do mưa", status_note_en="Cancelled because of rain",
        ),
        "draft": make_item(edition, slug="nhap", title_vi="Bản nháp", type="seminar", is_published=False),
    }  # fmt: skip
