"""The rehearsal, act one: journalists apply and are approved, the content editor fills the visitor
information and the key visual, the press office writes a release under embargo.

The rehearsal's modules run in file order and share one stage (tests/rehearsal/conftest.py):
each step leaves what the next one uses. `make rehearsal` runs them alone.
"""

import re
import urllib.parse

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.rehearsal import texts
from tests.rehearsal.script import (
    ACCESSIBILITY,
    EMBARGO_SECONDS,
    JOURNALISTS,
    KEY_VISUAL_ALT,
    PASTE,
    RELEASE,
    WORD_TABLE,
    key_visual_poster,
)

# Every test asks for the same fixtures (the browser included): pytest groups tests by the
# browser's session parameter, and a test without it would be moved away from its module's steps.
pytestmark = pytest.mark.usefixtures("stage", "cast", "report")


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


def test_step_content_editor_uploads_the_key_visual(cast, report, stage, tmp_path_factory):
    """A content editor uploads a new key visual for the current edition (a 1920×1080 JPEG) and says
    what it shows in both languages; the home page shows it in vi and in en, and the picture answers."""
    import io

    path = tmp_path_factory.mktemp("key-visual") / "vide-2024-poster.jpg"
    key_visual_poster().save(path, "JPEG", quality=90)
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
