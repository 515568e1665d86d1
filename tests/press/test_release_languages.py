"""A release that does not exist in a language is never shown as if it did.

The rule (PressRelease.has_version): a release exists in a language when its title and its body
are written in it. Otherwise readers of that language get the original (Vietnamese) whole, told
so: the author on save, the English pages, the English feed, the English kit and the mail.
"""

import datetime

import pytest
import time_machine
from django.utils import timezone

from press import mail
from press.models import MediaAccreditation, PressRelease
from tests.helpers import pdf_text, subject_of, text_of

pytestmark = pytest.mark.django_db

ADD = "/admin/press/pressrelease/add/"


def form(edition, **changes):
    data = {
        "edition": edition.pk,
        "title_vi": "Đoàn đại biểu tham quan triển lãm",
        "title_en": "",
        "slug": "doan-dai-bieu",
        "summary_vi": "",
        "summary_en": "",
        "body_vi": "<p>Sáng 20/12, đoàn tham quan.</p>",
        "body_en": "",
        "publish_at_0": "19/12/2024",
        "publish_at_1": "08:00",
        **{
            f"{inline}-{key}": value
            for inline in ("photos", "attachments")
            for key, value in {
                "TOTAL_FORMS": "0",
                "INITIAL_FORMS": "0",
                "MIN_NUM_FORMS": "0",
                "MAX_NUM_FORMS": "1000",
            }.items()
        },
    }
    data.update(changes)
    return data


def warnings(response):
    return [str(m) for m in response.context["messages"] if m.level_tag == "warning"]


def test_author_is_warned_on_save_when_the_english_version_is_missing(admin_client, edition):
    response = admin_client.post(ADD, form(edition), headers={"accept-language": "en"}, follow=True)
    assert warnings(response) == [
        "This release has no English version (title and text). Pages in English show it in Vietnamese with "
        "the note “available in Vietnamese only”, and journalists who read English receive it in Vietnamese, "
        "told so."
    ]
    release = PressRelease.objects.get()
    # Saved by an English-speaking editor: the Vietnamese title was not copied into the English one.
    assert (release.title_en, release.body_en) in [(None, ""), ("", "")]
    assert release.missing_languages() == ["en"]


def test_author_is_warned_in_vietnamese_and_not_when_both_versions_exist(admin_client, edition):
    response = admin_client.post(ADD, form(edition), headers={"accept-language": "vi"}, follow=True)
    assert warnings(response) == [
        "Thông cáo này chưa có bản Tiếng Anh (tiêu đề và nội dung). Các trang Tiếng Anh hiển thị bản Tiếng Việt "
        "kèm ghi chú “chỉ có bằng Tiếng Việt”, và phóng viên đọc Tiếng Anh nhận bản Tiếng Việt kèm lời báo như vậy."
    ]
    both = form(
        edition, slug="hai-ban", title_en="Delegation visits the expo", body_en="<p>The delegation visited.</p>"
    )
    assert warnings(admin_client.post(ADD, both, follow=True)) == []


def vietnamese_only(edition, **changes):
    fields = {
        "edition": edition,
        "slug": "chi-tieng-viet",
        "title_vi": "Đoàn đại biểu tham quan triển lãm",
        "summary_vi": "Đoàn tham quan khu trưng bày.",
        "body_vi": "<p>Sáng 20/12, đoàn đại biểu tham quan.</p>",
        "publish_at": timezone.now() - datetime.timedelta(hours=1),
    }
    return PressRelease.objects.create(**(fields | changes))


def test_english_page_says_the_release_is_in_vietnamese_only(client, edition):
    vietnamese_only(edition)
    html = client.get("/en/press/releases/chi-tieng-viet/").content.decode()
    assert "This release is available in Vietnamese only." in html
    assert '<div lang="vi">' in html and "Sáng 20/12, đoàn đại biểu tham quan." in html
    listing = client.get("/en/press/").content.decode()
    assert (
        '<strong lang="vi">Đoàn đại biểu tham quan triển lãm</strong></a> '
        '<span class="press-list__meta">(Vietnamese only)' in listing
    )
    # The Vietnamese page has no such note.
    assert "chỉ có bằng" not in client.get("/vi/press/releases/chi-tieng-viet/").content.decode()
    feed = client.get("/en/press/releases/feed/rss/").content.decode()
    assert "<title>Đoàn đại biểu tham quan triển lãm (Vietnamese only)</title>" in feed


