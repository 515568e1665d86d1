"""The change history names related rows and choices as people know them: a venue by its name
("A · Exhibition Hall A"), not by its id ("7"); a deleted one says so."""

import re

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import translation

from delegations.models import Engagement
from expo.models import Venue
from tests.accounts import admin_login


@pytest.fixture
def organiser(demo):
    client = Client()
    admin_login(client, User.objects.create_superuser("organiser"))
    return client


def history_of(engagement):
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Engagement), object_id=engagement.pk
    ).latest("pk")


def change_row(page, label):
    """The "from" and "to" cells of the row for one field in auditlog's table of changes."""
    found = re.search(rf"<td>{re.escape(label)}</td><td>(.*?)</td><td>(.*?)</td>", page)
    assert found, page
    return found.group(1), found.group(2)


@pytest.mark.parametrize(("language", "label"), [("vi", "Địa điểm"), ("en", "Venue")])
def test_a_venue_change_in_the_history_shows_both_venues_by_name(organiser, language, label):
    engagement = Engagement.objects.filter(venue__isnull=False).select_related("venue").first()
    old = engagement.venue
    new = Venue.objects.filter(edition=old.edition).exclude(pk=old.pk).first()
    engagement.venue = new
    engagement.save()

    entry = history_of(engagement)
    page = organiser.get(f"/admin/auditlog/logentry/{entry.pk}/change/", HTTP_ACCEPT_LANGUAGE=language)
    with translation.override(language):
        assert change_row(page.content.decode(), label) == (str(old), str(new))


def test_a_deleted_venue_is_shown_as_deleted_with_its_id(organiser):
    engagement = Engagement.objects.filter(venue__isnull=False).select_related("venue").first()
    gone = Venue.objects.create(edition=engagement.venue.edition, code="Z", name_vi="Khu tạm", slug="khu-tam")
    engagement.venue = gone
    engagement.save()
    gone_id = gone.pk
    gone.delete()

    entry = history_of(engagement)
    page = organiser.get(f"/admin/auditlog/logentry/{entry.pk}/change/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert change_row(page, "Địa điểm")[1] == f"{gone_id} (đã xóa)"


def test_an_engagements_venue_and_programme_item_are_chosen_by_name_not_typed_as_ids(organiser):
    engagement = Engagement.objects.filter(venue__isnull=False).select_related("venue").first()
    page = organiser.get(
        f"/admin/delegations/delegation/{engagement.delegation_id}/change/", HTTP_ACCEPT_LANGUAGE="vi"
    ).content.decode()
    assert "vForeignKeyRawIdAdminField" not in page
    with translation.override("vi"):
        assert re.search(
            rf'<option value="{engagement.venue_id}" selected>{re.escape(str(engagement.venue))}</option>', page
        )
