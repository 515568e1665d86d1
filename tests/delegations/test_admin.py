"""The protocol team's admin: lists, search, actions, masking, audit, stale saves, dashboard, filters."""

import re

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from delegations.models import Engagement, StatusChange
from tests.factories import local, make_delegation, make_member
from tests.forms import delegation_change_form

CHANGELIST = reverse("admin:delegations_delegation_changelist")
MEMBERS = reverse("admin:delegations_member_changelist")


def populate(edition, count, start=0):
    for n in range(start, start + count):
        delegation = make_delegation(edition, "FR" if n % 2 else "VN", f"Tổ chức {n}", level="minister")
        for m in range(10):
            member = make_member(delegation, f"Họ{m}", f"Tên {n}", passport_no=f"P{n}-{m}")
        delegation.head = member
        delegation.save()


# The same number at one row and at many: no query per row.
CHANGELIST_QUERIES = {CHANGELIST: 13, MEMBERS: 8}


@pytest.mark.parametrize("url", [CHANGELIST, MEMBERS])
def test_changelist_query_count_is_flat(protocol_client, edition, django_assert_num_queries, url):
    populate(edition, 1)
    with django_assert_num_queries(CHANGELIST_QUERIES[url]):
        response = protocol_client.get(url, headers={"accept-language": "en"})
    assert "Tổ chức 0" in response.content.decode()
    populate(edition, 60, start=1)
    with django_assert_num_queries(CHANGELIST_QUERIES[url]):
        response = protocol_client.get(url, headers={"accept-language": "en"})
    html = response.content.decode()
    assert "Tổ chức 60" in html if url == CHANGELIST else "610 members" in html


def test_changelist_is_in_protocol_order_and_searchable_without_accents(protocol_client, edition):
    make_delegation(edition, "FR", "Ministère des Armées", level="other")
    make_member(make_delegation(edition, "IN", "Ministry of Defence", level="minister"), "Sharma", "Arjun")
    make_member(make_delegation(edition, "VN", "Bộ Quốc phòng", level="deputy_minister"), "Nguyễn", "Văn Đông")
    html = protocol_client.get(CHANGELIST, headers={"accept-language": "en"}).content.decode()
    assert html.index("Ministry of Defence") < html.index("Bộ Quốc phòng") < html.index("Ministère des Armées")
    found = protocol_client.get(CHANGELIST + "?q=nguyen+van+dong").content.decode()
    assert "Bộ Quốc phòng" in found and "Ministère" not in found
    found = protocol_client.get(CHANGELIST + "?q=QUOC+PHONG").content.decode()
    assert "Bộ Quốc phòng" in found and "Ministry of Defence" not in found
    members = protocol_client.get(MEMBERS + "?q=đông").content.decode()
    assert "Nguyễn Văn Đông" in members and "Sharma" not in members


@pytest.mark.parametrize(
    "query", ["?status=nonsense", "?arrival_day=abc", "?q=" + "x" * 5000, "?q=<script>alert(1)</script>", "?p=abc"]
)
def test_changelist_survives_bad_input(protocol_client, edition, query):
    make_delegation(edition)
    response = protocol_client.get(CHANGELIST + query)
    assert response.status_code in (200, 302)
    assert "<script>alert(1)" not in response.content.decode()


def test_status_actions_record_who_and_when(protocol_client, protocol_user, edition):
    draft = make_delegation(edition, "FR", "Ministère des Armées")
    invited = make_delegation(edition, "IN", "Ministry of Defence", status="invited")
    response = protocol_client.post(
        CHANGELIST, {"action": "invite", "_selected_action": [draft.pk, invited.pk]}, follow=True
    )
    html = response.content.decode()
    assert "Ministry of Defence" in html  # refused: it was already invited
    draft.refresh_from_db()
    assert draft.status == "invited"
    step = StatusChange.objects.get(delegation=draft)
    assert (step.status, step.by) == ("invited", protocol_user)
    assert not StatusChange.objects.filter(delegation=invited).exists()


def test_member_sensitive_fields_are_masked_without_permission(viewer_client, protocol_client, edition):
    member = make_member(make_delegation(edition), passport_no="B1234567", email="an@example.vn", needs="Dị ứng lạc")
    for url in (reverse("admin:delegations_member_change", args=[member.pk]), MEMBERS):
        masked = viewer_client.get(url).content.decode()
        assert "B1234567" not in masked and "an@example.vn" not in masked and "Dị ứng lạc" not in masked
        assert "Nguyễn Văn An" in masked or 'value="Nguyễn"' in masked
        shown = protocol_client.get(url).content.decode()
        assert "B1234567" in shown
    assert (
        "Hidden: you do not have permission"
        in viewer_client.get(
            reverse("admin:delegations_member_change", args=[member.pk]), headers={"accept-language": "en"}
        ).content.decode()
    )


def _member_form(client, member):
    url = reverse("admin:delegations_member_change", args=[member.pk])
    html = client.get(url).content.decode()
    version = re.search(r'name="version" value="([^"]+)"', html).group(1)
    data = {
        "delegation": member.delegation_id,
        "order": 0,
        "role": "member",
        "family_name": member.family_name,
        "given_name": member.given_name,
        "rank": "",
        "position_vi": "",
        "position_en": "",
        "gender": "",
        "nationality": "VN",
        "languages": "",
        "passport_no": member.passport_no,
        "date_of_birth": "",
        "phone": "",
        "email": "",
        "needs": "",
        "version": version,
    }
    return url, data


