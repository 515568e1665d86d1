"""PostgreSQL must not write personal data to its own log when a statement fails.

By default the server logs a failed statement in full (`log_min_error_statement = error`) and
an error's DETAIL line, which for a unique violation quotes the key ("Key (delegation_id,
passport_no)=(5, B1234567) already exists"). Each new connection asks for neither; both are
superuser settings, so an application role needs `GRANT SET ON PARAMETER` (PostgreSQL 15+) or
the operator sets them on the role or server (docs/deploy.md). When refused, the connection
goes on and one warning without any data says what to configure.
"""

import logging

from django.db import DatabaseError

logger = logging.getLogger(__name__)

QUIET_SETTINGS = (("log_min_error_statement", "panic"), ("log_error_verbosity", "terse"))
_warned = False


def quiet_failed_statements(sender, connection, **kwargs):
    global _warned  # noqa: PLW0603 (warn once per process, not once per connection)
    if connection.vendor != "postgresql":
        return
    refused = []
    for name, value in QUIET_SETTINGS:
        try:
            with connection.cursor() as cursor:
                cursor.execute(f"SET {name} = {value}")
        except DatabaseError:
            refused.append(name)
    if refused and not _warned:
        _warned = True
        logger.warning(
            "PostgreSQL refused SET %s for this role: failed statements may be logged with their values. "
            "See docs/deploy.md (GRANT SET ON PARAMETER, or ALTER ROLE … SET).",
            ", ".join(refused),
        )
