"""The daily results briefings for the press kit (registered with common.kit_documents): one PDF per
day of the expo up to today, with the results disclosed so far."""

import datetime
import hashlib

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from common.dates import formatted
from common.kit_documents import KitDocument
from common.pdf import render_pdf
from meetings.selectors import results


def briefing_documents(edition, language):
    today = timezone.localdate()
    if today < edition.start_date:
        return []
    last = min(today, edition.end_date)
    summary = results(edition)
    documents = []
    day = edition.start_date
    while day <= last:
        state = summary.day(day)
        version = hashlib.sha256(
            repr((day, state.meetings_held if state else 0, [a.pk for a in state.agreements] if state else [])).encode()
        ).hexdigest()[:12]
        with translation.override(language):
            context = {
                "edition": edition,
                "results": summary,
                "day": state,
                "printed_at": timezone.localtime(),
            }
            data = render_pdf("meetings/pdf/briefing.html", context)
            title = _("Daily briefing, %(day)s") % {"day": formatted(day)}
        closing = datetime.datetime.combine(day, datetime.time(23, 59), tzinfo=edition.tz)
        documents.append(
            KitDocument(
                path=f"briefings/results-{day.isoformat()}-{language}.pdf",
                title=title,
                data=data,
                modified=min(closing, timezone.now()),
                section="briefings",
                version=version,
            )
        )
        day += datetime.timedelta(days=1)
    return documents
