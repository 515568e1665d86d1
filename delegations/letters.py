"""Letters to delegations, one page per language and each page in its language only.

The Vietnamese page follows the layout Decree 30/2020/NĐ-CP gives administrative documents:
the issuing body (under its parent body) and the national heading side by side, the number
("Số: 42/GM-BTC"), place and date ("Hà Nội, ngày 06 tháng 12 năm 2026"), the document's name,
the addressee, the body, the recipients' list and the signatory's title and name. The English
page is a letter: letterhead, reference, date, addressee, signatory.

The issuing body is the edition's (its organiser and name, kept in both languages); the
signatory, their title and the number's symbol are settings (EXPO_LETTER_*). A delegation's
organisation and its head's rank and position are read in the page's language only
(`own()`), never falling back to the other: a missing one is left out and `gaps()` names it,
so the organiser is warned before the letter is sent.
"""

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

LANGUAGES = ("vi", "en")
LANGUAGE_NAMES = {"vi": gettext_lazy("Vietnamese"), "en": gettext_lazy("English")}


def own(obj, field, language):
    """The value of a translated field in `language` only ("" when missing there)."""
    return " ".join((getattr(obj, f"{field}_{language}", None) or "").split())


def title_and_name(member, language):
    return f"{own(member, 'rank', language)} {member.full_name}".strip()


def gaps(delegation, head):
    """What a letter would leave out: one sentence per missing value, in the active language."""
    found = []
    for language in LANGUAGES:
        other = next(code for code in LANGUAGES if code != language)
        names = {"language": LANGUAGE_NAMES[language], "delegation": delegation}
        if not own(delegation, "organisation", language):
            found.append(_("The %(language)s letter to %(delegation)s has no organisation name.") % names)
        if head is None:
            continue
        names["member"] = head.full_name
        # A rank or position given in one language only is missing in the other's letter.
        if own(head, "rank", other) and not own(head, "rank", language):
            found.append(_("The %(language)s letter to %(delegation)s has no rank for %(member)s.") % names)
        if own(head, "position", other) and not own(head, "position", language):
            found.append(_("The %(language)s letter to %(delegation)s has no position for %(member)s.") % names)
    return found


def reference(delegation):
    """The letter's number: the delegation's number and the symbol of the issuing body (42/GM-BTC)."""
    return f"{delegation.pk}/{settings.EXPO_LETTER['symbol']}"


def place_and_date(edition, language, moment=None):
    day = timezone.localtime(moment or timezone.now(), edition.tz).date()
    with translation.override(language):
        city = own(edition, "city", language)
        if language == "vi":
            # Decree 30: a zero before days under 10 and before months 1 and 2 only ("tháng 3").
            month = f"{day.month:02d}" if day.month < 3 else str(day.month)
            return f"{city}, ngày {day:%d} tháng {month} năm {day:%Y}".lstrip(", ")
        return f"{city}, {formats.date_format(day, 'j F Y')}".lstrip(", ")


def page(delegation, head, language, salutation):
    """What one page of the letter shows, every text in `language`."""
    letter = settings.EXPO_LETTER
    with translation.override(language):
        return {
            "language": language,
            "salutation": salutation,
            "parent": own(delegation.edition, "organiser", language),
            "issuer": _("Organising Committee of %(edition)s") % {"edition": own(delegation.edition, "name", language)},
            "reference": reference(delegation),
            "place_and_date": place_and_date(delegation.edition, language),
            "addressee": title_and_name(head, language),
            "position": own(head, "position", language),
            "organisation": own(delegation, "organisation", language),
            "country": str(delegation.country.name),
            "signatory": letter["signatory"],
            "signatory_title": letter[f"title_{language}"],
            "reply_to": settings.EXPO_MAIL_SENDERS["protocol"]["reply_to"],
        }
