"""The daily results briefings for the press kit (registered with common.kit_documents): one PDF per
day of the expo up to today, with the results disclosed so far."""

import datetime
import hashlib

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from common.dates import formatted
from common.kit_documents import KitDocument
from common.pdf import stored_pdf
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
        with translation.override(language):
            context = {"edition": edition, "results": summary, "day": state}
            # What the briefing says but the time it was counted at: the PDF is laid out once per
            # state of the results, and "counted at" is when that state was first printed.
            page = render_to_string("meetings/pdf/briefing.html", {**context, "printed_at": None})
            version = hashlib.sha256(page.encode()).hexdigest()[:12]
            data = stored_pdf(
                "meetings/pdf/briefing.html",
                {**context, "printed_at": timezone.localtime()},
                folder=f"briefings/{edition.slug}",
                prefix=f"results-{day.isoformat()}-{language}",
                key=version,
            )
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
