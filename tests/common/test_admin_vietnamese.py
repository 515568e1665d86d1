"""The Vietnamese admin shows no English: Django's and the third-party apps' strings, the app
names on the index, the date picker's day names. The project's catalogue fills what their own
Vietnamese catalogues leave out (common/django_strings.py, locale/vi/LC_MESSAGES/djangojs.po)."""

import json
import re
from pathlib import Path

import django
import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import override
from django.utils.translation.trans_real import DjangoTranslation
from django_countries import countries
from model_bakery import baker

from common import collation
from tests.accounts import admin_login

# django-countries shows a country's newer or common name only when the language translates it,
# and otherwise the older name it replaces: in Vietnamese these are never shown ("Türkiye" is
# "Thổ Nhĩ Kỳ", from "Turkey"; "Bahamas (The)" is "Bahama"). The test below checks that.
NEVER_SHOWN_IN_VIETNAMESE = {
    "django_countries": {
        "Bahamas (The)",
        "Democratic Republic of the Congo",
        "Micronesia",
        "Naoero",
        "Netherlands (Kingdom of the)",
        "Palestine",
        "Saint Helena",
        "South Georgia",
        "Türkiye",
        "Vatican City",
    }
}


def source_entries(app_config, domain):
    """The app's msgids: its English catalogue (the source, kept current), else every catalogue
    it ships (older languages of Django's own keep msgids Django no longer has)."""
    locale = Path(app_config.path) / "locale"
    english = locale / "en" / "LC_MESSAGES" / f"{domain}.po"
    paths = [english] if english.exists() else sorted(locale.glob(f"*/LC_MESSAGES/{domain}.po"))
    keys = set()
    for path in paths:
        keys |= {(e.msgctxt, e.msgid, e.msgid_plural) for e in polib.pofile(path) if e.msgid and not e.obsolete}
    return keys


def vietnamese_catalogues(domain):
    """Every compiled Vietnamese catalogue Django reads: a translator may keep a name as it is
    (django-countries' "Canada", "Brazil"), which is a translation, not a gap."""
    dirs = [Path(django.__file__).parent / "conf" / "locale", *map(Path, settings.LOCALE_PATHS)]
    dirs += [Path(config.path) / "locale" for config in apps.get_app_configs()]
    kept = set()
    for directory in dirs:
        path = directory / "vi" / "LC_MESSAGES" / f"{domain}.mo"
        if path.exists():
            kept |= {(e.msgctxt, e.msgid) for e in polib.mofile(path) if e.msgid and e.msgstr == e.msgid}
    return kept


def translate(catalogue, context, msgid, plural):
    if plural:
        if context:
            return catalogue.npgettext(context, msgid, plural, 1)
        return catalogue.ngettext(msgid, plural, 1)
    return catalogue.pgettext(context, msgid) if context else catalogue.gettext(msgid)


# The admin's JavaScript catalogue (its jsi18n view): Django's admin and the project's, which the
# press-release editor (django-prose-editor) reads too through window.gettext.
ADMIN_JS_LOCALE = Path(admin.__file__).parent / "locale"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_string_of_an_installed_apps_catalogue_is_vietnamese(domain):
    if domain == "django":
        vietnamese = DjangoTranslation("vi", domain=domain)
    else:
        vietnamese = DjangoTranslation("vi", domain=domain, localedirs=[str(ADMIN_JS_LOCALE)])
    kept = vietnamese_catalogues(domain)
    english = []
    for config in apps.get_app_configs():
        excluded = NEVER_SHOWN_IN_VIETNAMESE.get(config.label, set())
        for context, msgid, plural in source_entries(config, domain):
            if msgid in excluded or (context, msgid) in kept:
                continue
            if translate(vietnamese, context, msgid, plural) == msgid:
                english.append(f"{config.label}: {msgid!r}" + (f" (context {context!r})" if context else ""))
    assert english == [], "Still English in the Vietnamese admin:\n" + "\n".join(sorted(english))


def test_the_excluded_country_names_are_never_shown_in_vietnamese():
    with override("vi"):
        shown = {str(name) for _code, name in countries}
    assert shown & NEVER_SHOWN_IN_VIETNAMESE["django_countries"] == set()


