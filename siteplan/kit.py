"""The printable site plan for the press kit (registered with common.kit_documents)."""

import hashlib

from django.core.files.storage import default_storage
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from common.kit_documents import KitDocument
from siteplan import selectors
from siteplan.svg import plan_context
from siteplan.views import _stored_pdf


def map_documents(edition, language):
    with translation.override(language):
        plan = selectors.site_plan(edition)
        if not plan.stands:
            return []
        index = sorted(plan.stands, key=lambda shape: (shape.extra["venue_code"], shape.code))
        context = {"edition": edition, "index": index, **plan_context(plan, print_mode=True)}
        folder = f"siteplan/{edition.slug}"
        data = _stored_pdf(None, "siteplan/pdf/plan.html", context, folder=folder, prefix=f"plan-{language}")
        title = _("Site plan")
    digest = hashlib.sha256(data).hexdigest()[:12]
    modified = timezone.now()
    _folders, files = default_storage.listdir(folder)
    for name in files:
        if name.startswith(f"plan-{language}-"):
            modified = default_storage.get_modified_time(f"{folder}/{name}")
    return [
        KitDocument(
            path=f"map-{edition.slug}-{language}.pdf", title=title, data=data, modified=modified, version=digest
        )
    ]
