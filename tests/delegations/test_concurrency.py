"""Two people (or two clicks) at the same moment, with real threads and connections on PostgreSQL:
simultaneous saves of one delegation, two confirms of one import, two imports of one new member.
Each ends in the clear stale-save or "already imported" message, never a 500 or a duplicate."""

import logging
import os
import re
import threading
import time
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from delegations.imports import import_delegations
from delegations.models import Delegation, Member
from expo.models import Edition
from tests.factories import make_delegation, make_member
from tests.forms import form_data

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="threads need a server database"),
]
IMPORT = reverse("admin:delegations_delegation_import")
FILE = "country,organisation,family_name,given_name,passport_no\nFR,Armées,Dupont,Marie,X123\n".encode()


@pytest.fixture
def protocol_user(db):
    """A Protocol member. A transactional test run earlier empties every table, the groups that
    migrations create included (permissions come back with post_migrate): make the group again."""
    from django.contrib.auth.models import Group, Permission
    from model_bakery import baker

    group, _ = Group.objects.get_or_create(name="Protocol")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="delegations"))
    user = baker.make("auth.User", username="protocol", is_staff=True)
    user.groups.add(group)
    return user


def _in_threads(*targets):
    results, errors = [None] * len(targets), []

    def run(index, target):
        try:
            results[index] = target()
        except Exception as exc:  # noqa: BLE001 (reported by the test below)
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, t)) for i, t in enumerate(targets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    return results


def test_two_simultaneous_saves_of_one_delegation_end_in_the_stale_save_message(protocol_user, edition):
    delegation = make_delegation(edition, "FR", "Armées")
    make_member(delegation, "Dupont", "Marie")
    url = reverse("admin:delegations_delegation_change", args=[delegation.pk])
    client = Client()
    client.force_login(protocol_user)
    data = form_data(client, url)
    data["organisation"] = "Armées (B)"
    holding = threading.Event()

    def first_writer():
        # Saves and holds its transaction open while the second save arrives.
        with transaction.atomic():
            row = Delegation.objects.select_for_update().get(pk=delegation.pk)
            row.notes = "first"
            row.save()
            holding.set()
            time.sleep(1.5)
        return "saved"

    def second_writer():
        holding.wait(10)
        other = Client()
        other.force_login(protocol_user)
        response = other.post(url, data, headers={"accept-language": "en"}, follow=True)
        return response.status_code, response.content.decode()

    first, (status, html) = _in_threads(first_writer, second_writer)
    assert first == "saved" and status == 200
    assert "Someone else saved this record while you were editing it" in html
    delegation.refresh_from_db()
    assert (delegation.notes, delegation.organisation) == ("first", "Armées")


def test_two_confirms_of_one_import_import_once(protocol_user, edition):
    client = Client()
    client.force_login(protocol_user)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("list.csv", FILE, content_type="text/csv")
    html = client.post(IMPORT, {"edition": edition.pk, "language": "vi", "file": upload}).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    barrier = threading.Barrier(2)

    def confirm():
        other = Client()
        other.force_login(protocol_user)
        barrier.wait(10)
        response = other.post(IMPORT, {"confirm": "1", "token": token}, headers={"accept-language": "en"}, follow=True)
        return response.status_code, response.content.decode()

    answers = _in_threads(confirm, confirm)
    assert [status for status, _html in answers] == [200, 200]
    texts = " ".join(html for _status, html in answers)
    assert "1 members created" in texts and "This list was already imported" in texts
    assert Member.objects.count() == 1


def test_two_imports_of_the_same_new_member_at_once_create_it_once(edition):
    barrier = threading.Barrier(2)

    def run():
        barrier.wait(10)
        return import_delegations(data=FILE, filename="x.csv", edition=Edition.objects.get(pk=edition.pk))

    results = _in_threads(run, run)
    assert all(result.ok for result in results)
    assert sorted(r.members_created for r in results) == [0, 1]
    assert Member.objects.count() == 1 and Delegation.objects.count() == 1


SEEDED = {"passport_no": "PGLOG4417", "date_of_birth": "1959-10-21", "email": "pg.leak@example.vn"}


def _server_log():
    """The PostgreSQL server's log file, when this machine lets us read it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_logfile()")
        current = cursor.fetchone()[0]
        cursor.execute("SHOW data_directory")
        data_directory = cursor.fetchone()[0]
    candidates = [Path(data_directory) / current] if current else []
    candidates += sorted(Path("/var/log/postgresql").glob("postgresql-*-main.log"))
    for path in candidates:
        if path.is_file() and os.access(path, os.R_OK):
            return path
    return None


def test_connections_ask_the_server_not_to_log_failed_statements(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW log_min_error_statement")
        assert cursor.fetchone()[0] == "panic"
        cursor.execute("SHOW log_error_verbosity")
        assert cursor.fetchone()[0] == "terse"


def test_a_unique_violation_during_an_import_leaks_no_value_to_any_log(edition, caplog, capfd):
    """Someone saves the file's new member in the admin while the import writes: the import's
    insert hits the unique constraint. Nothing of the row reaches our logs, stderr or the server's."""
    log = _server_log()
    start = log.stat().st_size if log else 0
    delegation = make_delegation(edition, "FR", "Armées")
    data = (
        "country,organisation,family_name,given_name,passport_no,date_of_birth,email\n"
        f"FR,Armées,Dupont,Marie,{SEEDED['passport_no']},{SEEDED['date_of_birth']},{SEEDED['email']}\n"
    ).encode()
    holding = threading.Event()

    def admin_save():
        with transaction.atomic():
            Member.objects.create(delegation=delegation, family_name="Zed", passport_no=SEEDED["passport_no"])
            holding.set()
            time.sleep(1.5)

    def import_file():
        holding.wait(10)
        with override("en"):
            return import_delegations(data=data, filename="x.csv", edition=Edition.objects.get(pk=edition.pk))

    with caplog.at_level(logging.DEBUG):
        _none, result = _in_threads(admin_save, import_file)
    assert not result.ok
    assert "Someone else saved some of these members" in result.errors[0].message
    assert Member.objects.count() == 1
    out, err = capfd.readouterr()
    captured = caplog.text + out + err + str(result.errors)
    if log:
        time.sleep(0.5)
        with log.open(errors="replace") as handle:
            handle.seek(start)
            captured += handle.read()
    for value in SEEDED.values():
        assert value not in captured


def test_two_saves_posted_at_the_same_instant_one_wins_the_other_is_told(protocol_user, edition):
    delegation = make_delegation(edition, "FR", "Armées")
    make_member(delegation, "Dupont", "Marie")
    url = reverse("admin:delegations_delegation_change", args=[delegation.pk])
    loader = Client()
    loader.force_login(protocol_user)
    # Both organisers opened the page before either saved: the same version on both forms.
    forms = [form_data(loader, url) for _ in range(2)]
    forms[0]["organisation_vi"], forms[1]["organisation_vi"] = "Armées (A)", "Armées (B)"
    barrier = threading.Barrier(2)

    def save(data):
        def post():
            client = Client()
            client.force_login(protocol_user)
            barrier.wait(10)
            response = client.post(url, data, headers={"accept-language": "en"}, follow=True)
            return response.status_code, response.content.decode()

        return post

    answers = _in_threads(save(forms[0]), save(forms[1]))
    assert [status for status, _html in answers] == [200, 200]
    told = [html for _status, html in answers if "Someone else saved this record while you were editing it" in html]
    saved = [html for _status, html in answers if "was changed successfully" in html]
    assert (len(told), len(saved)) == (1, 1)
    delegation.refresh_from_db()
    # The answers come back in the order the saves were started: the one told lost, the other's
    # organisation is the one kept.
    winner = forms[1]["organisation_vi"] if "was changed successfully" in answers[1][1] else forms[0]["organisation_vi"]
    assert delegation.organisation_vi == winner
