"""The rehearsal's cross-checks: every output compared with the others (docs/rehearsal.md).

The rehearsal's modules run in file order and share one stage (tests/rehearsal/conftest.py):
each step leaves what the next one uses. `make rehearsal` runs them alone.
"""

import re

import pytest

from tests.rehearsal import texts
from tests.rehearsal.script import JOURNALISTS, RELEASE, VI_ONLY, collect_printouts, located_delegation
from tests.rehearsal.stage import get

# Every test asks for the same fixtures (the browser included): pytest groups tests by the
# browser's session parameter, and a test without it would be moved away from its module's steps.
pytestmark = pytest.mark.usefixtures("stage", "cast", "report")


def test_check_release_keeps_typed_text_and_pasted_table(stage):
    """The release as published holds what was typed, with ordinary spaces, and the pasted
    table's cells as text (none glued to the next), in its language only."""
    vi, en = stage.release_pages["vi"], stage.release_pages["en"]
    assert RELEASE["body_vi"] in vi and RELEASE["body_en"] in en
    for cell in ("Lễ khai mạc", "Trình diễn bay", "08:00", "10:30"):
        assert cell in vi, cell
    assert "\u00a0" not in vi.split(RELEASE["title_vi"], 1)[-1]
    assert texts.glued(vi) is None, texts.glued(vi)
    assert not texts.VIETNAMESE_WORDS.search(en.split(RELEASE["title_en"], 1)[-1]), "Vietnamese text on /en/"
    # The table pasted from Word is still a table: three rows of two cells, not flattened paragraphs.
    assert stage.release_tables["vi"] == [["Giờ", "Nội dung"], ["08:00", "Lễ khai mạc"], ["10:30", "Trình diễn bay"]]


def test_check_hotel_room_and_vehicle_agree_on_every_printout(cast, report, stage):
    """The hotel, room and vehicle of the head of a delegation are the same on the delegation's
    form, the rooming list, the itinerary, the run sheet and the airport sheet."""
    at = located_delegation(stage)
    printouts = collect_printouts(cast, report, stage)
    report.note(f"Head of delegation {at['head_family']} {at['head_given']}: hotel {at['hotel_name']!r}, "
                f"room {at['room']!r}, vehicle {at['vehicle']!r}, looked for on {sorted(printouts)}")  # fmt: skip
    missing = []
    for name in ("form", "rooming list", "itinerary"):
        if at["hotel_name"] not in printouts[name]:
            missing.append(f"hotel {at['hotel_name']!r} not on the {name}")
    for name in ("form", "rooming list", "itinerary"):
        if at["room"] and at["room"] not in printouts[name]:
            missing.append(f"room {at['room']!r} not on the {name}")
    for name in ("form", "itinerary", "run sheet", "airport sheet"):
        # A plate wraps at its hyphen in a narrow column ("29A-" over "DEMO1").
        if at["vehicle"] and at["vehicle"] not in printouts.get(name, "").replace("- ", "-"):
            missing.append(f"vehicle {at['vehicle']!r} not on the {name}")
    assert not missing, "\n".join(missing)


