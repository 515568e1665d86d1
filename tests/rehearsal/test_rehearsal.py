"""The rehearsal: the whole show once, end to end, through the production topology (gunicorn,
the django-tasks worker, PostgreSQL, Redis, a real SMTP server), in a real browser, by role and
in both languages; then every output is cross-checked against the others (docs/rehearsal.md).

The tests run in file order and share one stage: each step leaves what the next one uses.
`make rehearsal` runs this module alone; the report is written to var/rehearsal/<time>/.
"""

import re
import urllib.parse

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.rehearsal import texts
from tests.rehearsal.stage import LOCATE, get

# Every test asks for the same fixtures (the browser included): pytest groups tests by the
# browser's session parameter, and a test without it would be moved away from its module's steps.
pytestmark = pytest.mark.usefixtures("stage", "cast", "report")

JOURNALISTS = {
    "vi": {"name": "Nguyễn Thị Hồng Nhung", "outlet": "Báo Quân đội Nhân dân", "country": "VN",
           "email": "hongnhung@qdnd.example.vn", "phone": "+84 24 3747 0000", "card": "BC-VN-2024-17"},
    "en": {"name": "Jane Fielding", "outlet": "Defence Weekly", "country": "GB",
           "email": "jane.fielding@defenceweekly.example.com", "phone": "+44 20 7946 0000", "card": "NUJ-55102"},
}  # fmt: skip


def test_step_journalists_apply_in_vietnamese_and_in_english(cast, report, tmp_path_factory):
    """Two journalists apply for accreditation on the public form, one in Vietnamese and one in English."""
    photo = tmp_path_factory.mktemp("photo") / "badge.jpg"
    Image.new("RGB", (600, 800), (40, 90, 60)).save(photo, "JPEG")
    for lang, who in JOURNALISTS.items():
        role = cast(f"journalist-{lang}", locale="vi-VN" if lang == "vi" else "en-GB", login=False)
        page = role.page
        role.go(f"/{lang}/press/accreditation/")
        page.fill("#id_name", who["name"])
        page.fill("#id_outlet", who["outlet"])
        page.select_option("#id_country", who["country"])
        page.select_option("#id_role", index=1)
        page.fill("#id_email", who["email"])
        page.fill("#id_phone", who["phone"])
        page.fill("#id_press_card_number", who["card"])
        page.set_input_files("#id_photo", str(photo))
        for consent in page.locator("form.press-form input[type=checkbox]").all():
            consent.check()  # the consent to the processing of personal data, where the form asks it
        report.screenshots(page, f"accreditation-form-{lang}", f"Accreditation form filled in ({lang})")
        page.locator("form.press-form button[type=submit]").click()
        expect(page).to_have_url(re.compile(rf"/{lang}/press/accreditation/status/[^/]+/$"))
        expect(page.locator("main")).to_contain_text(texts.PENDING[lang])
        report.screenshots(page, f"accreditation-status-{lang}", f"Private status page ({lang})")


def test_step_press_office_approves_both_journalists(cast, report, stage):
    """The press office ticks both applications in the admin and approves them; each journalist is
    mailed the confirmation and then the decision, through the task worker and the SMTP server."""
    press = cast("press")
    page = press.page
    press.go("/admin/press/mediaaccreditation/")
    for who in JOURNALISTS.values():
        page.locator("#result_list tr", has_text=who["name"]).locator("input.action-select").check()
    page.select_option("select[name=action]", "approve")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    report.screenshots(page, "accreditations-approved", "Accreditations after approval (admin)")
    for who in JOURNALISTS.values():
        stage.mailbox.wait_for(lambda item, a=who["email"]: a in item["to"] and len(stage.mailbox.to(a)) >= 2,
                               what=f"the confirmation and decision to {who['email']}")  # fmt: skip


ACCESSIBILITY = {
    "vi": "Lối đi cho xe lăn ở cổng số 1; nhà vệ sinh cho người khuyết tật cạnh nhà triển lãm A.",
    "en": "Wheelchair access at gate 1; accessible toilets beside hall A.",
}


