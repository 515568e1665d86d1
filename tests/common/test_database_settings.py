"""What the site tells PostgreSQL on each connection (common/planner.py): plan for pages held in
memory."""

import pytest
from django.db import connection

from common.planner import RANDOM_PAGE_COST

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")


@pytest.mark.django_db
def test_the_sites_connections_plan_for_pages_in_memory():
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert float(cursor.fetchone()[0]) == RANDOM_PAGE_COST
