"""Without delegations.view_sensitive no request answers differently depending on a masked value.

The attack: `/admin/delegations/member/?passport_no__startswith=R` answers "1 member" or "0
members", so a script recovers a passport number one character at a time. Here the same script
runs, as a Protocol user without the permission, over every sensitive field and every path that
takes a value from the URL (lookups through any relation, search, ordering, autocomplete, the
audit log page, exports, the import) and must find every candidate answered identically. The
same script run with the permission does tell candidates apart, so it is able to see a leak.
"""

import datetime
import re
from html import escape
from urllib.parse import quote, quote_plus

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from model_bakery import baker

from delegations.columns import SENSITIVE_COLUMNS
from delegations.models import Member
from tests.factories import make_delegation, make_member

SECRETS = {
    "passport_no": "RTPX0001",
    "date_of_birth": "1970-05-12",
    "email": "an.secret@example.vn",
    "phone": "+84 912 345 678",
    "needs": "Ăn chay, dị ứng lạc",
}
MEMBERS = reverse("admin:delegations_member_changelist")
DELEGATIONS = reverse("admin:delegations_delegation_changelist")
AUTOCOMPLETE = reverse("admin:autocomplete")
AUDIT = "/admin/auditlog/logentry/"


def test_every_sensitive_field_is_probed():
    # A field added to Member.SENSITIVE_FIELDS must get a secret here, or this test fails.
    assert set(SECRETS) == set(Member.SENSITIVE_FIELDS)


@pytest.fixture
def seeded(edition):
    delegation = make_delegation(edition, "FR", "Ministère des Armées")
    member = make_member(
        delegation,
        "Dupont",
        "Marie",
        passport_no=SECRETS["passport_no"],
        date_of_birth=datetime.date.fromisoformat(SECRETS["date_of_birth"]),
        email=SECRETS["email"],
        phone=SECRETS["phone"],
        needs=SECRETS["needs"],
    )
    other = make_member(delegation, "Martin", "Paul", passport_no="ZZ999", email="paul@example.org")
    delegation.head = member
    delegation.save()
    member.phone = "+84 912 345 679"  # an audit entry with old and new values
    member.save()
    return member, other


def _client(*, sensitive):
    protocol = Group.objects.get(name="Protocol")
    user = baker.make("auth.User", username=f"staff{int(sensitive)}", is_staff=True)
    perms = protocol.permissions.all()
    if not sensitive:
        perms = perms.exclude(codename="view_sensitive")
    user.user_permissions.add(*perms, *Permission.objects.filter(codename="view_logentry"))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def restricted(seeded):
    return _client(sensitive=False)


@pytest.fixture
def permitted(seeded):
    return _client(sensitive=True)


def _seen(response, probe=""):
    """What the user sees, without what differs between any two requests: CSRF tokens, and the
    probe itself where the page repeats what was typed (the search box)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode(errors="replace")
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)
    text = re.sub(r"_changelist_filters=[^\"&]*", "", text)  # the query typed, encoded twice
    location = response.get("Location", "")
    if probe:
        for form in {probe, quote(probe), quote_plus(probe), escape(probe)}:
            text, location = text.replace(form, "§"), location.replace(form, "§")
    return response.status_code, location, text


# The other world: the same member with other masked values. A path leaks when any probe gets
# another answer in that world.
OTHER_WORLD = {
    "passport_no": "QJW00077",
    "date_of_birth": datetime.date(1988, 11, 30),
    "email": "qjw@other.test",
    "phone": "0000",
    "needs": "Không",
}


def _probes(field):
    """What the script types: the secret's real first three characters, and a wrong guess."""
    return [SECRETS[field][:3], "QJW"]


def _get_paths(field, member):
    member_pk = member.pk
    return [
        lambda v: f"{MEMBERS}?{field}__startswith={v}",
        lambda v: f"{MEMBERS}?{field}__istartswith={v}",
        lambda v: f"{MEMBERS}?{field}__gte={v}",
        lambda v: f"{MEMBERS}?{field}__regex=^{v}",
        lambda v: f"{MEMBERS}?delegation__head__{field}__startswith={v}",
        lambda v: f"{MEMBERS}?q={v}",
        lambda v: f"{MEMBERS}?q={v}&o=1",
        lambda v: f"{DELEGATIONS}?members__{field}__startswith={v}",
        lambda v: f"{DELEGATIONS}?head__{field}__startswith={v}",
        lambda v: f"{DELEGATIONS}?q={v}",
        lambda v: f"{AUTOCOMPLETE}?app_label=delegations&model_name=movement&field_name=member&term={v}",
        lambda v: f"{AUTOCOMPLETE}?app_label=delegations&model_name=delegation&field_name=head&term={v}",
        lambda v: f"{AUDIT}?q={v}",
        lambda v: f"{AUDIT}?changes__icontains={v}",
        lambda v: f"{reverse('admin:delegations_member_history', args=[member_pk])}?{field}__startswith={v}",
    ]


