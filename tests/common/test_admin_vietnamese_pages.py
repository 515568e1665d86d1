"""Admin pages read in Vietnamese where Django itself writes English or odd Vietnamese (issue 26,
found by walking every admin page with the admin switched to Vietnamese): permission and group
names, the search icon, the filters' "By", the select-all link, the export's column choices."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext

from tests.accounts import admin_login


@pytest.fixture
def vietnamese_admin(client, db):
    user = get_user_model().objects.create_superuser("walker", "walker@example.vn", "a-long-test-password")
    admin_login(client, user)
    # The organiser's choice, kept on the account (common/admin_language.py).
    client.post("/admin/language/", {"language": "vi", "next": "/admin/"})
    return client


def test_permissions_are_named_in_vietnamese(vietnamese_admin):
    group = Group.objects.get(name="Protocol")
    html = vietnamese_admin.get(f"/admin/auth/group/{group.pk}/change/").content.decode()
    assert "Đoàn đại biểu | đoàn | Có thể thêm đoàn" in html
    assert "Đoàn đại biểu | đoàn | Được xem dữ liệu cá nhân nhạy cảm của thành viên đoàn" in html
    assert "Thư gửi đi | liên kết hủy đăng ký | Có thể xem liên kết hủy đăng ký" in html
    assert "Can add" not in html and "Can view" not in html and "unsubscribe link" not in html


def test_a_users_groups_are_named_in_vietnamese(vietnamese_admin):
    user = get_user_model().objects.get(username="walker")
    html = vietnamese_admin.get(f"/admin/auth/user/{user.pk}/change/").content.decode()
    assert ">Lễ tân</option>" in html and ">Biên tập nội dung</option>" in html and ">Bộ phận báo chí</option>" in html
    assert ">Content editors</option>" not in html


def test_changelist_search_filters_and_select_all_read_in_vietnamese(vietnamese_admin):
    html = vietnamese_admin.get("/admin/auth/user/").content.decode()
    assert 'alt="Tìm kiếm"' in html and 'alt="Search"' not in html
    assert "Theo quyền quản trị cao nhất" in html
    assert "Bởi trạng thái" not in html and "trạng thái superuser" not in html
    # Shown once a list runs over several pages; Django's own Vietnamese says "Click vào đây".
    with translation.override("vi"):
        select_all = gettext("Click here to select the objects across all pages")
    assert select_all == "Bấm vào đây để chọn các đối tượng trên tất cả các trang"


def test_export_columns_are_named_as_the_admin_names_the_fields(vietnamese_admin):
    html = vietnamese_admin.get("/admin/exhibitors/product/export/").content.decode()
    assert "Tên [vi] (name_vi)" in html and "Đã công bố (is_published)" in html
    assert "Name Vi" not in html and "Is Published" not in html
