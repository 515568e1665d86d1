"""The one public page of the outbox: unsubscribe from a topic, no login needed.

GET only shows a button (mail scanners follow links); the POST unsubscribes. Mail clients'
one-click unsubscribe (RFC 8058) posts to the same address without a CSRF token.
"""

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from outbox import services
from outbox import unsubscribe as tokens


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    read = tokens.read(token)
    if read is None:
        # Altered, cut short or an old-style link: say so in the page's language.
        response = render(request, "outbox/unsubscribe_invalid.html", status=404)
        add_never_cache_headers(response)
        return response
    email, topic = read
    done = False
    if request.method == "POST":
        services.unsubscribe(email=email, topic=topic)
        done = True
    response = render(request, "outbox/unsubscribe.html", {"done": done, "masked": mask(email)})
    add_never_cache_headers(response)
    return response


def mask(email):
    """j•••@example.vn: enough to recognise one's address, not to read someone else's."""
    name, _, domain = email.partition("@")
    return f"{name[:1]}•••@{domain}"
