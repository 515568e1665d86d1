"""What the site tells its database (config/parsing.py): PostgreSQL plans for pages held in memory
(random_page_cost), whatever else a DATABASE_URL's own options ask for."""

import pytest
from django.db import connection

from config.parsing import RANDOM_PAGE_COST, database


def test_a_postgresql_url_plans_for_pages_in_memory_and_keeps_its_own_options(tmp_path):
    plain = database("postgres://expo@db.example.vn:5432/expo", tmp_path)
    assert plain["OPTIONS"]["options"] == f"-c random_page_cost={RANDOM_PAGE_COST}"
    own = database("postgres://expo@db.example.vn:5432/expo?options=-c%20statement_timeout%3D5000", tmp_path)
    assert own["OPTIONS"]["options"] == f"-c statement_timeout=5000 -c random_page_cost={RANDOM_PAGE_COST}"
    chosen = database("postgres://expo@db.example.vn/expo?options=-c%20random_page_cost%3D2", tmp_path)
    assert chosen["OPTIONS"]["options"] == "-c random_page_cost=2"
    assert "options" not in database(f"sqlite:///{tmp_path}/expo.sqlite3", tmp_path)["OPTIONS"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
@pytest.mark.django_db
def test_the_sites_connections_plan_with_that_cost():
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert float(cursor.fetchone()[0]) == RANDOM_PAGE_COST
