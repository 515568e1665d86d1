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


class DayOut(Schema):
    date: datetime.date
    meetings_held: int
    agreements: int


class ResultsOut(Schema):
    edition: str
    meetings_held: int
    agreements: int
    usd_total: Decimal
    by_kind: list[KindOut]
    days: list[DayOut]
    disclosed: list[AgreementOut]


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
        summary = results(edition)
        return {
            "edition": edition.slug,
            "meetings_held": summary.meetings_held,
            "agreements": summary.agreement_count,
            "usd_total": summary.usd_total,
            "by_kind": [
                {"kind": k.kind, "label": str(k.label), "count": k.count, "usd_total": k.usd} for k in summary.kinds
            ],
            "days": [
                {"date": d.date, "meetings_held": d.meetings_held, "agreements": len(d.agreements)}
                for d in summary.days
            ],
            "disclosed": [
                {
                    "kind": a.kind,
                    "title": a.title,
                    "party_a": a.party_a,
                    "party_b": a.party_b,
                    "signed_on": a.signed_on,
                    "place": a.place,
                    "value": a.value,
                    "currency": a.currency,
                    "usd_value": a.usd_value,
                }
                for a in summary.agreements
            ],
        }
