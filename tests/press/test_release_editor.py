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
