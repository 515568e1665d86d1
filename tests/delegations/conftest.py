import datetime
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils.translation import override
from model_bakery import baker

from delegations.models import Delegation, Member, Movement


@pytest.fixture(autouse=True)
def _english():
    # Messages are asserted in English unless a test asks for Vietnamese (requests carry their own).
    with override("en"):
        yield


@pytest.fixture(autouse=True)
def _private_root(settings, tmp_path):
    # Previewed imports wait in private storage: each test gets its own folder.
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def protocol_user(db):
    user = baker.make("auth.User", username="protocol", is_staff=True)
    user.groups.add(Group.objects.get(name="Protocol"))
    return user


@pytest.fixture
def protocol_client(protocol_user):
    client = Client()
    client.force_login(protocol_user)
    return client


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


def local(edition, day, hour, minute=0):
    """A time at the venue on the edition's `day`-th day (0 = first day)."""
    return datetime.datetime.combine(
        edition.start_date + datetime.timedelta(days=day), datetime.time(hour, minute), tzinfo=edition.tz
    )


def make_delegation(edition, country="VN", organisation="Bộ Quốc phòng", **fields):
    delegation = Delegation(edition=edition, country=country, organisation=organisation, **fields)
    delegation.save()
    return delegation


def make_member(delegation, family_name="Nguyễn", given_name="Văn An", **fields):
    member = Member(delegation=delegation, family_name=family_name, given_name=given_name, **fields)
    member.save()
    return member


def make_movement(delegation, kind, at, **fields):
    return Movement.objects.create(delegation=delegation, kind=kind, at=at, **fields)


class _FormFields(HTMLParser):
    """The values a browser would post from the page's main form."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data[name] = attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")
        elif tag == "select" and name:
            self._select = name
            if "multiple" not in attrs:  # a multiple choice with nothing chosen is not posted
                self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def form_data(client, url):
    """What a browser would post from the admin page at `url`, as loaded now."""
    parser = _FormFields()
    parser.feed(client.get(url).content.decode())
    ignored = ("action", "select_across", "index")
    return {k: v for k, v in parser.data.items() if k not in ignored and "__prefix__" not in k}