def index_labels(client, language):
    html = client.get(reverse("admin:index"), headers={"accept-language": language}).content.decode()
    main = html[html.index('id="content-main"') :]
    applications = [m.strip() for m in re.findall(r"<caption>\s*<a [^>]*>([^<]+)</a>", main)]
    models = [m.strip() for m in re.findall(r'<th scope="row" id="[^"]+">\s*<a [^>]*>([^<]+)</a>', main)]
    return applications, models


def test_admin_index_names_every_app_and_model_in_vietnamese(admin_client):
    applications, models = index_labels(admin_client, "vi")
    assert "Bảo mật đăng nhập" in applications  # django-axes, "Axes" on its own
    assert "Tác vụ chạy nền" in applications  # django-tasks' database backend
    assert "Nhật ký thay đổi" in applications  # django-auditlog
    assert "Kết quả tác vụ" in models
    english_applications, english_models = index_labels(admin_client, "en")
    assert len(applications) == len(english_applications) > 10
    assert "Login security" in english_applications
    assert set(applications) & set(english_applications) == set()
    assert set(models) & set(english_models) == set()


def test_admin_index_is_in_the_languages_alphabetical_order(admin_client):
    """Django sorts the index by code point: "Đoàn…" after "Xe…" in Vietnamese. Here Đ follows D."""
    applications, _models = index_labels(admin_client, "vi")
    assert applications == sorted(applications, key=collation.sort_key)
    assert applications != sorted(applications)  # the code-point order differs: the test can fail
    english, _models = index_labels(admin_client, "en")
    assert english == sorted(english, key=str.casefold)


def js_catalogue(client, language):
    script = client.get(reverse("admin:jsi18n"), headers={"accept-language": language}).content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S).group(1))


def test_admin_date_picker_and_selector_speak_vietnamese(admin_client):
    catalogue = js_catalogue(admin_client, "vi")
    days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    assert [catalogue[day] for day in days] == [
        "Chủ nhật",
        "Thứ hai",
        "Thứ ba",
        "Thứ tư",
        "Thứ năm",
        "Thứ sáu",
        "Thứ bảy",
    ]
    short = ["Sun", "Mon", "Tue", "Wed", "Thur", "Fri", "Sat"]
    assert [catalogue[f"abbrev. day {day}\x04{abbrev}"] for day, abbrev in zip(days, short, strict=True)] == [
        "CN",
        "T2",
        "T3",
        "T4",
        "T5",
        "T6",
        "T7",
    ]
    assert catalogue["Choose all %s"] == "Chọn tất cả %s"
    assert catalogue["%s selected option not visible"] == ["%s mục đã chọn không hiển thị"]
    assert catalogue["January"] == "Tháng Một"  # Django's own catalogue is still merged in
    assert catalogue["Open in new window"] == "Mở trong cửa sổ mới"  # the press-release editor
    assert js_catalogue(admin_client, "en")["Sunday"] == "Sunday"


def visible_text(html):
    content = re.sub(r"<script.*?</script>", " ", html[html.index('id="content"') :], flags=re.S)
    return [text.strip() for text in re.sub(r"<[^>]+>", "\n", content).split("\n") if text.strip()]


def test_login_lockouts_and_background_tasks_are_listed_in_vietnamese(admin_client):
    """django-axes and django-tasks label some columns with literals; common/third_party_apps.py
    gives them the catalogue's words."""
    baker.make("axes.AccessAttempt", username="editor", ip_address="203.0.113.9", failures_since_start=2)
    attempts = visible_text(
        admin_client.get(
            reverse("admin:axes_accessattempt_changelist"), headers={"accept-language": "vi"}
        ).content.decode()
    )
    assert {
        "Địa chỉ IP",
        "Trạng thái",
        "3 lần thử còn lại",
        "Theo Đã khóa",
        "Xóa các lần thử đăng nhập đã hết hạn",
    } <= set(attempts)
    task = baker.make(
        "django_tasks_database.DBTaskResult",
        task_path="outbox.tasks.deliver",
        args_kwargs={"args": [], "kwargs": {}},
        run_after=timezone.now(),
        status="FAILED",
        traceback="",
    )
    tasks = visible_text(
        admin_client.get(
            reverse("admin:django_tasks_database_dbtaskresult_changelist"), headers={"accept-language": "vi"}
        ).content.decode()
    )
    assert {"Tên tác vụ", "Trạng thái", "Thất bại", "Thời điểm xếp hàng", "1 Kết quả tác vụ"} <= set(tasks)
    page = visible_text(
        admin_client.get(
            reverse("admin:django_tasks_database_dbtaskresult_change", args=[task.pk]),
            headers={"accept-language": "vi"},
        ).content.decode()
    )
    assert {"Chạy sau:", "Vết lỗi:", "Đường dẫn tác vụ:"} <= set(page)


