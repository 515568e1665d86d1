"""Which exhibits need a declaration, what holds them back, and the organisers' decisions.

The rule (docs/portal.md, "Declarations and deadlines"): an exhibit of an exhibitor in the portal
(one contact whose access was not removed) needs an approved declaration for the current edition
before it is published. Exhibitors the organisers still keep by hand in the admin are not asked.
The check is made on the way to publication (the catalogue asks `common.publication`); a refused
declaration takes its exhibit off the public site.
"""

from django.db import transaction
from django.db.models import Exists, FilteredRelation, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from common import clock
from exhibitors.models import Product
from exhibitors.services import set_published
from expo.models import Edition
from portal import declarations_mail
from portal.models import Contact, Declaration

Status = Declaration.Status


def in_portal(exhibitor_field="exhibitor"):
    """An expression: the row's exhibitor has a contact whose access was not removed."""
    return Exists(Contact.objects.filter(exhibitor=OuterRef(exhibitor_field), removed_at__isnull=True))


def requiring(edition):
    """The exhibits that need an approved declaration at `edition`."""
    return Product.objects.filter(in_portal("exhibitor"))


def held_back(products):
    """The publication blocker (common.publication): exhibits of portal exhibitors without an
    approved declaration for the current edition. Two queries for any number of exhibits."""
    edition = Edition.objects.current()
    if edition is None:
        return []
    exhibitor_ids = {product.exhibitor_id for product in products}
    present = set(
        Contact.objects.filter(exhibitor_id__in=exhibitor_ids, removed_at__isnull=True).values_list(
            "exhibitor_id", flat=True
        )
    )
    asked = [product for product in products if product.exhibitor_id in present]
    approved = set(
        Declaration.objects.approved()
        .filter(edition=edition, product_id__in=[product.pk for product in asked if product.pk])
        .values_list("product_id", flat=True)
    )
    reason = _("Its declaration for %(edition)s is not approved yet.") % {"edition": edition}
    return [(product, reason) for product in asked if product.pk not in approved]


def with_declaration(products, edition):
    """`products` with their declaration at `edition` joined (`row.edition_declaration`), one query."""
    relation = FilteredRelation("declarations", condition=Q(declarations__edition_id=edition.pk))
    return products.annotate(edition_declaration=relation).select_related("edition_declaration")


def declaration_of(row):
    return getattr(row, "edition_declaration", None)


def not_cleared(edition):
    """Exhibits needing a declaration at `edition` without an approved one (none, to review or
    refused), by exhibitor and exhibit: the security team's list."""
    approved = Declaration.objects.approved().filter(edition=edition, product=OuterRef("pk"))
    rows = requiring(edition).exclude(Exists(approved)).select_related("exhibitor")
    return with_declaration(rows, edition).order_by("exhibitor__name", "name", "pk")


@transaction.atomic
def decide(*, declaration, approved, by, reason=""):
    """Approve or refuse (with a reason). A refusal unpublishes the exhibit at once."""
    declaration = Declaration.objects.select_for_update().get(pk=declaration.pk)
    declaration.status = Status.APPROVED if approved else Status.REFUSED
    declaration.reason = "" if approved else reason.strip()
    if not approved and not declaration.reason:
        raise ValueError("A refusal needs a reason")
    declaration.decided_by = by
    declaration.decided_at = clock.now()
    declaration.save()
    if not approved:
        set_published(products=Product.objects.filter(pk=declaration.product_id), published=False)
    declarations_mail.decision(declaration)
    return declaration


def submit(declaration):
    """The exhibitor's (re)submission: back to the organisers' review."""
    if declaration.status == Status.APPROVED and declaration.pk:
        raise ValueError("An approved declaration is changed by the organisers only")
    declaration.status = Status.TO_REVIEW
    declaration.reason = ""
    declaration.decided_by = None
    declaration.decided_at = None
    declaration.save()
    return declaration
