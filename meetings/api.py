"""Open data: the expo's disclosed outcomes (`/api/results`)."""

import datetime
from decimal import Decimal
from typing import Literal

from django.http import HttpResponse
from django.utils import translation
from ninja import Query, Router, Schema
from ninja.decorators import decorate_view

from common.export_cache import cached_export
from expo.api import Error
from meetings.selectors import expire_results, results

router = Router(tags=["results"])


class ResultsQuery(Schema):
    lang: Literal["vi", "en"] = "vi"


class AgreementOut(Schema):
    kind: str
    title: str
    party_a: str
    party_b: str
    signed_on: datetime.date
    place: str
    value: Decimal | None
    currency: str
    usd_value: Decimal | None


class KindOut(Schema):
    kind: str
    label: str
    count: int
    usd_total: Decimal

    @staticmethod
    def resolve_label(kind):
        return str(kind.label)

    @staticmethod
    def resolve_usd_total(kind):
        return kind.usd


class DayOut(Schema):
    date: datetime.date
    meetings_held: int
    agreements: int

    @staticmethod
    def resolve_agreements(day):
        return len(day.agreements)


class ResultsOut(Schema):
    """Read from `meetings.selectors.results()`, in the language asked for."""

    edition: str
    meetings_held: int
    agreements: int
    usd_total: Decimal
    by_kind: list[KindOut]
    days: list[DayOut]
    disclosed: list[AgreementOut]

    @staticmethod
    def resolve_edition(summary, context):
        return context["edition"].slug

    @staticmethod
    def resolve_agreements(summary):
        return summary.agreement_count

    @staticmethod
    def resolve_by_kind(summary):
        return summary.kinds

    @staticmethod
    def resolve_disclosed(summary):
        return summary.agreements


@router.get("/results", response={200: ResultsOut, 404: Error}, summary="Disclosed outcomes of the current edition")
@decorate_view(cached_export)
def results_api(request, query: Query[ResultsQuery], response: HttpResponse):
    edition = request.edition
    if not edition:
        return 404, {"detail": "No edition is published yet."}
    # Kept under the content version (cached_export) a minute at most, and never past the next
    # disclosure day.
    expire_results(response, edition)
    with translation.override(query.lang):
        # Built here, not after the view returns: the labels are read in the language asked for.
        return ResultsOut.from_orm(results(edition), context={"edition": edition})
