"""Large prints: a whole edition's badges and every liaison officer's run sheets for a day, drawn
in parts (common.pdf.render_in_parts) as batch jobs (common/jobs.py), read in a constant number
of queries, with the same cards and rows as the one-document prints."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from common import signing
from common.models import BatchJob
from delegations import badge_print, run_sheets
from delegations.models import Delegation, Movement
from tests.factories import accepted_delegation, local, make_member, make_movement, make_officer
from tests.helpers import decoded_qr_codes, pdf_page_texts, printed_codes

FAMILIES = ["Nguyễn", "Trần", "Dupont", "Kim", "Schmidt", "Tanaka", "Rossi"]


def _delegations(edition, count, members_each, officer=None, first=0):
    made = []
    for n in range(first, first + count):
        delegation = accepted_delegation(edition, ["FR", "KR", "DE", "JP", "IT"][n % 5], f"Bộ Quốc phòng {n}")
        delegation.liaison_officer = officer
        delegation.save()
        for m in range(members_each):
            make_member(delegation, family_name=FAMILIES[(n + m) % len(FAMILIES)], given_name=f"Văn {m}")
        made.append(delegation)
    return made


def _without_page_numbers(text):
    return re.sub(r"Trang \d+/\d+", "", text)


@pytest.mark.django_db
def test_members_are_read_in_two_queries_and_drawn_with_none(edition, django_assert_num_queries):
    for count in (1, 4):
        ids = [d.pk for d in _delegations(edition, count, 3, first=10 * count)]
        with django_assert_num_queries(2):
            members = badge_print.members_of(ids, "vi")
        assert len(members) == 3 * count
        with django_assert_num_queries(0):
            pdf = badge_print.render(members, layout="sheet", language="vi", edition=edition, part_size=8)
        assert pdf.startswith(b"%PDF")


@pytest.mark.django_db
@pytest.mark.parametrize("layout", ["sheet", "cr80"])
def test_a_print_in_parts_has_the_cards_of_the_one_document_print(edition, layout):
    # Sheets: 11 cards, a cover in sections of 4 rows, then two parts of 8 and 3 cards (a part
    # fills whole A4 sheets of 8 cards). Card printers: 7 cards, three parts of 3, 3 and 1.
    size, count = (8, 11) if layout == "sheet" else (3, 7)
    ids = [d.pk for d in _delegations(edition, 1, count)]
    members = badge_print.members_of(ids, "vi")
    with time_machine.travel(local(edition, -3, 10), tick=False):  # both covers print the same minute
        whole = badge_print.render(members, layout=layout, language="vi", edition=edition)
        parts = badge_print.render(members, layout=layout, language="vi", edition=edition, part_size=size, cover_size=4)
    whole_pages, part_pages = pdf_page_texts(whole), pdf_page_texts(parts)
    covers = 3 if layout == "sheet" else 0
    assert len(whole_pages) == (1 + 2 * 2 if layout == "sheet" else 2 * 7)
    # The same cards, the same text on each.
    assert part_pages[covers:] == whole_pages[1 if covers else 0 :]
    tokens = decoded_qr_codes(parts, page=None)
    assert tokens == decoded_qr_codes(whole, page=None)
    assert sorted(signing.verify(token).id for token in tokens) == sorted(m.badge_code for m in members)
    if layout == "sheet":
        # One cover page lists the eleven; in sections, each page says which cards it lists, in order.
        assert "Thẻ đeo · Bảng kê 11 thẻ" in whole_pages[0] and "Trang 1/1" in whole_pages[0]
        for page, (first, last) in zip(part_pages[:covers], [(1, 4), (5, 8), (9, 11)], strict=True):
            assert f"Thẻ đeo · Bảng kê · thẻ {first}–{last} 11 thẻ" in page and "Trang 1/1" in page
            listed = members[first - 1 : last]
            words = printed_codes(page)
            assert all(m.badge_code in words for m in listed), (page, [m.badge_code for m in listed])
            assert not any(m.badge_code in words for m in members if m not in listed)
            assert re.search(rf"\b{first} .* {last} ", page)


@pytest.mark.django_db(transaction=True)
def test_parts_drawn_by_worker_processes_join_into_the_same_print(edition):
    # Spawned workers read nothing from the database: the members travel with their part.
    ids = [d.pk for d in _delegations(edition, 2, 5)]
    members = badge_print.members_of(ids, "en")
    with time_machine.travel(local(edition, -3, 10), tick=False):  # the caller dates the print, not the workers
        inline = badge_print.render(members, layout="sheet", language="en", edition=edition, part_size=8, workers=1)
        pooled = badge_print.render(members, layout="sheet", language="en", edition=edition, part_size=8, workers=2)
    assert pdf_page_texts(pooled) == pdf_page_texts(inline)
    assert decoded_qr_codes(pooled, page=None) == decoded_qr_codes(inline, page=None)


@pytest.mark.django_db
def test_a_large_badge_print_runs_as_a_job_the_organiser_follows_then_downloads(protocol_client, edition, monkeypatch):
    monkeypatch.setattr(badge_print, "PART", 8)
    delegations = _delegations(edition, 2, 5)
    response = protocol_client.post(
        reverse("admin:delegations_delegation_changelist"),
        {"action": "badges_action", "_selected_action": [d.pk for d in delegations]},
    )
    job = BatchJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "admin:common_batchjob_change", args=[job.pk]
    )
    page = protocol_client.get(response["Location"])
    text = page.content.decode()
    assert "Thẻ đeo" in text and "10 thẻ." in text and "100%" in text
    assert "Refresh" not in page  # done: the page no longer reloads itself
    download = protocol_client.get(reverse("admin:common_batchjob_file", args=[job.pk]))
    assert download["Content-Type"] == "application/pdf" and "no-store" in download["Cache-Control"]
    pdf = b"".join(download.streaming_content)
    assert len(decoded_qr_codes(pdf, page=None)) == 10
    # The cover lists every card; the job's own page shows no member's name.
    cover = printed_codes(pdf_page_texts(pdf)[0])
    assert all(m.badge_code in cover for d in delegations for m in d.members.all())
    assert "Nguyễn" not in text


def _day_scene(edition):
    first, second = make_officer("Nguyễn Thành Long"), make_officer("Trần Minh Đức")
    for officer, country in ((first, "FR"), (second, "KR"), (first, "DE")):
        delegation = accepted_delegation(edition, country, f"Bộ Quốc phòng {country}", liaison_officer=officer)
        member = make_member(delegation, family_name="Dupont", given_name="Marie")
        make_movement(delegation, Movement.Kind.ARRIVAL, local(edition, -1, 9, 30), flight="AF 170")
        make_movement(delegation, Movement.Kind.ARRIVAL, local(edition, -1, 14, 5), flight="VN 31", member=member)
    # Not coming: on nobody's run sheet.
    declined = accepted_delegation(edition, "JP", "Bộ Quốc phòng JP", liaison_officer=second)
    declined.status = Delegation.Status.DECLINED
    declined.save()
    make_movement(declined, Movement.Kind.ARRIVAL, local(edition, -1, 11, 0), flight="JL 751")
    return [first, second]


@pytest.mark.django_db
def test_every_officers_rows_are_read_in_the_same_number_of_queries(edition, django_assert_num_queries):
    officers = _day_scene(edition)
    day = edition.start_date - datetime.timedelta(days=1)
    with django_assert_num_queries(6):
        sheets = run_sheets.day_sheets(edition, day)
    assert [(officer, len(rows)) for officer, rows in sheets] == [(officers[0], 4), (officers[1], 2)]
    more = make_officer("Lê Văn Hải")
    for n in range(3):
        delegation = accepted_delegation(edition, "IT", f"Ministero {n}", liaison_officer=more)
        make_movement(delegation, Movement.Kind.ARRIVAL, local(edition, -1, 8 + n), flight=f"AZ {n}")
    with django_assert_num_queries(6):
        assert len(run_sheets.day_sheets(edition, day)) == 3


@pytest.mark.django_db
def test_the_days_print_holds_each_officers_own_sheet(protocol_client, edition):
    officers = _day_scene(edition)
    day = edition.start_date - datetime.timedelta(days=1)
    with time_machine.travel(local(edition, -3, 10), tick=False):
        response = protocol_client.post(
            reverse("admin:delegations_liaisonofficer_day_run_sheets") + f"?edition={edition.pk}",
            {"day": day.isoformat()},
        )
        job = BatchJob.objects.get()
        assert response["Location"] == reverse("admin:common_batchjob_change", args=[job.pk])
        download = protocol_client.get(reverse("admin:common_batchjob_file", args=[job.pk]))
        day_pages = pdf_page_texts(b"".join(download.streaming_content))
        url = reverse("admin:delegations_liaisonofficer_run_sheet", args=[officers[0].pk])
        singles = [
            pdf_page_texts(protocol_client.get(reverse("admin:delegations_liaisonofficer_run_sheet", args=[o.pk]),
                                               {"day": day.isoformat(), "edition": edition.pk}).content)
            for o in officers
        ]  # fmt: skip
    assert url and len(day_pages) == 2 and all(len(pages) == 1 for pages in singles)
    for page, (single,), officer in zip(day_pages, singles, officers, strict=True):
        # The same sheet; its footer also names the officer (the day's print is handed out in pieces).
        footer = f"{edition.name} · {officer} · "
        assert _without_page_numbers(page.replace(footer, f"{edition.name} · ")) == _without_page_numbers(single)
        assert "JL 751" not in page
    assert "AF 170" in day_pages[0] and "VN 31" in day_pages[1] and "Trần Minh Đức" in day_pages[1]


@pytest.mark.django_db
def test_the_day_must_be_one_of_the_editions_and_the_button_posts(protocol_client, edition):
    url = reverse("admin:delegations_liaisonofficer_day_run_sheets") + f"?edition={edition.pk}"
    assert protocol_client.get(url).status_code == 405
    assert protocol_client.post(url, {"day": "1999-01-01"}).status_code == 404
    assert protocol_client.post(url, {"day": "not a day"}).status_code == 404
    assert not BatchJob.objects.exists()
    changelist = protocol_client.get(reverse("admin:delegations_liaisonofficer_changelist"))
    assert f'value="{edition.start_date.isoformat()}"' in changelist.content.decode()
