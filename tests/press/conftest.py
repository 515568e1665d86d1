import datetime

import pytest
from django.contrib.auth.models import Group
from model_bakery import baker

from exhibitors.models import ProductSpecification
from press.models import PressConference
from tests.factories import MEDIA_AREA_NOW


@pytest.fixture(autouse=True)
def _own_storage(settings, tmp_path):
    """Each test renders into empty storages, so nothing stored by another test is reused."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.EXPO_SITE_URL = ""


@pytest.fixture
def specs(catalogue):
    kilo = catalogue["products"]["kilo"]
    ProductSpecification.objects.create(
        product=kilo, order=1, label_vi="Tầm hoạt động", label_en="Range", value="400 hải lý"
    )
    ProductSpecification.objects.create(product=kilo, order=2, label_vi="Thủy thủ đoàn", label_en="Crew", value="52")
    return kilo


@pytest.fixture
def user_in(db, django_user_model):
    def make(group_name):
        user = django_user_model.objects.create_user(
            username=f"u-{group_name or 'none'}".replace(" ", "-"), password="a-long-password-123", is_staff=True
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def confirmed_delegations(edition):
    for n, status in enumerate(["accepted", "arrived", "invited", "declined", "accepted"]):
        baker.make("delegations.Delegation", edition=edition, status=status, organisation=f"Org {n}")


@pytest.fixture
def conference(edition):
    """A published press conference of one seat, the day after MEDIA_AREA_NOW."""
    item = baker.make(
        "expo.ProgrammeItem",
        edition=edition,
        type="press",
        slug="hop-bao",
        title_vi="Họp báo khai mạc",
        title_en="Opening press conference",
        is_published=True,
        start=MEDIA_AREA_NOW + datetime.timedelta(days=1),
        end=MEDIA_AREA_NOW + datetime.timedelta(days=1, hours=1),
    )
    return PressConference.objects.create(programme_item=item, seats=1, reminder_hours=2)
