"""The private status link of an accreditation application.

Its token is the application's random `status_key` (256 bits, kept on the row): it names
neither the applicant nor the row, so nothing can be read from it or derived from another
one. Links made before (a signed row id) find nothing and get the "link not valid" page.
"""

import re

from press.models import MediaAccreditation

_WELL_FORMED = re.compile(r"[A-Za-z0-9_-]{32,64}")


def status_token(accreditation):
    return accreditation.status_key


def accreditation_for_token(token):
    """The application a status link points to, or None for any other link."""
    if not _WELL_FORMED.fullmatch(token or ""):
        return None
    return MediaAccreditation.objects.filter(status_key=token).select_related("edition").first()
