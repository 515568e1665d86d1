"""Site-plan staff; the small site plan itself (`site`) is a fixture of tests/conftest.py."""

import pytest
from django.contrib.auth.models import Group, User


@pytest.fixture
def editor(site, client):
    user = User.objects.create_user("bien-tap", "bt@example.vn", "a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Content editors"))
    client.force_login(user)
    return client
