"""Rate limits counted in the database, atomically: a public form is never a relay.

A limit is declared once (`Limit`: a scope, how many, per how long, and the message a refused
visitor reads) and charged with one conditional upsert per limit, inside the caller's
transaction:

    INSERT … ON CONFLICT (key, bucket) DO UPDATE SET count = count + 1 WHERE count < limit RETURNING count

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


_UPSERT = (
    "INSERT INTO {table} ({key}, {bucket}, {count}, {expires}) VALUES (%s, %s, 1, %s) "
    "ON CONFLICT ({key}, {bucket}) DO UPDATE SET {count} = {table}.{count} + 1 "
    "WHERE {table}.{count} < %s RETURNING {count}"
)


def charge(charges, *, now=None):
    """Count one attempt against every (Limit, value) pair, all or none.

    Raises Exceeded for the first limit already used up. Call it inside the transaction that
    saves what is being limited: if that transaction rolls back (refused, failed), nothing was
    counted.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("ratelimit.charge() must run inside transaction.atomic()")
    now = now or timezone.now()
    quote = connection.ops.quote_name
    sql = _UPSERT.format(
        table=quote(RateCounter._meta.db_table),
        key=quote("key"),
        bucket=quote("bucket"),
        count=quote("count"),
        expires=quote("expires_at"),
    )
    RateCounter.objects.filter(expires_at__lte=now).delete()
    with connection.cursor() as cursor:
        for limit, value in charges:
            bucket, ends = _window(limit, now)
            cursor.execute(sql, [_key(limit.scope, value), bucket, ends, limit.limit])
            if cursor.fetchone() is None:
                raise Exceeded(limit)


def charge_alone(charges, *, now=None):
    """`charge` in a transaction of its own (an attempt that saves nothing, e.g. a bot's)."""
    try:
        with transaction.atomic():
            charge(charges, now=now)
    except Exceeded:
        return False
    return True
