"""`request.edition`: the edition the public site shows, settled once per request.

Every public page, API list, feed and export works on the current edition, and so do several
admin pages (defaults, dashboards). Like pretalx's event middleware, this sets it on the
request once; views, context processors and templates read `request.edition` (templates:
`edition`) instead of each asking the database. It is lazy: a request that never reads it
(static files, health checks, most admin pages) costs nothing, and the first read fetches it
through `Edition.objects.current()`, which the shared fragment cache answers in production.
It is falsy when no edition is marked current: test it with `if not request.edition`.
"""

from django.utils.functional import SimpleLazyObject

from expo.models import Edition


class EditionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.edition = SimpleLazyObject(Edition.objects.current)
        return self.get_response(request)
