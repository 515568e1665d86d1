"""Name badges for many members at once (a whole edition: 5,000 cards) as one PDF.

WeasyPrint lays a document out in one process and keeps every page's boxes until the file is
written: 5,000 cards in one document took many minutes and gigabytes. So a print larger than
one part is cut into parts of PART cards (whole A4 sheets), rendered side by side in worker
processes (spawned, as the press kit's fact sheets are) and joined page by page (pypdf). The
members are read once, in two queries whatever their number, and handed to the workers, which
read nothing from the database. A print of one part is the one document it always was; in a
larger one, the cover sheet is a part of its own and its pages are numbered on their own.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from common import signing
from common.dates import local_text
from common.formats import utc_label
from common.pdf import render_in_parts, render_pdf
from delegations import badges
from delegations.models import Member
from delegations.models.delegation import in_protocol_order

PART = 200  # cards per part: 25 A4 sheets; a multiple of 8, so every part but the last fills its sheets
TEMPLATE = "delegations/pdf/badges.html"


def members_of(delegation_ids, language):
    """The members of `delegation_ids` in protocol order, each with its delegation and edition (two queries)."""
    members = Member.objects.filter(delegation__in=delegation_ids).select_related("delegation__edition")
    # In protocol order, as the delegation list prints them; members in their own order within.
    return list(in_protocol_order(members, language, path="delegation__", then=("order", "pk")))


def context(members, *, layout, edition, part="all", printed_at=None):
    """The badges' template context for `members` (of one edition): the cover, the cards, or both."""
    cards = badges.badges_of(members)
    found = {
        "badges": cards,
        "layout": layout,
        "edition": edition,
        "part": part,
        "printed_at": printed_at or local_text(timezone.now(), edition.tz),
        "zone_label": utc_label(edition.tz),
    }
    if layout == badges.Layout.SHEET and part != "cover":
        found |= {"sheets": badges.sheets(cards), "marks": badges.crop_marks()}
    return found


def render_part(job):
    """One part's PDF (run in a worker process): (members, layout, language, edition, part, printed_at)."""
    members, layout, language, edition, part, printed_at = job
    with override(language):
        return render_pdf(TEMPLATE, context(members, layout=layout, edition=edition, part=part, printed_at=printed_at))


def parts_of(members, layout, part_size):
    """[(part name, members)]: the whole print when it fits one part, else the cover then the cards."""
    if len(members) <= part_size:
        return [("all", members)]
    chunks = [("cards", members[start : start + part_size]) for start in range(0, len(members), part_size)]
    # A card printer's print (CR80) has no cover sheet.
    return chunks if layout == badges.Layout.CR80 else [("cover", members), *chunks]


def render(members, *, layout, language, edition, progress=None, workers=None, part_size=PART):
    """The badges of `members` as PDF bytes; `progress` (common.progress) counts the cards drawn."""
    signing.private_key()  # no signing key: ImproperlyConfigured now, before any part is drawn
    printed_at = local_text(timezone.now(), edition.tz)
    parts = parts_of(members, layout, part_size)
    jobs = [(chunk, layout, language, edition, part, printed_at) for part, chunk in parts]
    label = _("Badges drawn, in parts of %(size)s cards") % {"size": part_size}
    return render_in_parts(render_part, jobs, workers=workers, progress=progress, label=label)
