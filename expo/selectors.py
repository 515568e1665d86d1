"""Reads of the expo app that other apps share."""

from expo.models import Edition


def chosen_edition(request):
    """The edition an organiser's admin page is about: ?edition=<pk>, else the current one, else the latest."""
    editions = Edition.objects.all()
    raw = request.GET.get("edition", "")
    if raw.isdigit():
        edition = editions.filter(pk=int(raw)).first()
        if edition:
            return edition
    return request.edition or editions.first()