def test_a_half_translated_release_is_shown_whole_in_its_original(client, edition):
    # An English title without an English text is no English version: never an English title over Vietnamese text.
    vietnamese_only(edition, title_en="Delegation visits the expo")
    html = client.get("/en/press/releases/chi-tieng-viet/").content.decode()
    assert "Delegation visits the expo" not in html
    assert "This release is available in Vietnamese only." in html


def test_english_summary_missing_is_left_out_not_filled_in_vietnamese(client, edition):
    vietnamese_only(edition, title_en="Delegation visits the expo", body_en="<p>The delegation visited.</p>")
    html = client.get("/en/press/releases/chi-tieng-viet/").content.decode()
    assert "Delegation visits the expo" in html and "The delegation visited." in html
    assert "Đoàn tham quan khu trưng bày." not in html and "Vietnamese only" not in html


@time_machine.travel(datetime.datetime(2024, 12, 20, 3, 0, tzinfo=datetime.UTC), tick=False)
def test_english_journalist_is_told_the_release_exists_in_vietnamese_only(
    edition,
    smtp,
    django_capture_on_commit_callbacks,
):
    for name, email, language in (("Jane Roe", "jane@example.com", "en"), ("Lê Bình", "binh@example.vn", "vi")):
        MediaAccreditation.objects.create(
            edition=edition,
            name=name,
            outlet="Wire",
            country="VN",
            role="reporter",
            email=email,
            phone="0900000000",
            press_card_number="PC-1",
            language=language,
            photo="accreditation/x.jpg",
            status="approved",
            decided_at=timezone.now(),
        )
    release = vietnamese_only(edition)
    with django_capture_on_commit_callbacks(execute=True):
        assert mail.send_release(release) == 2
    by_address = {item["rcpt_tos"][0]: item["message"] for item in smtp.received}
    english, vietnamese = by_address["jane@example.com"], by_address["binh@example.vn"]
    assert subject_of(english) == "Press release (in Vietnamese only): Đoàn đại biểu tham quan triển lãm"
    assert (
        text_of(english)
        .replace("\r\n", "\n")
        .startswith(
            "This release is available in Vietnamese only; the Vietnamese text follows.\n\n"
            "Đoàn đại biểu tham quan triển lãm\n"
        )
    )
    assert subject_of(vietnamese) == "Thông cáo báo chí: Đoàn đại biểu tham quan triển lãm"
    assert "chỉ có bằng" not in text_of(vietnamese)


def test_english_kit_names_and_marks_a_vietnamese_only_release(edition):
    from press import kit_contents

    vietnamese_only(edition)
    [entry] = kit_contents.release_entries(edition, "en", base_url="https://expo.example.vn")
    assert entry["path"].endswith("-chi-tieng-viet-vi.pdf")
    from django.core.files.storage import default_storage

    with default_storage.open(kit_contents.stored_release_pdf(entry)) as pdf:
        text = pdf_text(pdf.read())
    assert "This release is available in Vietnamese only." in text
    assert "Sáng 20/12, đoàn đại biểu tham quan." in text


def test_api_names_the_language_a_release_is_given_in(client, edition):
    vietnamese_only(edition)
    [english] = client.get("/api/releases?lang=en").json()
    assert (english["language"], english["title"]) == ("vi", "Đoàn đại biểu tham quan triển lãm")
    assert english["summary"] == "Đoàn tham quan khu trưng bày."
    [vietnamese] = client.get("/api/releases?lang=vi").json()
    assert vietnamese["language"] == "vi"
