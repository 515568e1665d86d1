from django.http import HttpResponse, HttpResponseBadRequest
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
            return HttpResponseBadRequest(
                _("Bad request: the address contains a NUL character."), content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
