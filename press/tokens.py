"""The private status link of an accreditation application: a signed reference to its row."""

from django.core import signing

from press.models import MediaAccreditation

SIGNING_SALT = "press.accreditation.status"


def status_token(accreditation):
    return signing.dumps(accreditation.pk, salt=SIGNING_SALT)


def accreditation_for_token(token):
    """The application a status link points to, or None if the link was altered."""
    try:
        pk = signing.loads(token, salt=SIGNING_SALT)
    except signing.BadSignature:
        return None
    return MediaAccreditation.objects.filter(pk=pk).select_related("edition").first()
