"""What PostgreSQL's planner is told on each of the site's connections.

The site's working set (the catalogue, the programme) sits in PostgreSQL's buffers and the OS
cache, on SSDs, where a random page read costs about what a sequential one does, not 4 × as the
default `random_page_cost` assumes (PostgreSQL's manual, "Planner Cost Constants"). With the
default, the home page's highlights scanned all 15,000 exhibits to join 450 photos (12.7 ms
against 1.7 ms; bench/RESULTS.md).

A `SET` when a connection opens rather than a startup option: PgBouncer refuses a connection
that sends `options`. Behind PgBouncer in transaction mode a session `SET` does not follow the
pooled connections; set it on the role there (docs/deploy.md).
"""

RANDOM_PAGE_COST = 1.1


def plan_for_pages_in_memory(sender, connection, **kwargs):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET random_page_cost = {RANDOM_PAGE_COST}")
