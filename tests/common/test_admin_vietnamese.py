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
from django.utils.translation import override
from django.utils.translation.trans_real import DjangoTranslation
from django_countries import countries
from model_bakery import baker

from common import collation

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
        "Bởi Đã khóa",
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
