"""The open-data API (django-ninja): catalogue and programme as JSON, documented by OpenAPI.

Each app adds its router in the root URL map. Errors are JSON with status 400, never a 500:
bad parameters get {"detail": [...]} naming each problem.
"""

import functools

from django.conf import settings
from django.utils import translation
from ninja import NinjaAPI, Schema
from ninja.errors import ValidationError

api = NinjaAPI(
    title="Expo CMS open data",
    version="1",
    description="Exhibit catalogue and programme of the expo, in Vietnamese and English (`?lang=vi|en`).",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


class Problem(Schema):
    type: str
    loc: list[str]
    msg: str


class Error(Schema):
    """Every 4xx body: a list of problems with parameters, or one sentence."""

    detail: list[Problem] | str


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    return api.create_response(request, {"detail": exc.errors}, status=400)


def in_language_asked_for(view):
    """Runs an operation, its response schema included, in the `?lang=` asked for (Vietnamese by
    default), so the schema's resolvers read translated fields in it. Use it innermost in
    `decorate_view`; an unknown value is left to the operation's own validation (a 400)."""

    @functools.wraps(view)
    def in_language(request, *args, **kwargs):
        language = request.GET.get("lang", "vi")
        if language not in dict(settings.LANGUAGES):
            language = "vi"
        with translation.override(language):
            return view(request, *args, **kwargs)

    return in_language