def test_step_content_editor_fills_the_visitor_information(cast, report, stage):
    """A content editor fills the accessibility section of the visitor information in both
    languages and marks it confirmed; it appears on /vi/visit/ and /en/visit/."""
    editor = cast("editor")
    page = editor.page
    editor.go("/admin/expo/edition/")
    page.locator("#result_list tbody tr th a").first.click()
    page.wait_for_url("**/change/")
    index = page.evaluate(
        """() => [...document.querySelectorAll("select[id$='-topic']")]
               .find(s => s.value === "accessibility").id.match(/-(\\d+)-topic$/)[1]"""
    )
    prefix = f"id_visitor_info-{index}"
    for lang in ("vi", "en"):
        tab = page.locator(f"a[href='#tab_{prefix}-body_{lang}']")
        if tab.count():
            tab.click()
        page.fill(f"#{prefix}-body_{lang}", ACCESSIBILITY[lang])
    page.uncheck(f"#{prefix}-to_be_filled")
    report.screenshots(page, "visitor-info-admin", "Content editor fills the accessibility section")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    reader = cast("reader-en", login=False)
    for lang in ("vi", "en"):
        reader.go(f"/{lang}/visit/")
        expect(reader.page.locator("main")).to_contain_text(ACCESSIBILITY[lang])
        report.screenshots(reader.page, f"visit-{lang}", f"Visitor information ({lang})")


KEY_VISUAL_ALT = {
    "vi": "Tàu tuần tra và máy bay tiêm kích trên bầu trời Hà Nội lúc bình minh: áp phích diễn tập.",
    "en": "A patrol boat and a fighter jet in the Hanoi sky at dawn: the rehearsal poster.",
}


def _poster(width=1920, height=1080):
    """A poster-like picture of a realistic weight (a sky, a sea, shapes and grain), not a flat colour."""
    from PIL import ImageDraw

    sky = Image.linear_gradient("L").resize((width, height))
    grain = Image.effect_noise((width, height), 28)
    picture = Image.merge("RGB", (Image.blend(sky, grain, 0.25), Image.blend(sky.rotate(180), grain, 0.2), sky))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, height * 2 // 3, width, height), fill=(20, 60, 110))
    draw.polygon([(300, 760), (900, 760), (820, 840), (380, 840)], fill=(90, 96, 90))
    draw.polygon([(1200, 300), (1500, 250), (1520, 270), (1240, 330)], fill=(60, 64, 70))
    draw.ellipse((1560, 120, 1720, 280), fill=(250, 210, 120))
    return picture


def test_step_content_editor_uploads_the_key_visual(cast, report, stage, tmp_path_factory):
    """A content editor uploads a new key visual for the current edition (a 1920×1080 JPEG) and says
    what it shows in both languages; the home page shows it in vi and in en, and the picture answers."""
    import io

    path = tmp_path_factory.mktemp("key-visual") / "vide-2024-poster.jpg"
    _poster().save(path, "JPEG", quality=90)
    report.note(f"Uploaded {path.name}: 1920×1080 JPEG, {path.stat().st_size // 1024} KB")
    editor = cast("editor")
    page = editor.page
    editor.go("/admin/expo/edition/?is_current__exact=1")
    page.locator("#result_list tbody tr th a").first.click()
    page.wait_for_url(re.compile(r"/admin/expo/edition/\d+/change/"))
    page.set_input_files("#id_key_visual", str(path))
    for lang in ("vi", "en"):
        tab = page.locator(f"a[href='#tab_id_key_visual_alt_{lang}']")
        if tab.count():
            tab.click()
        page.fill(f"#id_key_visual_alt_{lang}", KEY_VISUAL_ALT[lang])
    report.screenshots(page, "key-visual-admin", "Content editor uploads the key visual")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    reader = cast("reader-en", login=False)
    for lang in ("vi", "en"):
        reader.go(f"/{lang}/")
        image = reader.page.locator(".hero__visual img")
        expect(image).to_have_attribute("alt", KEY_VISUAL_ALT[lang])
        src = image.get_attribute("src")
        assert "/key-visuals/" in src, f"/{lang}/ shows {src}, not the uploaded key visual"
        # The browser drew it (not blocked, not broken), and its address answers with the picture.
        reader.page.wait_for_function("() => document.querySelector('.hero__visual img').naturalWidth > 0")
        response = reader.page.request.get(urllib.parse.urljoin(reader.page.url, src))
        assert response.status == 200, f"{src} answered {response.status}"
        assert Image.open(io.BytesIO(response.body())).size == (1920, 1080)
        report.screenshots(reader.page, f"home-key-visual-{lang}", f"Home page with the new key visual ({lang})")


