"""A press officer types a release in the admin's editor under the CSP; readers see it wrap on a phone."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from model_bakery import baker
from playwright.sync_api import expect

from press.models import PressRelease
from tests.browsers import admin_sign_in

TYPED = "Sáng 20/12, đoàn đại biểu Bộ Quốc phòng tham quan khu trưng bày Phòng không – Không quân."


@pytest.fixture
def press_officer(transactional_db):
    baker.make(
        "expo.Edition",
        slug="vide-2024",
        acronym="VIDE 2024",
        ordinal=2,
        name_vi="Triển lãm Quốc phòng quốc tế Việt Nam 2024",
        name_en="Vietnam International Defence Expo 2024",
        venue_name_vi="Sân bay Gia Lâm",
        venue_name_en="Gia Lam Airfield",
        city_vi="Hà Nội",
        city_en="Hanoi",
        organiser_vi="Bộ Quốc phòng",
        organiser_en="Ministry of National Defence",
        start_date=datetime.date(2024, 12, 19),
        end_date=datetime.date(2024, 12, 22),
        is_current=True,
    )
    return get_user_model().objects.create_superuser("press", "press@example.vn", "a-long-test-password")


def listen_for_violations(page):
    """Every CSP violation the page reports, from the DOM event and from the console."""
    violations = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e =>"
        " console.error('Content Security Policy event: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    return violations


def test_typed_release_is_stored_with_ordinary_spaces_and_no_csp_violation(press_officer, live_server, page):
    violations = listen_for_violations(page)
    admin_sign_in(page, live_server.url, "press", "a-long-test-password", "/admin/press/pressrelease/add/")
    page.select_option("#id_edition", label="VIDE 2024")
    # The admin speaks the browser's English: each field opens on its English tab.
    page.locator("a[href='#tab_id_title_vi']").click()
    page.fill("#id_title_vi", "Đoàn đại biểu tham quan triển lãm")
    page.fill("#id_slug", "doan-dai-bieu")
    page.fill("#id_publish_at_0", "19/12/2024")
    page.fill("#id_publish_at_1", "08:00")
    page.locator("a[href='#tab_id_body_vi']").click()
    editor = page.locator(".prose-editor:has(#id_body_vi) [contenteditable=true]")
    editor.click()
    page.keyboard.type(TYPED)
    page.keyboard.press("Enter")
    page.keyboard.type("Chiều  cùng ngày, đoàn làm việc với Ban Tổ chức.")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_be_visible()

    release = PressRelease.objects.get(slug="doan-dai-bieu")
    assert release.body_vi == f"<p>{TYPED}</p><p>Chiều cùng ngày, đoàn làm việc với Ban Tổ chức.</p>"
    assert "&nbsp;" not in release.body_vi and "\xa0" not in release.body_vi
    assert violations == []
    # Saved without English: the author is told what English readers will get.
    expect(page.locator(".messagelist .warning")).to_contain_text("no English version")


WORD_TABLE = (
    '<table class="MsoTableGrid" border="1" style="border-collapse:collapse">'
    '<tr><td><p class="MsoNormal"><b><span lang="VI">Giờ</span></b><o:p></o:p></p></td>'
    '<td><p class="MsoNormal"><b>Nội dung</b><o:p></o:p></p></td></tr>'
    '<tr><td><p class="MsoNormal">08:00</p></td><td><p class="MsoNormal">Lễ khai mạc<o:p></o:p></p></td></tr>'
    "</table>"
)
PASTE = """([html]) => {
  const data = new DataTransfer();
  data.setData("text/html", html);
  data.setData("text/plain", "Giờ\\tNội dung\\n08:00\\tLễ khai mạc");
  const paste = new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true});
  document.activeElement.dispatchEvent(paste);
}"""


def test_a_table_pasted_from_word_stays_a_table(press_officer, live_server, page):
    admin_sign_in(page, live_server.url, "press", "a-long-test-password", "/admin/press/pressrelease/add/")
    page.select_option("#id_edition", label="VIDE 2024")
    page.locator("a[href='#tab_id_title_vi']").click()
    page.fill("#id_title_vi", "Lịch ngày khai mạc")
    page.fill("#id_slug", "lich-ngay-khai-mac")
    page.fill("#id_publish_at_0", "19/12/2024")
    page.fill("#id_publish_at_1", "08:00")
    page.locator("a[href='#tab_id_body_vi']").click()
    page.locator(".prose-editor:has(#id_body_vi) [contenteditable=true]").click()
    page.keyboard.type("Lịch ngày khai mạc:")
    page.keyboard.press("Enter")
    page.evaluate(PASTE, [WORD_TABLE])
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_be_visible()

    body = PressRelease.objects.get(slug="lich-ngay-khai-mac").body_vi
    assert body.count("<tr>") == 2 and body.count("<td>") + body.count("<th>") == 4, body
    for cell in ("Giờ", "Nội dung", "08:00", "Lễ khai mạc"):
        assert cell in body
    assert "Mso" not in body and "style=" not in body and "o:p" not in body


def test_release_page_fits_a_phone(press_officer, live_server, page):
    from expo.models import Edition

    release = PressRelease.objects.create(
        edition=Edition.objects.get(),
        slug="khai-mac",
        title_vi="Khai mạc Triển lãm",
        title_en="The expo opens",
        body_vi="<p>x</p>",
        body_en="<p>x</p>",
        publish_at=datetime.datetime(2024, 12, 19, 1, 0, tzinfo=datetime.UTC),
    )
    # A body stored before the fix (every space a &nbsp;), and a table of the day's schedule.
    words = " ".join(["Sáng 20/12, đoàn đại biểu tham quan khu trưng bày ngoài trời."] * 6)
    PressRelease.objects.filter(pk=release.pk).update(
        body_vi="<p>" + words.replace(" ", "&nbsp;") + "</p>"
        "<table><tr><th>Giờ</th><th>Hoạt động</th></tr><tr><td>09:00</td><td>" + words + "</td></tr></table>"
    )
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}/vi/press/releases/khai-mac/")
    expect(page.locator("h1")).to_have_text("Khai mạc Triển lãm")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # The paragraph wraps between words: its spaces are ordinary ones again.
    paragraph = page.locator("article p", has_text="tham quan").first.text_content()
    assert "\xa0" not in paragraph and paragraph.count(" ") > 50
