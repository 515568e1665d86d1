"""The portal home's "Profile and exhibits" section, and the demo's pending change."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from portal.demo_proposals import load, pending_change
from portal.models import Contact, Proposal
from portal.proposals_overview import profile_and_exhibits

pytestmark = pytest.mark.django_db


def with_contact(exhibitor):
    user = get_user_model().objects.create_user(username="lan@example.vn", password="x-portal-passphrase-2026")
    Contact.objects.create(exhibitor=exhibitor, user=user, name="Lan", email="lan@example.vn", is_main=True)
    return exhibitor


def test_the_section_names_what_is_missing_in_either_language(catalogue, edition):
    song_hong = catalogue["exhibitors"]["song_hong"]
    song_hong.description_vi = "Đóng tàu."
    song_hong.save()
    with translation.override("en"):
        section = profile_and_exhibits(song_hong, edition)
    assert section["title"] == "Profile and exhibits" and section["url"] == "/en/exhibitor/profile/"
    assert not section["done"]
    assert "Profile: description missing in English" in section["missing"]
    assert "Profile: a logo" in section["missing"]
    assert "Exhibits: 1 exhibit without an image" in section["missing"]  # the corvette


def test_the_demo_gives_one_exhibitor_a_pending_description_and_image(catalogue):
    song_hong = with_contact(catalogue["exhibitors"]["song_hong"])
    proposal = pending_change(song_hong)
    assert proposal.status == Proposal.Status.PENDING and proposal.kind == Proposal.Kind.EXHIBIT
    assert set(proposal.values) == {"description"}
    assert list(proposal.files.values_list("field", flat=True)) == ["image"]
    assert pending_change(song_hong) == proposal  # run again: the same proposal, one image
    assert proposal.files.count() == 1
    contact = Contact.objects.get(exhibitor=song_hong)
    assert load(contacts=[contact]) == f"a pending change to review ({song_hong.name}: {proposal.product})"