def test_django_phrases_that_read_wrong_in_vietnamese_are_corrected(admin_client):
    """Django's own Vietnamese says "Thêm vào" (add into) for "Add" and doubles "các" in the
    delete action ("Xóa các Các nhóm đã chọn"); the project's catalogue corrects both."""
    changelist = admin_client.get(
        reverse("admin:auth_group_changelist"), headers={"accept-language": "vi"}
    ).content.decode()
    assert "Xóa các nhóm đã chọn" in changelist
    assert "Các nhóm" not in changelist
    assert "Thêm Nhóm" in changelist  # Django capitalises the model name
    assert "Thêm vào" not in changelist


PROJECT_APPS = ("expo", "exhibitors", "press", "delegations", "meetings", "outbox", "siteplan")


def test_every_field_an_organiser_can_edit_has_a_label_in_both_languages():
    """A field without a translated verbose_name is labelled with its bare English name in every
    language ("Edition:" on the Vietnamese agreement form): every editable field of every model
    of ours, a new one included, must have one (the concurrency version is a hidden input)."""
    untranslated = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        for field in model._meta.get_fields()
        if getattr(field, "editable", False)
        and not field.auto_created
        and type(field).__name__ != "AutoIncVersionField"
        and not isinstance(field.verbose_name, Promise)
    ]
    assert untranslated == []


def test_history_subject_and_sending_rules_read_right_in_vietnamese(admin_client):
    """Django's Vietnamese calls History "Bản ghi nhớ" (a memorandum); a meeting's subject was
    "đối tượng" (an object); a sending rule was named by its internal code ("press.release")."""
    from meetings.models import MeetingRequest
    from outbox.models import KindSetting

    setting = KindSetting.objects.create(kind="press.release", review_first=True)
    page = admin_client.get(
        reverse("admin:outbox_kindsetting_change", args=[setting.pk]), headers={"accept-language": "vi"}
    ).content.decode()
    assert "Lịch sử" in page
    assert "Bản ghi nhớ" not in page
    assert "press.release" not in re.sub(r'value="press\.release"|<option[^>]*>', "", page)
    with override("vi"):
        assert str(MeetingRequest._meta.get_field("subject").verbose_name) == "chủ đề"
        assert str(setting) != "press.release"
    index = admin_client.get(reverse("admin:index"), headers={"accept-language": "vi"}).content.decode()
    assert "Các mô models" not in index


def test_an_organiser_chooses_the_admin_language_once_and_keeps_it(client, db):
    """The admin followed the browser with no way to switch: the choice in the header is kept on
    the account, wins over the browser's language, and follows the organiser to a new sign-in."""
    from django.contrib.auth import get_user_model

    organiser = get_user_model().objects.create_superuser("organiser", "o@example.org", "x" * 20)
    admin_login(client, organiser)
    english_browser = {"accept-language": "en"}
    index = client.get(reverse("admin:index"), headers=english_browser).content.decode()
    assert '<html lang="en"' in index and "Tiếng Việt" in index
    response = client.post(
        reverse("admin_language"),
        {"language": "vi", "next": reverse("admin:auth_user_changelist")},
        headers=english_browser,
    )
    assert response.status_code == 302 and response["Location"] == reverse("admin:auth_user_changelist")
    assert '<html lang="vi"' in client.get(reverse("admin:index"), headers=english_browser).content.decode()
    client.logout()
    admin_login(client, organiser)
    assert '<html lang="vi"' in client.get(reverse("admin:index"), headers=english_browser).content.decode()
    # Only the admin follows the choice; the public site keeps its language prefix.
    assert 'lang="en"' in client.get("/en/").content.decode()[:400]
    # Off-site redirects and unknown languages are refused.
    assert client.post(reverse("admin_language"), {"language": "vi", "next": "https://evil.example/"})[
        "Location"
    ] == reverse("admin:index")
    assert client.post(reverse("admin_language"), {"language": "xx"}).status_code == 400
    # Anonymous visitors cannot store anything.
    client.logout()
    assert client.post(reverse("admin_language"), {"language": "en"}).status_code == 302
    organiser.staff_preference.refresh_from_db()
    assert organiser.staff_preference.admin_language == "vi"
