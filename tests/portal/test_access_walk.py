"""Every portal URL, walked with another exhibitor's ids: nothing of exhibitor B reaches exhibitor A.

Generic over the patterns of portal.urls, so a URL added tomorrow is walked the day it is added:
each int kwarg gets every id of every row of B's (each model within two foreign keys of
exhibitors.Exhibitor: stands, exhibits, their images, contacts, links, and whatever the other
portal areas add), the query string names them too, by GET and by POST. A finds nothing of B
(404, 403, or its own data; none of B's strings in the body) and B's rows are unchanged. A
contact whose access was removed, a visitor and staff accounts reach no portal page at all.
"""

import pytest
from django.apps import apps
from django.db.models import Count, ForeignKey, OneToOneField
from django.test import Client
from django.urls import URLPattern, URLResolver, reverse
from django.utils import timezone, translation

import portal.urls
from exhibitors.models import Exhibitor
from portal.access import DOORS
from portal.models import Contact, ContactLink
from tests.accounts import make_contact, portal_client
from tests.factories import staff

pytestmark = pytest.mark.usefixtures("frozen_clock")
QUERY_NAMES = ("exhibitor", "exhibitor_id", "contact", "contact_id", "product", "product_id", "pk", "id")


def routes(patterns=None, prefix=""):
    """(name, pattern) of every URL of the portal."""
    for entry in patterns if patterns is not None else portal.urls.urlpatterns:
        if isinstance(entry, URLResolver):
            yield from routes(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield entry.name, entry


def exhibitor_paths(model, depth=2):
    """Lookups from `model` to its exhibitor, through at most `depth` foreign keys."""
    if model is Exhibitor:
        return [""]
    if depth == 0:
        return []
    found = []
    for field in model._meta.get_fields():
        if isinstance(field, ForeignKey | OneToOneField) and field.concrete:
            for rest in exhibitor_paths(field.related_model, depth - 1):
                found.append(f"{field.name}__{rest}" if rest else field.name)
    return found


def rows_of(exhibitor):
    """{model label: sorted pks} of every row that belongs to `exhibitor`."""
    rows = {}
    for model in apps.get_models():
        if model is Exhibitor:
            continue
        for lookup in exhibitor_paths(model):
            pks = list(model._default_manager.filter(**{lookup: exhibitor}).values_list("pk", flat=True))
            if pks:
                rows.setdefault(model._meta.label, set()).update(pks)
    return {label: sorted(pks) for label, pks in rows.items()}


def strings_of(exhibitor):
    """What would give B away on a page: its name, its contacts', its exhibits'."""
    texts = {exhibitor.name}
    for contact in Contact.objects.filter(exhibitor=exhibitor):
        texts.update({contact.name, contact.email})
    for product in exhibitor.products.all():
        texts.update({product.name_vi, product.name_en, product.slug})
    return {text for text in texts if text and len(text) >= 6}


def url_for(name, pattern, value):
    kwargs = {
        key: value if converter.__class__.__name__ == "IntConverter" else "k" * 43
        for key, converter in pattern.pattern.converters.items()
    }
    with translation.override("en"):
        return reverse(f"portal:{name}", kwargs=kwargs)


def body(response):
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode(errors="replace")


@pytest.fixture
def two_exhibitors(demo):
    a, b = Exhibitor.objects.annotate(exhibits=Count("products")).order_by("-exhibits", "pk")[:2]
    own = make_contact(a, "main@exhibitor-a.example", name="Chủ Liên Hệ A", is_main=True)
    make_contact(a, "colleague@exhibitor-a.example", name="Đồng Nghiệp A")
    gone = make_contact(a, "gone@exhibitor-a.example", name="Đã Nghỉ A")
    make_contact(b, "main@exhibitor-b.example", name="Người Liên Hệ Bê", is_main=True)
    make_contact(b, "colleague@exhibitor-b.example", name="Đồng Nghiệp Bê")
    for contact in Contact.objects.filter(exhibitor=b):
        ContactLink.objects.create(
            contact=contact,
            purpose=ContactLink.Purpose.SIGN_IN,
            key_hash=f"{contact.pk:064d}",
            expires_at=timezone.now() + ContactLink.LIFETIME[ContactLink.Purpose.SIGN_IN],
        )
    browser = portal_client(own)
    portal_client(gone)
    Contact.objects.filter(pk=gone.pk).update(removed_at=timezone.now())
    return {"a": a, "b": b, "own": browser, "gone": gone}


def test_every_portal_view_is_guarded_or_a_door():
    for name, pattern in routes():
        assert name in DOORS or getattr(pattern.callback, "exhibitor_area", False), name


def test_exhibitor_a_finds_nothing_of_exhibitor_b(two_exhibitors):
    b, browser = two_exhibitors["b"], two_exhibitors["own"]
    before = rows_of(b)
    assert {"exhibitors.Product", "exhibitors.Stand", "portal.Contact", "portal.ContactLink"} <= set(before)
    ids = sorted({pk for pks in before.values() for pk in pks} | {b.pk})
    secrets = strings_of(b)
    assert len(secrets) > 5
    visited = 0
    for name, pattern in routes():
        values = ids if pattern.pattern.converters else [None]
        for value in values:
            url = url_for(name, pattern, value or b.pk)
            query = dict.fromkeys(QUERY_NAMES, value or b.pk)
            for method in ("get", "post"):
                if method == "post" and name == "sign_out":
                    continue  # A stays signed in for the walk
                response = getattr(browser, method)(url, query)
                visited += 1
                # Any refusal (404, 403, 409…) or A's own page; never a server error.
                assert response.status_code < 500, (method, url, response.status_code)
                page = body(response)
                assert not [text for text in secrets if text in page], (method, url)
    assert visited > 2 * len(ids)
    assert rows_of(b) == before
    assert list(Contact.objects.filter(exhibitor=b, removed_at__isnull=True, is_main=True)) != []
    assert Contact.objects.filter(exhibitor=b, removed_at__isnull=True).count() == 2
    assert browser.get("/en/exhibitor/").status_code == 200  # and A was signed in throughout


def _walk_locked_out(client, b):
    for name, pattern in routes():
        if name in DOORS:
            continue
        url = url_for(name, pattern, b.pk)
        for method in ("get", "post"):
            response = getattr(client, method)(url, {"exhibitor": b.pk})
            if response.status_code == 405:
                continue  # a method the page never takes, refused before anything is read
            assert response.status_code == 302, (method, url, response.status_code)
            assert response["Location"].startswith("/en/exhibitor/sign-in/?next="), url


def test_a_removed_contact_a_visitor_and_staff_reach_no_portal_page(two_exhibitors, admin_client):
    b = two_exhibitors["b"]
    gone = Client()
    gone.force_login(two_exhibitors["gone"].user)
    _user, protocol = staff("Protocol")
    # The superuser's session passed its second factor too: the portal is still not for staff.
    for client in (gone, Client(), protocol, admin_client):
        _walk_locked_out(client, b)