RELEASE = {
    "title_vi": "Diễn tập báo chí: lịch trình ngày khai mạc",
    "title_en": "Press rehearsal: the opening day's schedule",
    "body_vi": "Ban tổ chức công bố lịch trình ngày khai mạc triển lãm.",
    "body_en": "The organisers announce the schedule of the opening day.",
}
WORD_TABLE = (
    "<!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->"
    '<table class="MsoTableGrid" border="1" style="border-collapse:collapse;mso-yfti-tbllook:1184">'
    '<tr><td><p class="MsoNormal"><b><span lang="VI">Giờ</span></b><o:p></o:p></p></td>'
    '<td><p class="MsoNormal"><b>Nội dung</b><o:p></o:p></p></td></tr>'
    '<tr><td><p class="MsoNormal">08:00</p></td><td><p class="MsoNormal">Lễ khai mạc<o:p></o:p></p></td></tr>'
    '<tr><td><p class="MsoNormal">10:30</p></td><td><p class="MsoNormal">Trình diễn bay&nbsp;<o:p></o:p></p></td></tr>'
    "</table>"
)
PASTE = """([html]) => {
  const data = new DataTransfer();
  data.setData("text/html", html);
  data.setData("text/plain", "Giờ\\tNội dung\\n08:00\\tLễ khai mạc\\n10:30\\tTrình diễn bay");
  const paste = new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true});
  document.activeElement.dispatchEvent(paste);
}"""
EMBARGO_SECONDS = 45


def test_step_press_office_writes_a_release_under_embargo(cast, report, stage):
    """The press office writes a release in both languages in the rich-text editor by typing
    (keystrokes), pastes a table from a Word-like HTML clipboard, and sets an embargo a little
    over a minute ahead: the release is not public yet."""
    import datetime

    press = cast("press")
    page = press.page
    press.go("/admin/press/pressrelease/add/")
    for lang in ("vi", "en"):
        page.locator(f"a[href='#tab_id_title_{lang}']").click()
        page.fill(f"#id_title_{lang}", RELEASE[f"title_{lang}"])
        page.locator(f"a[href='#tab_id_body_{lang}']").click()
        page.locator(f"#tab_id_body_{lang} [contenteditable=true]").click()
        page.keyboard.type(RELEASE[f"body_{lang}"])
        page.keyboard.press("Enter")
        if lang == "vi":
            page.evaluate(PASTE, [WORD_TABLE])
    page.fill("#id_slug", "press-rehearsal-opening-day")
    stage.embargo = stage.now().replace(microsecond=0) + datetime.timedelta(seconds=EMBARGO_SECONDS)
    page.fill("#id_publish_at_0", stage.embargo.strftime("%d/%m/%Y"))
    page.fill("#id_publish_at_1", stage.embargo.strftime("%H:%M:%S"))
    report.screenshots(page, "release-editor", "Release typed in the editor, table pasted, embargo set")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    report.screenshots(page, "release-saved", "Release list: the new release under embargo")
    anonymous = cast("reader-en", login=False)
    response = anonymous.page.goto(f"{stage.url}/en/press/")
    assert response.status == 200
    expect(anonymous.page.locator("main")).not_to_contain_text(RELEASE["title_en"])


