import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from model_bakery import baker

BEFORE_THE_SHOW = datetime.datetime(2024, 12, 10, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _storage(settings, tmp_path):
    settings.EXPO_SITE_URL = ""
    settings.EXPO_TICKET_SIGNING_KEY_FILE = tmp_path / "ticket-signing.key"


@pytest.fixture
def before_the_show():
    with time_machine.travel(BEFORE_THE_SHOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def gate_staff(db):
    user = baker.make(User, username="gate1", is_staff=False)
    user.groups.add(Group.objects.get(name="Gate"))
    return user


@pytest.fixture
def registrar(db):
    user = baker.make(User, username="registrar", is_staff=True)
    user.groups.add(Group.objects.get(name="Registration"))
    return user