def _answers(client, path, field):
    return [_seen(client.get(path(quote(v)), headers={"accept-language": "en"}), v) for v in _probes(field)]


def _in_both_worlds(client, member, path, field):
    """The answers to every probe with the real values, then with the other world's."""
    real = _answers(client, path, field)
    saved = {name: getattr(member, name) for name in OTHER_WORLD}
    Member.objects.filter(pk=member.pk).update(**OTHER_WORLD)
    other = _answers(client, path, field)
    Member.objects.filter(pk=member.pk).update(**saved)
    return real, other


@pytest.mark.parametrize("field", Member.SENSITIVE_FIELDS)
def test_no_path_answers_differently_depending_on_a_masked_value(restricted, seeded, field):
    member, _other = seeded
    for path in _get_paths(field, member):
        real, other = _in_both_worlds(restricted, member, path, field)
        assert real == other, path("…")
        for status, _location, text in real:
            assert status < 500, path("…")
            assert SECRETS[field] not in text


@pytest.mark.parametrize("field", Member.SENSITIVE_FIELDS)
def test_changelist_lookups_on_masked_fields_are_refused_with_a_400(restricted, field):
    assert restricted.get(f"{MEMBERS}?{field}__startswith=R").status_code == 400
    assert restricted.get(f"{DELEGATIONS}?members__{field}__isnull=False").status_code == 400
    assert restricted.get(f"{MEMBERS}?role=head").status_code == 200  # other lookups still work


def test_the_same_script_with_the_permission_does_tell_the_worlds_apart(permitted, seeded):
    # Proof the oracle would see a leak: with view_sensitive the lookup filters (1 member vs 0).
    member, _other = seeded
    path = lambda v: f"{MEMBERS}?passport_no__startswith={v}"  # noqa: E731
    real, other = _in_both_worlds(permitted, member, path, "passport_no")
    assert real != other


@pytest.mark.parametrize("field", Member.SENSITIVE_FIELDS)
def test_export_action_cannot_be_filtered_by_a_masked_value(restricted, seeded, field):
    member, other = seeded
    answers = set()
    for value in _probes(field):
        response = restricted.post(
            f"{MEMBERS}?{field}__startswith={value}",
            {"action": "export_csv", "_selected_action": [member.pk, other.pk]},
        )
        answers.add(_seen(response, value))
    assert len(answers) == 1
    assert next(iter(answers))[0] == 400


def test_unfiltered_export_carries_no_masked_value(restricted, seeded):
    member, other = seeded
    response = restricted.post(MEMBERS, {"action": "export_csv", "_selected_action": [member.pk, other.pk]})
    text = response.content.decode()
    assert "Dupont" in text
    for column in SENSITIVE_COLUMNS:
        assert column not in text
    for secret in SECRETS.values():
        assert secret not in text


def test_audit_log_page_lists_no_member_entry_for_restricted_staff(restricted, permitted, seeded):
    assert "Dupont" not in restricted.get(AUDIT).content.decode()
    assert "Dupont" in permitted.get(AUDIT).content.decode()


@pytest.mark.parametrize("field", SENSITIVE_COLUMNS)
def test_import_preview_answers_the_same_whatever_the_masked_value(restricted, seeded, edition, field):
    url = reverse("admin:delegations_delegation_import")
    answers = set()
    for value in (SECRETS[field], "X" + SECRETS[field][1:], ""):
        data = f"country,organisation,family_name,given_name,{field}\nFR,Ministère des Armées,Dupont,Marie,{value}\n"
        upload = SimpleUploadedFile("list.csv", data.encode(), content_type="text/csv")
        response = restricted.post(
            url, {"edition": edition.pk, "language": "en", "file": upload}, headers={"accept-language": "en"}
        )
        answers.add(_seen(response))
    assert len(answers) == 1
    text = next(iter(answers))[2]
    assert "You may not import this column" in text and "Confirm import" not in text
    member = Member.objects.get(passport_no=SECRETS["passport_no"])
    assert (member.email, member.needs) == (SECRETS["email"], SECRETS["needs"])
