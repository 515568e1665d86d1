import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils.translation import override
from model_bakery import baker


@pytest.fixture(autouse=True)
def _english():
    # Messages are asserted in English unless a test asks for Vietnamese (requests carry their own).
    with override("en"):
        yield


@pytest.fixture
def viewer_client(db):
    """A staff member who may see delegations but not sensitive data."""
    from django.contrib.auth.models import Permission

    user = baker.make("auth.User", username="viewer", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="delegations", codename__in=["view_delegation", "view_member", "change_member"]
        )
    )
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(db):
    user = baker.make("auth.User", username="editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Content editors"))
    client = Client()
    client.force_login(user)
    return client
