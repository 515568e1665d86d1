"""The portal's door: only a contact with access gets in; staff and removed contacts do not."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from portal.models import Contact
from tests.factories import make_exhibitor

pytestmark = pytest.mark.django_db
PASSWORD = "a long portal passphrase 2026"


def contact(exhibitor, email, **fields):
    user = get_user_model().objects.create_user(username=email, email=email, password=PASSWORD)
    return Contact.objects.create(exhibitor=exhibitor, user=user, name=email.split("@")[0], email=email, **fields)


def test_a_contact_signs_in_and_sees_its_own_exhibitor(client):
    own = contact(make_exhibitor("viettel", "Viettel", "VN"), "an@viettel.example", is_main=True)
    response = client.post("/en/exhibitor/sign-in/", {"username": own.email, "password": PASSWORD})
    assert response.status_code == 302
    page = client.get("/en/exhibitor/")
    assert page.status_code == 200
    assert "Viettel" in page.content.decode()
    assert "no-store" in page["Cache-Control"]


def test_the_portal_sends_strangers_to_the_sign_in_page(client):
    response = client.get("/vi/exhibitor/")
    assert response.status_code == 302
    assert response["Location"].startswith("/vi/exhibitor/sign-in/?next=")


@pytest.mark.parametrize("who", ["removed", "staff"])
def test_removed_contacts_and_staff_accounts_stay_out(client, who):
    person = contact(make_exhibitor("viettel", "Viettel", "VN"), "out@viettel.example")
    if who == "removed":
        Contact.objects.filter(pk=person.pk).update(removed_at=timezone.now())
    else:
        get_user_model().objects.filter(pk=person.user_id).update(is_staff=True)
    response = client.post("/en/exhibitor/sign-in/", {"username": person.email, "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/en/exhibitor/").status_code == 302
