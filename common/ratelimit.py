"""Rate limits counted in the database, atomically: a public form is never a relay.

A limit is declared once (`Limit`: a scope, how many, per how long, and the message a refused
visitor reads) and an attempt is charged against all its limits with one conditional upsert, inside the
caller's transaction:

    INSERT … VALUES (a row per limit) ON CONFLICT (key, bucket)
    DO UPDATE SET count = count + 1 WHERE count < (that key's limit) RETURNING key

The row stays locked until the transaction ends, so simultaneous requests wait for each other
and the tenth of ten simultaneous applications sees the nine before it (PostgreSQL and SQLite
alike; SQLite transactions are IMMEDIATE here). Nothing is counted by an attempt that is refused
or fails later: its transaction rolls back. Keys are keyed hashes (HMAC with the secret key) of
what is counted — a client address, a recipient's e-mail — so no address is stored. Behind a
proxy, REMOTE_ADDR must be the client's, or every visitor shares one budget.
"""

import datetime
import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from common.models import RateCounter

DAY = 24 * 60 * 60


@dataclass(frozen=True)
class Limit:
    """At most `limit` accepted attempts per `window` seconds for one value of `scope`.

    Windows are fixed and start at local midnight (TIME_ZONE), so a day-long window is the day.
    """

    scope: str
    limit: int
    window: int
    message: str = ""


class Exceeded(Exception):
    def __init__(self, limit):
        super().__init__(limit.scope)
        self.limit = limit


def client_address(request):
    return request.META.get("REMOTE_ADDR", "")


def _key(scope, value):
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{scope}:{value}".encode(), hashlib.sha256).hexdigest()
    return f"{scope}:{digest[:40]}"


def _window(limit, now):
    """(bucket number, when it ends) of the window holding `now`, windows aligned to local midnight."""
    offset = int(timezone.localtime(now).utcoffset().total_seconds())
    bucket = (int(now.timestamp()) + offset) // limit.window
    ends = (bucket + 1) * limit.window - offset
    return bucket, datetime.datetime.fromtimestamp(ends, tz=datetime.UTC)


# One statement for every limit of an attempt: a row per limit, each counted unless its own limit
# is reached; the rows it returns are the limits that had room.
_UPSERT = (
    "INSERT INTO {table} ({key}, {bucket}, {count}, {expires}) VALUES {rows} "
    "ON CONFLICT ({key}, {bucket}) DO UPDATE SET {count} = {table}.{count} + 1 "
    "WHERE {table}.{count} < CASE {table}.{key} {limits} END RETURNING {key}"
)
# Windows that ended are deleted at most this often (seconds) by each process, not by every attempt.
SWEEP_EVERY = 60
_last_sweep = {"at": None}


def _sweep(now):
    last = _last_sweep["at"]
    if last is None or abs((now - last).total_seconds()) >= SWEEP_EVERY:
        RateCounter.objects.filter(expires_at__lte=now).delete()
        _last_sweep["at"] = now


def charge(charges, *, now=None):
    """Count one attempt against every (Limit, value) pair, all or none, in one statement.

    Raises Exceeded for the first limit already used up. Call it inside the transaction that
    saves what is being limited: if that transaction rolls back (refused, failed), nothing was
    counted.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("ratelimit.charge() must run inside transaction.atomic()")
    now = now or timezone.now()
    _sweep(now)
    rows, limits = [], {}
    for limit, value in charges:
        key = _key(limit.scope, value)
        if key in limits:
            raise ValueError(f"{limit.scope} is charged twice in one attempt")
        bucket, ends = _window(limit, now)
        rows.append((key, bucket, ends))
        limits[key] = limit
    if not rows:
        return
    quote = connection.ops.quote_name
    sql = _UPSERT.format(
        table=quote(RateCounter._meta.db_table),
        key=quote("key"),
        bucket=quote("bucket"),
        count=quote("count"),
        expires=quote("expires_at"),
        rows=", ".join(["(%s, %s, 1, %s)"] * len(rows)),
        limits=" ".join(["WHEN %s THEN %s"] * len(rows)),
    )
    params = [value for row in rows for value in row] + [v for key, limit in limits.items() for v in (key, limit.limit)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        counted = {key for (key,) in cursor.fetchall()}
    for key, limit in limits.items():
        if key not in counted:
            raise Exceeded(limit)


def charge_alone(charges, *, now=None):
    """`charge` in a transaction of its own (an attempt that saves nothing, e.g. a bot's)."""
    try:
        with transaction.atomic():
            charge(charges, now=now)
    except Exceeded:
        return False
    return True
