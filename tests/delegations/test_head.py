"""The head of delegation follows the member's role wherever it is set: the delegation's form,
the member's page, the member list's action and the import (one service: services.sync_heads)."""

import io
import unicodedata

from django.urls import reverse
from pypdf import PdfReader

from delegations.imports import import_delegations
from delegations.models import Delegation, Member
from tests.factories import make_delegation, make_member
from tests.forms import form_data

HEAD = Member.Role.HEAD


def _list_text(client, edition):
    response = client.get(reverse("admin:delegations_delegation_print_list") + f"?edition={edition.pk}&lang=en")
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(unicodedata.normalize("NFC", " ".join(p.extract_text() for p in reader.pages)).split())


def _with_new_member(data, **values):
    """The delegation form's data with one more member row, as the "Add another member" link adds it."""
    index = int(data["members-TOTAL_FORMS"])
    template = {k.split("-", 2)[2]: "" for k in data if k.startswith("members-0-")}
    template |= {"order": "0", "role": "member", "version": "", "id": "", "delegation": ""}
    data |= {f"members-{index}-{field}": value for field, value in (template | values).items()}
    data["members-TOTAL_FORMS"] = str(index + 1)
    return data


def test_member_added_in_the_form_as_head_becomes_the_head(protocol_client, edition):
    delegation = make_delegation(edition, "FR", "Ministère des Armées")
    make_member(delegation, "Martin", "Paul")
    url = reverse("admin:delegations_delegation_change", args=[delegation.pk])
    data = _with_new_member(form_data(protocol_client, url), family_name="Dupont", given_name="Marie", role="head")
    response = protocol_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    delegation.refresh_from_db()
    assert delegation.head.full_name == "Marie Dupont"
    assert "Marie Dupont" in _list_text(protocol_client, edition)


def test_new_head_in_the_form_takes_over_and_the_old_head_is_told(protocol_client, edition):
    delegation = make_delegation(edition, "FR", "Ministère des Armées")
    old = make_member(delegation, "Martin", "Paul", role=HEAD)
    Delegation.objects.filter(pk=delegation.pk).update(head=old)
    url = reverse("admin:delegations_delegation_change", args=[delegation.pk])
    data = _with_new_member(form_data(protocol_client, url), family_name="Dupont", given_name="Marie", role="head")
    response = protocol_client.post(url, data, headers={"accept-language": "en"}, follow=True)
    assert "Paul Martin was head of delegation until now and is now a member." in response.content.decode()
    delegation.refresh_from_db()
    old.refresh_from_db()
    assert (delegation.head.full_name, old.role) == ("Marie Dupont", Member.Role.MEMBER)


def test_two_heads_in_one_save_are_refused(protocol_client, edition):
    delegation = make_delegation(edition, "FR", "Ministère des Armées")
    url = reverse("admin:delegations_delegation_change", args=[delegation.pk])
    data = form_data(protocol_client, url)
    data = _with_new_member(data, family_name="Dupont", given_name="Marie", role="head")
    data = _with_new_member(data, family_name="Martin", given_name="Paul", role="head")
    html = protocol_client.post(url, data, headers={"accept-language": "en"}).content.decode()
    assert "Give the role “head of delegation” to one member only." in html
    assert Member.objects.count() == 0


def test_role_changed_on_the_member_page_moves_the_head(protocol_client, edition):
    delegation = make_delegation(edition, "FR", "Ministère des Armées")
    member = make_member(delegation, "Dupont", "Marie")
    url = reverse("admin:delegations_member_change", args=[member.pk])
    data = form_data(protocol_client, url) | {"role": "head"}
    assert protocol_client.post(url, data).status_code == 302
    delegation.refresh_from_db()
    assert delegation.head_id == member.pk
    data = form_data(protocol_client, url) | {"role": "deputy"}
    assert protocol_client.post(url, data).status_code == 302
    delegation.refresh_from_db()
    assert delegation.head is None
    assert "Marie Dupont" not in _list_text(protocol_client, edition)


def test_make_head_action_on_the_member_list(protocol_client, edition):
    delegation = make_delegation(edition, "FR", "Ministère des Armées")
    old = make_member(delegation, "Martin", "Paul", role=HEAD)
    Delegation.objects.filter(pk=delegation.pk).update(head=old)
    member = make_member(delegation, "Dupont", "Marie")
    response = protocol_client.post(
        reverse("admin:delegations_member_changelist"),
        {"action": "make_head", "_selected_action": [member.pk]},
        headers={"accept-language": "en"},
        follow=True,
    )
    assert "Now head of delegation: Marie Dupont" in response.content.decode()
    delegation.refresh_from_db()
    member.refresh_from_db()
    old.refresh_from_db()
    assert (delegation.head_id, member.role, old.role) == (member.pk, HEAD, Member.Role.MEMBER)


def test_import_gives_the_head_to_the_file_s_head_and_only_one(edition):
    delegation = make_delegation(edition, "FR", "Ministère des Armées")
    old = make_member(delegation, "Martin", "Paul", role=HEAD)
    Delegation.objects.filter(pk=delegation.pk).update(head=old)
    data = "country,organisation,role,family_name,given_name\nFR,Ministère des Armées,head,Dupont,Marie\n".encode()
    assert import_delegations(data=data, filename="list.csv", edition=edition).ok
    delegation.refresh_from_db()
    assert delegation.head.full_name == "Marie Dupont"
    assert list(delegation.members.filter(role=HEAD)) == [delegation.head]
