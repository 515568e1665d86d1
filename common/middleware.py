from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.http.request import split_domain_port, validate_host
from django.utils.translation import gettext as _

from common.pdf import PdfUnavailable


class PdfUnavailableMiddleware:
    """A PDF asked of a server without WeasyPrint's libraries: 503 with a sentence, not a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, PdfUnavailable):
            message = _("PDF documents cannot be produced on this server at the moment. Please try again later.")
            return HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
        return None


class RejectNulBytesMiddleware:
    """A NUL byte is never part of a valid URL here, and PostgreSQL refuses it in any query.

    Refusing it once, before any view, is simpler and safer than guarding every lookup.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or "%00" in query or "\x00" in query:
            message = _("Bad request: the address contains a NUL character.")
            if request.path.startswith("/api/"):
                # The open-data API's documented error body ({"detail": "…"}), as its clients parse it.
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class SiteAddressMiddleware:
    """Absolute URLs come from EXPO_SITE_URL, never from the request's Host header.

    The Host is first checked against ALLOWED_HOSTS (Django answers 400 otherwise). The site's
    own host name with another port (`Host: expo.example.vn:31337`) is refused with a 400: it is
    a probe, or a proxy misconfiguration worth seeing. For GET and HEAD, any other allowed name
    (an internal address a health check uses) is then replaced by the site's address, so every
    link built from the request (build_absolute_uri, hreflang, sitemap, feeds, iCal, QR codes)
    and every page stored in the shared cache names the configured site only. Form posts keep
    their Host (never cached; CSRF compares it with the browser's Origin). Without
    EXPO_SITE_URL (development only) the request is left as it is.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site_url = settings.EXPO_SITE_URL
        if not site_url:
            return self.get_response(request)
        site = urlsplit(site_url)
        domain, port = split_domain_port(request.get_host())  # DisallowedHost (400) if not allowed
        site_port = str(site.port or (443 if site.scheme == "https" else 80))
        if domain == site.hostname and port and port != site_port:
            return HttpResponseBadRequest(
                _("Bad request: this site is not served on that port."), content_type="text/plain; charset=utf-8"
            )
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            # A form post is never cached, and its CSRF origin check compares the browser's
            # Origin with the Host it actually used: left as it came (already checked above).
            return self.get_response(request)
        # build_absolute_uri() reads this (a cached property): scheme and host both configured.
        request._current_scheme_host = site_url
        if not validate_host(site.hostname, settings.ALLOWED_HOSTS):
            # Only when settings were changed at run time (tests): settings.py adds the site's
            # name to ALLOWED_HOSTS, and a Host Django would refuse must not be written here.
            return self.get_response(request)
        request.META["HTTP_HOST"] = site.netloc
        request.META["SERVER_PORT"] = site_port
        if not settings.SECURE_PROXY_SSL_HEADER:
            # No proxy header to trust: the configured scheme is the truth (with the header, a
            # plain-HTTP request is redirected to HTTPS before any link is built).
            request.META["wsgi.url_scheme"] = site.scheme
        return self.get_response(request)
