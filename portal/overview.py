"""The portal home's checklist: each area of the portal registers one section.

A section is a function of (exhibitor, edition) that returns a small dict:

    {"title": str, "done": bool, "missing": [str, …], "deadline": date | None, "url": str}

Areas register theirs from PortalConfig.ready() (`register_section`). The home lists them as a
checklist (done, what is missing, the deadline) and the portal's navigation links each
section's url; they are computed once per request (`for_request`), so a section should cost a
query or two.
"""

from django.utils.functional import SimpleLazyObject

_sections = []


def register_section(function):
    if function not in _sections:
        _sections.append(function)
    return function


def sections(exhibitor, edition):
    return [function(exhibitor, edition) for function in _sections]


def for_request(request):
    """The signed-in contact's sections, computed the first time a page reads them."""
    return SimpleLazyObject(lambda: sections(request.exhibitor, request.edition or None))
