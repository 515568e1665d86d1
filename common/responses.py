"""Headers a response needs for what it is."""

from django.utils.cache import add_never_cache_headers, patch_cache_control


def private(response):
    """A response for one person (a ticket, the media area, the portal): no cache on the way keeps it."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
