"""Releases written in the editor: structure kept, Word paste cleaned, editor allowed by the CSP."""

import re

from common.sanitize import clean_html

WORD_PASTE = (
    "<!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->"
    "<style>p.MsoNormal{margin:0}</style>"
    '<h2 class="MsoTitle" style="mso-outline-level:1">Lịch trình <span lang="VI">báo chí</span></h2>'
    '<p class=MsoNormal style="margin:0cm"><b><span lang=VI>Ngày 19/12:</span></b> khai mạc<o:p></o:p></p>'
    "<p class=MsoNormal>&nbsp;<o:p></o:p></p>"
    "<ul><li class=MsoListParagraph><i>Trình diễn bay</i></li><li>Hội thảo</li></ul>"
    '<p><a href="https://example.vn/a" onclick="x()" style="color:red">Đăng ký</a>'
    '<a href="javascript:alert(1)">xấu</a></p>'
)


def test_word_paste_keeps_headings_paragraphs_lists_links_and_emphasis_only():
    assert clean_html(WORD_PASTE) == (
        "<h2>Lịch trình báo chí</h2>"
        "<p><b>Ngày 19/12:</b> khai mạc</p>"
        "<ul><li><i>Trình diễn bay</i></li><li>Hội thảo</li></ul>"
        '<p><a href="https://example.vn/a" rel="noopener nofollow">Đăng ký</a><a rel="noopener nofollow">xấu</a></p>'
    )


def test_release_editor_is_served_from_our_static_files_under_the_csp(admin_client, edition):
    response = admin_client.get("/admin/press/pressrelease/add/")
    html = response.content.decode()
    assert "data-django-prose-editor-configurable" in html
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    assert any("django_prose_editor/" in src for src in scripts)
    assert not [src for src in scripts if not src.startswith(("/static/", "/admin/jsi18n/"))], scripts  # no CDN
    importmap = re.search(r'<script type="importmap"[^>]*>(.*?)</script>', html, re.DOTALL).group(1)
    import base64
    import hashlib

    digest = base64.b64encode(hashlib.sha256(importmap.encode()).digest()).decode()
    policy = response["Content-Security-Policy"]
    assert f"'sha256-{digest}'" in policy and "'unsafe-inline'" not in policy
    # Other admin pages get no extra allowance.
    assert "sha256-" not in admin_client.get("/admin/press/presscontact/")["Content-Security-Policy"]


def test_non_breaking_spaces_become_ordinary_spaces_on_save(edition):
    import datetime

    from press.models import PressRelease

    release = PressRelease.objects.create(
        edition=edition,
        slug="sang-20-12",
        title_vi="Sáng 20/12",
        body_vi="<p>Sáng&nbsp;20/12,&nbsp;đoàn\xa0đại biểu&nbsp;&nbsp; tham quan</p><p>&nbsp;</p>",
        publish_at=datetime.datetime(2024, 12, 20, 1, tzinfo=datetime.UTC),
    )
    release.refresh_from_db()
    assert release.body_vi == "<p>Sáng 20/12, đoàn đại biểu tham quan</p>"


def test_migration_gives_stored_bodies_ordinary_spaces(edition):
    import datetime
    import importlib

    from django.apps import apps

    from press.models import PressRelease

    release = PressRelease.objects.create(
        edition=edition, slug="cu", title_vi="Cũ", publish_at=datetime.datetime(2024, 12, 20, tzinfo=datetime.UTC)
    )
    # As stored before the fix, bypassing save().
    PressRelease.objects.filter(pk=release.pk).update(
        body_vi="<p>Sáng&nbsp;20/12,&nbsp;đoàn…</p>", body_en="<p>On&nbsp;20&nbsp;December</p>"
    )
    migration = importlib.import_module("press.migrations.0009_release_bodies_ordinary_spaces")
    migration.ordinary_spaces(apps, None)
    release.refresh_from_db()
    assert (release.body_vi, release.body_en) == ("<p>Sáng 20/12, đoàn…</p>", "<p>On 20 December</p>")


def test_plain_text_keeps_paragraphs_headings_list_items_and_table_rows_apart():
    from common.sanitize import plain_text

    body = (
        "<p>Sáng nay, Triển lãm khai mạc tại <b>Sân bay</b> Gia Lâm.</p>"
        "<h2>Bốn lĩnh vực trưng bày</h2>"
        "<ul><li><p>Phòng không – Không quân</p></li><li>Hải quân</li></ul>"
        "<h3>Lịch</h3>"
        "<table><tr><th>Giờ</th><th>Hoạt động</th></tr><tr><td>09:00</td><td>Khai mạc</td></tr></table>"
        '<ol><li>Đăng ký tại <a href="/vi/press/accreditation/">trung tâm báo chí</a></li><li>Nhận thẻ</li></ol>'
        "<p>Liên hệ:<br>press@example.vn</p>"
    )
    assert plain_text(body, base_url="https://expo.example.vn") == (
        "Sáng nay, Triển lãm khai mạc tại Sân bay Gia Lâm.\n"
        "\n"
        "Bốn lĩnh vực trưng bày\n"
        "\n"
        "– Phòng không – Không quân\n"
        "– Hải quân\n"
        "\n"
        "Lịch\n"
        "\n"
        "Giờ | Hoạt động\n"
        "09:00 | Khai mạc\n"
        "\n"
        "1. Đăng ký tại trung tâm báo chí <https://expo.example.vn/vi/press/accreditation/>\n"
        "2. Nhận thẻ\n"
        "\n"
        "Liên hệ:\n"
        "press@example.vn"
    )