MINISTRY_HEADERS = [
    "Quốc gia", "Cơ quan", "Loại đoàn", "Cấp đoàn", "Vai trò", "Họ", "Tên", "Cấp bậc", "Chức vụ", "Giới tính",
    "Quốc tịch", "Số hộ chiếu", "Ngày sinh", "Thư điện tử", "Điện thoại", "Thời gian đến", "Chuyến bay đến",
    "Thời gian đi", "Chuyến bay đi",
]  # fmt: skip
MINISTRY_ROWS = [
    ["Ai-xơ-len", "Lực lượng Tuần duyên Ai-xơ-len", "international", "Bộ trưởng", "head", "Jónsdóttir", "Sigríður",
     "", "Tư lệnh", "nữ", "IS", "A1234567", "05/03/1968", "sigridur@lhg.example.is", "+354 545 2000",
     "18/12/2024 10:40", "FI552", "22/12/2024 16:05", "FI553"],
    ["Ai-xơ-len", "Lực lượng Tuần duyên Ai-xơ-len", "international", "Bộ trưởng", "member", "Magnússon", "Einar",
     "", "Sĩ quan tùy tùng", "nam", "IS", "A7654321", "21/11/1979", "", "", "18/12/2024 10:40", "FI552",
     "22/12/2024 16:05", "FI553"],
]  # fmt: skip


def test_step_protocol_imports_the_ministrys_spreadsheet(cast, report, tmp_path_factory):
    """Protocol imports a spreadsheet written the way the ministry writes one: Vietnamese column
    headers, the MOFA country spelling ("Ai-xơ-len"), day-first dates; preview, then confirm."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(MINISTRY_HEADERS)
    for row in MINISTRY_ROWS:
        workbook.active.append(row)
    path = tmp_path_factory.mktemp("import") / "danh-sach-doan.xlsx"
    workbook.save(path)
    protocol = cast("protocol")
    page = protocol.page
    protocol.go("/admin/delegations/delegation/import/")
    page.set_input_files("input[type=file]", str(path))
    page.locator("input[type=submit]").last.click()
    report.screenshots(page, "import-preview", "Import preview of the ministry's spreadsheet")
    confirm = page.locator("input[name=confirm]")
    expect(confirm).to_be_visible()
    expect(page.locator("#content-main")).to_contain_text("Iceland")
    confirm.click()
    expect(page.locator(".messagelist")).to_be_visible()
    protocol.go("/admin/delegations/delegation/?q=tuan+duyen")
    expect(page.locator("#result_list")).to_contain_text("Iceland")
    report.screenshots(page, "import-done", "The imported delegation in the delegation list")


def _autocomplete(page, container, text, pick=None):
    """Search `text` in an admin autocomplete (select2) field and choose the first option matching
    `pick` (a pattern; `text` by default); returns the option's text.

    It waits for the answer to this very search: the list opened before it (every row, "Arjun
    Sharma" first) stays on screen under "Searching…" until then, and a click there picks a stranger."""

    def answers_the_search(response):
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(response.url).query)
        return "/admin/autocomplete/" in response.url and query.get("term", [""]) == [text]

    with page.expect_response(answers_the_search):
        container.locator(".select2-selection").first.click()
        if text:
            page.locator(".select2-search__field").last.fill(text)
    expect(page.locator(".select2-results__option.loading-results")).to_have_count(0)
    options = page.locator(".select2-results__option:not(.loading-results)")
    option = options.filter(has_text=re.compile(pick or text or ".", re.I)).first
    expect(option).to_be_visible()
    chosen = option.inner_text()
    option.click()
    return chosen


