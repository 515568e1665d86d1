"""The open-data API (django-ninja): catalogue and programme as JSON, documented by OpenAPI.

Each app adds its router in the root URL map. Errors are JSON with status 400, never a 500:
bad parameters get {"detail": [...]} naming each problem.
"""

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
