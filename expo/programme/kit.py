"""The printable programme for the press kit (registered with common.kit_documents)."""

import hashlib

from django.db.models import Count, Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from common.kit_documents import KitDocument, register
from common.pdf import stored_pdf
from expo.models import ProgrammeItem
from expo.programme.selection import filter_items, utc_offset_label


@register
def programme_documents(edition, language):
    state = ProgrammeItem.objects.published().filter(edition=edition).aggregate(latest=Max("updated_at"), n=Count("pk"))
    if not state["n"]:
        return []
    from expo.programme.views import days_with_items

    with translation.override(language):
        items = filter_items(edition, {})
        context = {"edition": edition, "days": days_with_items(edition, items), "utc_offset": utc_offset_label(edition)}
        # Laid out again only when the page it prints changed (seconds at the design scale's 300 items).
        data = stored_pdf("pdf/programme.html", context, folder=f"programme/{edition.slug}", prefix=f"kit-{language}")
        title = _("Programme")
    version = hashlib.sha256(f"{state['latest']}|{state['n']}".encode()).hexdigest()[:12]
    return [
        KitDocument(
            path=f"programme-{edition.slug}-{language}.pdf",
            title=title,
            data=data,
            modified=state["latest"] or timezone.now(),
            version=version,
        )
    ]