def test_stale_second_save_is_refused_and_first_write_kept(protocol_client, edition):
    member = make_member(make_delegation(edition), passport_no="B1234567")
    url, first = _member_form(protocol_client, member)
    second = dict(first)
    first["rank_vi"] = "Đại tá"
    assert protocol_client.post(url, first).status_code == 302
    second["rank_vi"] = "Thượng tá"
    response = protocol_client.post(url, second, headers={"accept-language": "en"})
    assert "Someone else saved this record while you were editing it" in response.content.decode()
    member.refresh_from_db()
    assert member.rank == "Đại tá"


def test_viewer_without_permission_cannot_overwrite_masked_fields(viewer_client, edition):
    member = make_member(make_delegation(edition), passport_no="B1234567")
    url, data = _member_form(viewer_client, member)
    data["passport_no"] = ""
    data["rank_vi"] = "Đại tá"
    assert viewer_client.post(url, data).status_code == 302
    member.refresh_from_db()
    assert (member.rank, member.passport_no) == ("Đại tá", "B1234567")


def test_admin_changes_are_audited_with_passport_masked(protocol_client, protocol_user, edition):
    member = make_member(make_delegation(edition), passport_no="B1234567")
    url, data = _member_form(protocol_client, member)
    data["passport_no"] = "C7654321"
    protocol_client.post(url, data)
    entry = LogEntry.objects.filter(content_type__model="member", action=LogEntry.Action.UPDATE).get()
    assert entry.actor == protocol_user
    old, new = entry.changes["passport_no"]
    # Wholly masked: half a passport number, date of birth or address is still personal data.
    assert (old, new) == ("••••••", "••••••")


def test_change_form_warns_of_a_clash(protocol_client, edition):
    delegation = make_delegation(edition)
    for minute in (0, 30):
        Engagement.objects.create(
            delegation=delegation,
            kind="bilateral",
            counterpart=f"Đối tác {minute}",
            start=local(edition, 1, 10, minute),
            end=local(edition, 1, 11, minute),
        )
    html = protocol_client.get(
        reverse("admin:delegations_delegation_change", args=[delegation.pk]), headers={"accept-language": "en"}
    ).content.decode()
    assert "Clash (Delegation: Việt Nam · Bộ Quốc phòng)" in html or "Clash (Delegation:" in html
    report = protocol_client.get(reverse("admin:delegations_delegation_clashes")).content.decode()
    assert "Đối tác 0" in report and "Đối tác 30" in report


def test_dashboard_counts_and_chart(protocol_client, edition):
    from delegations.models import Movement

    first = make_delegation(edition, "FR", "Ministère des Armées", status="accepted", level="minister")
    make_delegation(edition, "IN", "Ministry of Defence", status="accepted")
    make_delegation(edition, "LA", "Ministry of National Defence", status="declined")
    Movement.objects.create(delegation=first, kind="arrival", at=local(edition, -1, 10))
    html = protocol_client.get(
        reverse("admin:delegations_delegation_dashboard"), headers={"accept-language": "en"}
    ).content.decode()
    # Every count is a link to the changelist filtered to what it counts.
    base = f"/admin/delegations/delegation/?edition__id__exact={edition.pk}"
    assert f'<a href="{base}&amp;status__exact=accepted">2</a>' in html
    assert f'<a href="{base}&amp;status__exact=declined">1</a>' in html
    assert f'<a href="{base}&amp;level__exact=minister">1</a>' in html
    assert "<svg" in html and "18/12: 1" in html
    assert "No clashes." in html


@pytest.mark.parametrize("model", ["liaisonofficer", "interpreter"])
def test_officer_changelists_query_count_is_flat(protocol_client, edition, django_assert_num_queries, model):
    from delegations.models import Interpreter, LiaisonOfficer

    cls = LiaisonOfficer if model == "liaisonofficer" else Interpreter
    url = reverse(f"admin:delegations_{model}_changelist")
    for n in range(1, 41):
        person = cls.objects.create(name=f"Nguyễn Văn {n}", languages="en")
        if model == "liaisonofficer":
            make_delegation(edition, organisation=f"Đơn vị {n}", liaison_officer=person)
        else:
            make_delegation(edition, organisation=f"Đơn vị {n}").interpreters.add(person)
        if n in (1, 40):
            with django_assert_num_queries({"liaisonofficer": 8, "interpreter": 7}[model]):
                html = protocol_client.get(url + "?q=nguyen+van", headers={"accept-language": "en"}).content.decode()
            assert f"Nguyễn Văn {n}" in html


def test_two_organisers_editing_one_delegation_second_save_refused(protocol_client, edition):
    delegation = make_delegation(edition, "FR", "Ministère des Armées")
    url, first = delegation_change_form(protocol_client, delegation)
    second = dict(first)
    first["notes"] = "Khách sạn Hồ Gươm"
    response = protocol_client.post(url, first)
    assert response.status_code == 302, response.content.decode()[:2000]
    second["notes"] = "Khách sạn Tây Hồ"
    response = protocol_client.post(url, second, headers={"accept-language": "vi"})
    assert "Một người khác đã lưu bản ghi này" in response.content.decode()
    delegation.refresh_from_db()
    assert delegation.notes == "Khách sạn Hồ Gươm"


def test_engagement_outside_the_days_is_refused_in_the_form(protocol_client, edition):
    delegation = make_delegation(edition)
    url, data = delegation_change_form(protocol_client, delegation)
    data |= {
        "engagements-TOTAL_FORMS": 1,
        "engagements-0-kind": "bilateral",
        "engagements-0-counterpart": "Bộ Quốc phòng Lào",
        "engagements-0-start_0": "2024-12-25",
        "engagements-0-start_1": "09:00",
        "engagements-0-end_0": "2024-12-25",
        "engagements-0-end_1": "10:00",
    }
    html = protocol_client.post(url, data, headers={"accept-language": "en"}).content.decode()
    assert "An engagement must fall within the expo" in html
    assert not Engagement.objects.exists()