def test_step_protocol_houses_drives_and_looks_after_the_imported_delegation(cast, report, stage):
    """Protocol gives the imported delegation's head a room on a hotel's rooming list, a vehicle for
    her arrival on the delegation's form, and a liaison officer and an interpreter with the list's
    action, in the admin."""
    protocol = cast("protocol")
    page = protocol.page
    protocol.go("/admin/delegations/hotel/")
    page.locator("#result_list tbody tr th a").first.click()
    page.wait_for_url("**/change/")
    stage.housed = {"hotel": page.url.rstrip("/").split("/")[-2], "hotel_name": page.input_value("#id_name")}
    stage.housed["room"] = "1207"
    page.locator("tr.add-row a, .add-row a").first.click()
    row = page.locator("tr.dynamic-rooms").last
    _autocomplete(page, row, "dottir", pick=".")  # found accent-insensitively, shown as "Jónsdóttir"
    row.locator("input[name$='-room']").fill(stage.housed["room"])
    row.locator("input[name$='-check_in']").fill("18/12/2024")
    row.locator("input[name$='-check_out']").fill("22/12/2024")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    report.screenshots(page, "rooming-admin", "A room for the imported delegation's head on the rooming list")

    protocol.go("/admin/delegations/delegation/?q=tuan+duyen")
    stage.housed["delegation"] = page.locator("#result_list tbody tr input.action-select").first.get_attribute("value")
    protocol.go(f"/admin/delegations/delegation/{stage.housed['delegation']}/change/")
    movement = page.locator(".inline-related", has=page.locator("select[name$='-vehicle']")).first
    stage.housed["vehicle"] = _autocomplete(page, movement.locator(".field-vehicle").first, "")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    protocol.go("/admin/delegations/delegation/?q=tuan+duyen")
    page.locator("#result_list tbody tr").first.locator("input.action-select").check()
    page.select_option("select[name=action]", "assign_people_action")
    page.locator("button[name=index]").click()
    page.select_option("#id_liaison_officer", index=1)
    stage.housed["officer"] = page.locator("#id_liaison_officer option:checked").inner_text().split(" — ")[0]
    interpreter = page.locator("label:has(input[name=interpreters])").first
    interpreter.locator("input").check()
    stage.housed["interpreter"] = interpreter.inner_text().split(": ", 1)[-1].strip()  # "English, French: name"
    report.screenshots(page, "assign-people", "A liaison officer and an interpreter for the imported delegation")
    page.locator("[name=apply]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    report.note(f"Assigned in the admin: {stage.housed}")


EXHIBITOR = {"name": "Công ty Diễn tập Quang điện tử", "slug": "dien-tap-quang-dien-tu"}
EXHIBIT = {
    "slug": "dien-tap-kinh-ngam-dem",
    "name_vi": "Kính ngắm đêm diễn tập DT-7",
    "name_en": "DT-7 rehearsal night sight",
    "summary_vi": "Kính ngắm ảnh nhiệt cho súng bộ binh, tầm nhìn 1.200 m.",
    "summary_en": "Thermal sight for infantry weapons, 1,200 m range.",
}


def test_step_content_editor_enters_an_exhibitor_and_an_exhibit(cast, report, stage):
    """A content editor adds an exhibitor and one of its exhibits (both languages, published) in
    the admin; both pages open on the public site in each language."""
    editor = cast("editor")
    page = editor.page
    editor.go("/admin/exhibitors/exhibitor/add/")
    page.fill("#id_name", EXHIBITOR["name"])
    page.fill("#id_slug", EXHIBITOR["slug"])
    page.select_option("#id_country", "VN")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    editor.go("/admin/exhibitors/product/add/")
    _autocomplete(page, page.locator(".field-exhibitor"), "Diễn tập")
    _autocomplete(page, page.locator(".field-category"), "", pick=".")
    for lang in ("vi", "en"):
        for field in ("name", "summary"):
            tab = page.locator(f"a[href='#tab_id_{field}_{lang}']")
            if tab.count():
                tab.click()
            page.fill(f"#id_{field}_{lang}", EXHIBIT[f"{field}_{lang}"])
    page.fill("#id_slug", EXHIBIT["slug"])
    page.check("#id_is_published")
    report.screenshots(page, "exhibit-admin", "A content editor enters an exhibit")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    reader = cast("reader-en", login=False)
    for lang in ("vi", "en"):
        reader.go(f"/{lang}/exhibits/{EXHIBIT['slug']}/")
        expect(reader.page.locator("h1")).to_have_text(EXHIBIT[f"name_{lang}"])
        expect(reader.page.locator("main")).to_contain_text(EXHIBITOR["name"])
        # The exhibitor's page, by the exhibit page's link to it.
        reader.page.locator("main").get_by_role("link", name=EXHIBITOR["name"]).first.click()
        expect(reader.page.locator("h1")).to_have_text(EXHIBITOR["name"])
        expect(reader.page.locator("main")).to_contain_text(EXHIBIT[f"name_{lang}"])
        report.screenshots(reader.page, f"exhibitor-{lang}", f"The new exhibitor's page ({lang})")


AGREEMENT = {
    "title_vi": "Biên bản ghi nhớ diễn tập về bảo dưỡng tàu tuần tra",
    "title_en": "Rehearsal memorandum on patrol-boat maintenance",
    "party_a_vi": "Lực lượng Tuần duyên Ai-xơ-len",
    "party_a_en": "Icelandic Coast Guard",
    "party_b_vi": "Công ty Diễn tập Quang điện tử",
    "party_b_en": "Rehearsal Optronics Company",
}


def test_step_protocol_requests_and_schedules_a_meeting_and_an_agreement_is_disclosed(cast, report, stage):
    """Protocol requests a meeting for the imported delegation with an exhibitor, records it
    accepted and places it with the scheduler; an agreement from it is entered as public, a second
    organiser approves its publication, and it is on the results page in both languages."""
    protocol = cast("protocol")
    page = protocol.page
    protocol.go("/admin/meetings/meetingrequest/add/")
    _autocomplete(page, page.locator(".field-delegation"), "tuan duyen", pick=".")
    _autocomplete(page, page.locator(".field-counterpart_exhibitor"), "Diễn tập")
    page.fill("#id_subject", "Bảo dưỡng tàu tuần tra")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    protocol.go("/admin/meetings/meetingrequest/?q=tuan+duyen")
    page.locator("#result_list tbody tr").first.locator("input.action-select").check()
    page.select_option("select[name=action]", "mark_accepted")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    protocol.go("/admin/meetings/meetingrequest/schedule/")
    page.locator("form input[type=submit].default").click()
    expect(page.locator(".messagelist")).to_be_visible()
    report.screenshots(page, "meetings-scheduled", "The scheduler placed the accepted requests")
    protocol.go("/admin/meetings/meeting/?q=tuan+duyen")
    expect(page.locator("#result_list tbody tr")).to_have_count(1)

    protocol.go("/admin/meetings/agreement/add/")
    page.select_option("#id_edition", label="VIDE (demo)")
    for field, value in AGREEMENT.items():
        page.fill(f"#id_{field}", value)
    page.fill("#id_signed_on", "19/12/2024")
    page.select_option("#id_disclosure", "public")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .warning")).to_be_visible()  # saved, awaiting a second organiser
    approver = cast("protocol2")
    approver.go("/admin/meetings/agreement/?q=diễn+tập")
    approver.page.locator("#result_list tbody tr").first.locator("input.action-select").check()
    approver.page.select_option("select[name=action]", "approve")
    approver.page.locator("button[name=index]").click()
    expect(approver.page.locator(".messagelist .success")).to_be_visible()
    reader = cast("reader-en", login=False)
    for lang in ("vi", "en"):
        reader.go(f"/{lang}/results/")
        expect(reader.page.locator("main")).to_contain_text(AGREEMENT[f"title_{lang}"])
        report.screenshots(reader.page, f"results-{lang}", f"Results with the new agreement ({lang})")


def test_step_protocol_invites_and_a_second_organiser_approves(cast, report, stage):
    """One protocol officer invites a draft delegation; a second protocol officer reviews the
    message in the outbox and approves it; the worker sends it through the SMTP server with the
    bilingual letter attached."""
    protocol = cast("protocol")
    page = protocol.page
    protocol.go("/admin/delegations/delegation/?status__exact=draft")
    row = page.locator("#result_list tbody tr").first
    stage.invited = row.locator("th a, td a").first.inner_text()
    row.locator("input.action-select").check()
    page.select_option("select[name=action]", "invite")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    report.screenshots(page, "invited", "Delegation invited: the message waits for a second organiser")
    before = len(stage.mailbox.received)
    reviewer = cast("protocol2")
    reviewer.go("/admin/outbox/message/?status__exact=draft")
    first = reviewer.page.locator("#result_list tbody tr").first
    first.locator("input.action-select").check()
    reviewer.page.select_option("select[name=action]", "approve")
    reviewer.page.locator("button[name=index]").click()
    # The reviewer sees each message as it will be sent, then approves exactly that.
    confirm = reviewer.page.locator("main [type=submit]").first
    expect(confirm).to_be_visible()
    report.screenshots(reviewer.page, "invitation-review", "Second organiser reviews the invitation as it will be sent")
    confirm.click()
    expect(reviewer.page.locator(".messagelist")).to_be_visible()
    report.screenshots(reviewer.page, "invitation-approved", "Second organiser approved the invitation")
    found = stage.mailbox.wait_for(
        lambda item: (
            stage.mailbox.received.index(item) >= before
            and any(part.get_content_type() == "application/pdf" for part in item["message"].iter_attachments())
        ),
        what="the invitation with its letter",
    )
    letter = next(p for p in found[-1]["message"].iter_attachments() if p.get_content_type() == "application/pdf")
    report.pdf(letter.get_content(), "invitation-letter", "Invitation letter as mailed", pages=2)


VI_ONLY = {
    "slug": "press-rehearsal-vietnamese-only",
    "title_vi": "Diễn tập báo chí: thông báo chỉ có tiếng Việt",
    "body_vi": "Thông báo này chỉ được viết bằng tiếng Việt.",
}


def test_step_press_office_publishes_a_release_in_vietnamese_only(cast, report, stage):
    """The press office publishes a release written in Vietnamese only (no English title or text)."""
    import datetime

    press = cast("press")
    page = press.page
    press.go("/admin/press/pressrelease/add/")
    page.locator("a[href='#tab_id_title_vi']").click()
    page.fill("#id_title_vi", VI_ONLY["title_vi"])
    page.locator("a[href='#tab_id_body_vi']").click()
    page.locator("#tab_id_body_vi [contenteditable=true]").click()
    page.keyboard.type(VI_ONLY["body_vi"])
    page.fill("#id_slug", VI_ONLY["slug"])
    now = stage.now() - datetime.timedelta(minutes=1)
    page.fill("#id_publish_at_0", now.strftime("%d/%m/%Y"))
    page.fill("#id_publish_at_1", now.strftime("%H:%M:%S"))
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    stage.vi_only_warning = page.locator(".messagelist .warning").all_inner_texts()
    report.screenshots(page, "release-vi-only-saved", "A release saved in Vietnamese only: what the author is told")


def test_step_the_embargo_lifts(cast, report, stage):
    """When the embargo time passes, the release is on the site in both languages, and the
    worker mails it to both accredited journalists, each in their language."""
    import time

    wait = (stage.embargo - stage.now()).total_seconds()
    if wait > 0:
        time.sleep(wait + 1)
    reader = cast("reader-en", login=False)
    for lang in ("vi", "en"):
        reader.go(f"/{lang}/press/")
        reader.page.get_by_role("link", name=RELEASE[f"title_{lang}"]).first.click()
        expect(reader.page.locator("h1")).to_have_text(RELEASE[f"title_{lang}"])
        report.screenshots(reader.page, f"release-{lang}", f"The release after the embargo ({lang})")
        stage.release_pages = getattr(stage, "release_pages", {})
        stage.release_pages[lang] = reader.page.locator("main").inner_text()
        stage.release_tables = getattr(stage, "release_tables", {})
        stage.release_tables[lang] = reader.page.locator("main table tr").evaluate_all(
            "rows => rows.map(r => [...r.cells].map(c => c.innerText.trim()))"
        )
    for who in JOURNALISTS.values():
        stage.mailbox.wait_for(
            lambda item, a=who["email"]: a in item["to"] and "press-rehearsal" in texts.body_text(item["message"]),
            timeout=90,
            what=f"the release mailed to {who['email']}",
        )


def test_step_the_days_briefing_is_printed(cast, report, stage):
    """The press office prints the day's results briefing for the press conference, in both languages."""
    reader = cast("reader-en", login=False)
    stage.briefing = {}
    for lang in ("vi", "en"):
        response = reader.page.request.get(f"{stage.url}/{lang}/results/briefing.pdf?day=22/12/2024")
        assert response.status == 200 and response.body().startswith(b"%PDF")
        report.pdf(response.body(), f"briefing-{lang}", f"Daily briefing 22/12/2024 ({lang})", pages=2)
        stage.briefing[lang] = texts.pdf_text(response.body())


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


def _located(stage):
    import json

    if not hasattr(stage, "located"):
        stage.located = json.loads(stage.manage("shell", "-c", LOCATE).strip().splitlines()[-1])
    return stage.located


def _printouts(cast, report, stage):
    """The protocol printouts of the located delegation, as text, printed once."""
    if hasattr(stage, "printouts"):
        return stage.printouts
    at = _located(stage)
    protocol = cast("protocol")
    base = f"{stage.url}/admin/delegations"
    urls = {
        "itinerary": f"{base}/delegation/{at['delegation']}/itinerary.pdf?lang=en",
        "rooming list": f"{base}/hotel/{at['hotel']}/rooming-list.pdf?lang=en",
        "airport sheet": f"{base}/delegation/print/movements.pdf?lang=en",
        "delegation list": f"{base}/delegation/print/list.pdf?lang=en",
    }
    if at["officer"] and at["day"]:
        urls["run sheet"] = f"{base}/liaisonofficer/{at['officer']}/run-sheet.pdf?day={at['day']}&lang=en"
    stage.printouts = {}
    for name, url in urls.items():
        response = protocol.page.request.get(url)
        assert response.status == 200, f"{name}: {url} answered {response.status}"
        report.pdf(response.body(), name.replace(" ", "-"), f"{name.capitalize()} (en)", pages=1)
        stage.printouts[name] = texts.pdf_text(response.body())
    protocol.go(f"/admin/delegations/delegation/{at['delegation']}/change/")
    report.screenshots(protocol.page, "delegation-form", "The delegation's form")
    stage.printouts["form"] = protocol.page.locator("#content-main").inner_text() + " ".join(
        protocol.page.locator("#content-main input, #content-main select").evaluate_all(
            "els => els.map(e => e.tagName === 'SELECT' ? (e.selectedOptions[0]?.text || '') : e.value)"
        )
    )
    return stage.printouts


def test_check_hotel_room_and_vehicle_agree_on_every_printout(cast, report, stage):
    """The hotel, room and vehicle of the head of a delegation are the same on the delegation's
    form, the rooming list, the itinerary, the run sheet and the airport sheet."""
    at = _located(stage)
    printouts = _printouts(cast, report, stage)
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
    at = _located(stage)
    printouts = _printouts(cast, report, stage)
    missing = [
        name
        for name in ("itinerary", "rooming list", "run sheet", "airport sheet", "delegation list")
        if at["head_family"] not in printouts.get(name, "") or at["head_given"] not in printouts.get(name, "")
    ]
    assert missing == [], f"{at['head_family']} {at['head_given']} missing on: {missing}"


def test_check_printouts_name_a_movement_alike_in_english(cast, report, stage):
    """The English printouts name a movement alike: the run sheet says "Arrival" as the airport
    sheet and the itinerary do, never the Vietnamese "Đến"."""
    printouts = _printouts(cast, report, stage)
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
