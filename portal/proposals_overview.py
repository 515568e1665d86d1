"""The portal home's "Profile and exhibits" section: what is done, what is missing in either
language, and what waits for the organisers (registered with the overview's registry)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from exhibitors.models import Product
from portal import deadlines, proposal_fields
from portal.models import Proposal


def profile_and_exhibits(exhibitor, edition):
    """{"title", "done", "missing", "deadline", "url"} for the portal home's checklist."""
    profile = proposal_fields.current_values(Proposal.Kind.PROFILE, exhibitor)
    missing = [
        _("Profile: %(field)s missing in %(language)s") % {"field": label, "language": language}
        for label, language in proposal_fields.missing(Proposal.Kind.PROFILE, profile)
    ]
    if not any(profile["description"].values()):
        missing.append(_("Profile: a description"))
    if not exhibitor.logo:
        missing.append(_("Profile: a logo"))
    if not profile["sectors"]:
        missing.append(_("Profile: your sectors"))
    products = list(Product.objects.filter(exhibitor=exhibitor).prefetch_related("images").order_by("pk"))
    pending = Proposal.objects.pending().filter(exhibitor=exhibitor).count()
    if not products and not pending:
        missing.append(_("Exhibits: at least one exhibit"))
    untranslated = sum(1 for p in products if proposal_fields.missing(Proposal.Kind.EXHIBIT, _texts(p)))
    if untranslated:
        missing.append(
            ngettext(
                "Exhibits: %(count)d exhibit not written in both languages",
                "Exhibits: %(count)d exhibits not written in both languages",
                untranslated,
            )
            % {"count": untranslated}
        )
    without_image = sum(1 for product in products if not product.images.all())
    if without_image:
        missing.append(
            ngettext(
                "Exhibits: %(count)d exhibit without an image",
                "Exhibits: %(count)d exhibits without an image",
                without_image,
            )
            % {"count": without_image}
        )
    return {
        "title": _("Profile and exhibits"),
        "done": not missing,
        "missing": missing,
        "deadline": deadlines.deadline_for(edition, "exhibits") if edition else None,
        "url": reverse("portal:profile"),
    }


def _texts(product):
    return {
        field.name: {code: getattr(product, f"{field.name}_{code}") or "" for code in ("vi", "en")}
        for field in proposal_fields.EXHIBIT
        if field.translated
    }
