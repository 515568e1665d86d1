"""The demo's declarations and deadlines: portal/demo.py (the lead's) calls `load_declarations`
with the demo exhibitor whose contact signs in, so organisers find a declaration to review with
its deactivation certificate, and exhibitors find deadlines, some already passed."""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django_tasks import task

from common.pdf import render_pdf
from portal.models import Declaration, PortalDeadlines

# Days before the edition opens that each part is due: the demo edition opens about two weeks
# after the demo is loaded, so the first three have passed (the dashboard counts who is late).
DUE_BEFORE_OPENING = {"profile": 35, "exhibits": 28, "team": 21, "declarations": 10}


def load_declarations(*, edition, exhibitor):
    """The edition's deadlines, and a declaration to review (a deactivated weapon, with its
    certificate as a real PDF) for `exhibitor`'s first exhibit. Returns a one-line summary."""
    dates = {area: edition.start_date - datetime.timedelta(days=days) for area, days in DUE_BEFORE_OPENING.items()}
    PortalDeadlines.objects.update_or_create(edition=edition, defaults=dates)
    product = exhibitor.products.order_by("pk").first()
    if product is None:
        return "Portal deadlines set; no exhibit to declare"
    declaration, created = Declaration.objects.get_or_create(
        product=product,
        edition=edition,
        defaults={
            "is_weapon": True,
            "condition": Declaration.Condition.DEACTIVATED,
            "export_control": Declaration.ExportControl.NOT_CONTROLLED,
        },
    )
    if created:
        # Drawn by the worker: `make run` loads the demo while the static files (the PDF's
        # stylesheet and fonts) are still being collected, and the worker starts after both.
        transaction.on_commit(lambda: draw_certificate.enqueue(declaration.pk))
    return f"Portal deadlines set; a declaration to review for {product.name_vi}"


@task()
def draw_certificate(declaration_pk):
    """The demo declaration's deactivation certificate, a real PDF (the exhibitor's upload, as it were)."""
    declaration = Declaration.objects.select_related("product", "edition").filter(pk=declaration_pk).first()
    if declaration is None or declaration.deactivation_certificate:
        return None
    context = {"product": declaration.product, "edition": declaration.edition}
    certificate = render_pdf("portal/pdf/demo_certificate.html", context)
    declaration.deactivation_certificate.save("deactivation-certificate.pdf", ContentFile(certificate))
    return declaration.deactivation_certificate.name


def load(*, edition, contacts):
    """Called by portal/demo.py: the declaration goes to the second demo exhibitor (Redwood
    Aerospace), the pending profile change to the first, so each demo contact has one thing waiting."""
    if not contacts:
        return "no portal contact: no declaration"
    return load_declarations(edition=edition, exhibitor=contacts[-1].exhibitor)