def test_check_what_protocol_assigned_agrees_on_the_form_rooming_list_and_itinerary(cast, report, stage):
    """The hotel, room, vehicle, liaison officer and interpreter protocol assigned in the admin are the
    same on the delegation's form, the hotel's rooming list and the delegation's itinerary."""
    housed = stage.housed
    protocol = cast("protocol")
    base = f"{stage.url}/admin/delegations"
    found = {}
    for name, url in {
        "itinerary": f"{base}/delegation/{housed['delegation']}/itinerary.pdf?lang=en",
        "rooming list": f"{base}/hotel/{housed['hotel']}/rooming-list.pdf?lang=en",
    }.items():
        response = protocol.page.request.get(url)
        assert response.status == 200, f"{name}: {url} answered {response.status}"
        title = f"{name.capitalize()} after assignment"
        report.pdf(response.body(), f"assigned-{name.replace(' ', '-')}", title, pages=1)
        found[name] = texts.pdf_text(response.body()).replace("- ", "-")
    protocol.go(f"/admin/delegations/delegation/{housed['delegation']}/change/")
    found["form"] = protocol.page.locator("#content-main").inner_text() + " ".join(
        protocol.page.locator("#content-main select").evaluate_all(
            "els => els.map(e => [...e.selectedOptions].map(o => o.text).join(' '))"
        )
    )
    plate = housed["vehicle"].split(" ")[0]
    expected = {
        "hotel": (housed["hotel_name"], ("form", "rooming list", "itinerary")),
        "room": (housed["room"], ("form", "rooming list", "itinerary")),
        "vehicle": (plate, ("form", "itinerary")),
        "liaison officer": (housed["officer"], ("form", "itinerary")),
        # The itinerary names the interpreters; the run sheet (the officer's day) and the lists do not.
        "interpreter": (housed["interpreter"], ("form", "itinerary")),
    }
    report.note(f"Looked for { ({k: v[0] for k, v in expected.items()}) } on {sorted(found)}")
    missing = [f"{what} {value!r} not on the {name}" for what, (value, names) in expected.items()
               for name in names if value not in found[name]]  # fmt: skip
    assert not missing, "\n".join(missing)


def test_check_head_of_delegation_on_each_printout(cast, report, stage):
    """The head of delegation is named on each printout: itinerary, rooming list, run sheet,
    airport sheet and delegation list."""
    at = located_delegation(stage)
    printouts = collect_printouts(cast, report, stage)
    missing = [
        name
        for name in ("itinerary", "rooming list", "run sheet", "airport sheet", "delegation list")
        if at["head_family"] not in printouts.get(name, "") or at["head_given"] not in printouts.get(name, "")
    ]
    assert missing == [], f"{at['head_family']} {at['head_given']} missing on: {missing}"


def test_check_printouts_name_a_movement_alike_in_english(cast, report, stage):
    """The English printouts name a movement alike: the run sheet says "Arrival" as the airport
    sheet and the itinerary do, never the Vietnamese "Đến"."""
    printouts = collect_printouts(cast, report, stage)
    assert "Arrival" in printouts["airport sheet"]
    problems = [name for name in ("run sheet", "itinerary", "airport sheet") if "Đến" in printouts[name]]
    problems += [name for name in ("run sheet",) if "Arrival" not in printouts[name]]
    assert not problems, f"'Đến' or no 'Arrival' on the English {problems}"


def test_check_counted_figures_agree_everywhere(cast, report, stage):
    """Every counted figure is the same on the home page, the expo fact sheet, the results page
    and the day's briefing."""
    reader = cast("reader-en", login=False)
    reader.go("/en/")
    report.screenshots(reader.page, "home-en", "Home page (en)")
    counted = {}
    for figure in reader.page.locator(".figure--counted").all():
        counted[figure.locator(".figure__label").inner_text().strip()] = figure.locator(".figure__value").inner_text()
    assert "meetings held" in counted and "agreements made public" in counted, counted
    sheet = reader.page.request.get(f"{stage.url}/en/factsheet.pdf")
    assert sheet.status == 200
    report.pdf(sheet.body(), "factsheet-en", "Expo fact sheet (en)", pages=1)
    sheet_lines = texts.pdf_text(sheet.body(), layout=True).splitlines()
    counted_at = next(i for i, line in enumerate(sheet_lines) if "Counted in our records" in line)
    # The counted figures' boxes, a row of values over a row of labels, up to the next heading.
    sheet_values = []
    for line in sheet_lines[counted_at + 1 :]:
        if line.strip() and not line.startswith("  "):
            break
        if line.split() and all(re.fullmatch(r"[\d.,]+", token) for token in line.split()):
            sheet_values += line.split()
    reader.go("/en/results/")
    report.screenshots(reader.page, "results-en", "Results page (en)")
    results = {}
    for li in reader.page.locator(".results-figures li").all():
        value = li.locator(".results-figure").inner_text().strip()
        results[" ".join(li.inner_text().replace(value, "", 1).split())] = value
    briefing = " ".join(stage.briefing["en"].split())
    report.note(f"home page {counted}\nfact sheet {sheet_values}\nresults page {results}")
    disagreements = []
    if sheet_values != list(counted.values()):
        disagreements.append(f"home page {list(counted.items())}; fact sheet {sheet_values}")
    for label in ("meetings held", "agreements made public"):
        if results.get(label) != counted[label]:
            disagreements.append(f"home page {counted[label]} {label}; results page {results.get(label)}")
    if f"Meetings held {counted['meetings held']}" not in briefing:
        disagreements.append(f"home page {counted['meetings held']} meetings held; not so on the briefing")
    if f"Total value disclosed {counted['agreements made public']}" not in briefing:
        disagreements.append(f"home page {counted['agreements made public']} agreements; not so on the briefing")
    assert not disagreements, "\n".join(disagreements)


