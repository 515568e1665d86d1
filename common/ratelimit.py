"""A fixed-window rate limit on Django's shared cache (Redis in production).

Counted per client address, hashed so no address is stored in the cache. Behind a proxy,
REMOTE_ADDR must be the client's (set by the proxy or a middleware), or every visitor
shares one budget.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_key(request, scope):
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:24]
    return f"ratelimit:{scope}:{digest}"


def exhausted(request, *, scope, limit):
    """True when the client has used up its `limit`; counts nothing (see `hit`)."""
    return (cache.get(client_key(request, scope)) or 0) >= limit


def hit(request, *, scope, limit, window):
    """Count one attempt; True while the client is within `limit` attempts per `window` seconds."""
    key = client_key(request, scope)
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        return True
    return count <= limit
