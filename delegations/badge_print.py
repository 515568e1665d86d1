"""Name badges for many members at once (a whole edition: 5,040 cards) as one PDF.

The cards are drawn by fpdf2 (delegations/badge_cards.py, about 5 ms a card with its QR);
the A4 print's cover sheet, the list of its cards in the printout family's header and footer,
is laid out by WeasyPrint. A print larger than one part is cut into parts of PART cards (whole A4 sheets),
drawn side by side in worker processes (spawned, as the press kit's fact sheets are) and joined
page by page (pypdf). The members are read once, in two queries whatever their number, and
handed to the workers, which read nothing from the database. The cover of a whole edition is
laid out in sections of COVER_PART rows, side by side too; each section numbers its own pages
and says which cards it lists.
"""

import itertools

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from common import signing
from common.dates import local_text
from common.formats import utc_label
from common.pdf import render_in_parts, render_pdf
from delegations import badge_cards, badges
from delegations.models import Member
from delegations.models.delegation import in_protocol_order

PART = 200  # cards per part: 25 A4 sheets; a multiple of 8, so every part but the last fills its sheets
# Rows per part of the cover sheet: WeasyPrint lays out a row in about 3 ms, a card is drawn in 5;
# a whole edition's cover in one part would be the print's longest part.
COVER_PART = 1000
TEMPLATE = "delegations/pdf/badges.html"


def members_of(delegation_ids, language):
    """The members of `delegation_ids` in protocol order, each with its delegation and edition (two queries)."""
    members = Member.objects.filter(delegation__in=delegation_ids).select_related("delegation__edition")
    # In protocol order, as the delegation list prints them; members in their own order within.
    return list(in_protocol_order(members, language, path="delegation__", then=("order", "pk")))


def context(members, *, edition, printed_at=None, first=1, count=None):
    """The cover sheet's template context for `members` (of one edition): the rows numbered from
    `first`; when they are a section of a larger print's cover (of `count` cards), it says which."""
    count = len(members) if count is None else count
    last = first + len(members) - 1
    rows = enumerate(badges.badges_of(members), start=first)
    return {
        # Under each delegation's name (the members come in protocol order, a delegation's together).
        "groups": [
            (delegation, list(group))
            for delegation, group in itertools.groupby(rows, key=lambda row: row[1].member.delegation)
        ],
        "count": count,
        "section": "" if (first, last) == (1, count) else f"{first}–{last}",
        "edition": edition,
        "printed_at": printed_at or local_text(timezone.now(), edition.tz),
        "zone_label": utc_label(edition.tz),
    }


def render_part(job):
    """One part's PDF (run in a worker process): (members, layout, language, edition, part, printed_at,
    the number of its first card, the print's number of cards); part is "cover" or "cards"."""
    members, layout, language, edition, part, printed_at, first, count = job
    with override(language):
        if part == "cover":
            found = context(members, edition=edition, printed_at=printed_at, first=first, count=count)
            return render_pdf(TEMPLATE, found)
        return badge_cards.draw(badges.badges_of(members), layout)


def parts_of(members, layout, part_size, cover_size=COVER_PART):
    """[(part name, number of its first card, members)]: an A4 print's cover sheet (a card
    printer's print has none), in sections of `cover_size` rows, then the cards."""
    cards = [("cards", start + 1, members[start : start + part_size]) for start in range(0, len(members), part_size)]
    cover = [("cover", start + 1, members[start : start + cover_size]) for start in range(0, len(members), cover_size)]
    if layout == badges.Layout.CR80:
        return cards or [("cards", 1, [])]
    return [*(cover or [("cover", 1, [])]), *cards]


def render(members, *, layout, language, edition, progress=None, workers=None, part_size=PART, cover_size=COVER_PART):
    """The badges of `members` as PDF bytes; `progress` (common.progress) counts the parts drawn.

    A print of one part is drawn in this process: spawning workers costs more than it draws."""
    signing.private_key()  # no signing key: ImproperlyConfigured now, before any part is drawn
    printed_at = local_text(timezone.now(), edition.tz)
    parts = parts_of(members, layout, part_size, cover_size)
    jobs = [(chunk, layout, language, edition, part, printed_at, first, len(members)) for part, first, chunk in parts]
    if len(members) <= part_size:
        workers = 1
    label = _("Badges drawn, in parts of %(size)s cards") % {"size": part_size}
    return render_in_parts(render_part, jobs, workers=workers, progress=progress, label=label)