def test_check_press_kit_holds_the_new_release(stage, report):
    """The press kit (built by the worker) holds the new release in each language."""
    import io
    import time
    import urllib.error
    import zipfile

    deadline = time.monotonic() + 240
    for lang in ("en", "vi"):
        names = []
        while time.monotonic() < deadline:
            try:
                names = zipfile.ZipFile(io.BytesIO(get(f"{stage.url}/{lang}/press/kit.zip").body)).namelist()
            except urllib.error.HTTPError as error:
                assert error.code == 503, error
            if any("press-rehearsal-opening-day" in name for name in names):
                break
            time.sleep(3)
        assert any("press-rehearsal-opening-day" in name for name in names), f"{lang} kit: {names[:20]}"
        report.note(f"{lang} kit: {[name for name in names if 'press-rehearsal' in name]}")


def test_check_nothing_untranslated_is_published_or_mailed_silently(cast, report, stage):
    """A release written in Vietnamese only: its author was warned on saving it; on /en/ it says
    that it is available in Vietnamese only; an English mail about it says so in its subject."""
    problems = []
    if not stage.vi_only_warning:
        problems.append("the author was not warned that the English text is missing")
    reader = cast("reader-en", login=False)
    response = reader.page.goto(f"{stage.url}/en/press/releases/{VI_ONLY['slug']}/")
    if response.status == 200:
        report.screenshots(reader.page, "release-vi-only-en", "The Vietnamese-only release on /en/")
        if "available in Vietnamese only" not in reader.page.locator("main").inner_text():
            problems.append("/en/ shows the Vietnamese-only release without saying so")
    elif response.status != 404:
        problems.append(f"/en/ answered {response.status}")
    english = stage.mailbox.wait_for(lambda item: JOURNALISTS["en"]["email"] in item["to"], what="mail")
    for item in english:
        subject = str(item["message"]["Subject"])
        if VI_ONLY["title_vi"] in subject and "Vietnamese only" not in subject:
            problems.append(f"{item['path'].name}: mailed in Vietnamese to an English reader without saying so")
    assert not problems, "\n".join(problems)


def test_check_every_mail_is_in_its_recipients_language_with_working_links(stage, report):
    """Every e-mail that reached the SMTP server is in its recipient's language with no text of the
    other language, no HTML entity, no glued words, and every link in it answers."""
    problems = []
    stage.press_addresses = [who["email"] for who in JOURNALISTS.values()]
    assert stage.mailbox.received, "no mail reached the SMTP server"
    for item in stage.mailbox.received:
        problems += texts.mail_problems(item, stage)
    for item in stage.mailbox.received:
        message = item["message"]
        report.note(f"{item['path'].name} [{message['Content-Language']}] {str(message['Subject']).strip()}")
    report.artefact(stage.report_dir / "mail", f"{len(stage.mailbox.received)} messages as received (.eml)")
    assert not problems, "\n".join(problems)
