"""The release editor's toolbar speaks the organiser's language: its tooltips and block names come
from the admin's JavaScript catalogue (djangojs.po), not django-prose-editor's English."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browsers import admin_sign_in

TOOLTIPS_VI = [
    "Đoạn văn",
    "Danh sách gạch đầu dòng",
    "Danh sách đánh số",
    "Thuộc tính danh sách",
    "Trích dẫn",
    "In đậm",
    "In nghiêng",
    "Chèn liên kết",
    "Bỏ liên kết",
    "Chèn bảng",
    "Thêm cột",
    "Xóa cột",
    "Thêm hàng",
    "Xóa hàng",
    "Gộp ô",
    "Tách ô",
    "Bật/tắt ô tiêu đề",
    "Xóa bảng",
    "Hoàn tác",
    "Làm lại",
]


@pytest.fixture
def organiser(transactional_db):
    return get_user_model().objects.create_superuser("press", "press@example.vn", "a-long-test-password")


def toolbar(page):
    """The tooltips and the block menu's names of the Vietnamese body's editor, as shown."""
    editor = page.locator(".prose-editor:has(#id_body_vi)")
    titles = editor.locator(".prose-menubar [title]").evaluate_all("bs => bs.map(b => b.title)")
    labels = editor.locator(".prose-menubar [aria-label]").evaluate_all("bs => bs.map(b => b.ariaLabel)")
    blocks = editor.locator(".prose-menubar__option > *").evaluate_all("os => os.map(o => o.textContent)")
    return titles, labels, blocks


def test_toolbar_tooltips_follow_the_admin_language(organiser, live_server, page):
    admin_sign_in(page, live_server.url, "press", "a-long-test-password", "/admin/press/pressrelease/add/")
    # The organiser chooses Vietnamese in the admin's header (stored on the account).
    page.locator("form.admin-language button[value=vi]").click()
    page.locator("a[href='#tab_id_body_vi']").click()
    expect(page.locator(".prose-editor:has(#id_body_vi) .prose-menubar [title='In đậm']")).to_have_count(1)

    titles, labels, blocks = toolbar(page)
    assert titles == TOOLTIPS_VI
    assert labels == TOOLTIPS_VI
    assert blocks == ["Tiêu đề cấp 2", "Tiêu đề cấp 3", "Đoạn văn"]

    # Inside a heading the block button becomes the heading's, still in Vietnamese.
    body = page.locator(".prose-editor:has(#id_body_vi) [contenteditable=true]")
    body.click()
    page.keyboard.type("Thông cáo")
    page.locator(".prose-editor:has(#id_body_vi) .prose-menubar__selected").click()
    page.locator(".prose-editor:has(#id_body_vi) .prose-menubar__option[data-name=heading2]").click()
    selected = page.locator(".prose-editor:has(#id_body_vi) .prose-menubar__selected [title]")
    expect(selected).to_have_attribute("title", "Tiêu đề cấp 2")

    # In English the same toolbar reads as the editor wrote it.
    page.locator("form.admin-language button[value=en]").click()
    page.locator("a[href='#tab_id_body_vi']").click()
    expect(page.locator(".prose-editor:has(#id_body_vi) .prose-menubar [title='bold']")).to_have_count(1)
    assert toolbar(page)[2] == ["Heading 2", "Heading 3", "Paragraph"]
