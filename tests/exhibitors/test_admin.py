"""Catalogue admin: flat changelists, bulk publishing, spreadsheet import/export, permissions."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from exhibitors.models import Exhibitor, Product
from exhibitors.resources import ExhibitorResource, ProductResource
from tests.factories import make_exhibitor, make_product


def grow(edition, sectors, venues, numbers):
    for n in numbers:
        exhibitor = make_exhibitor(
            f"e-{n}",
            f"Exhibitor {n}",
            "VN",
            sectors=[sectors["naval"], sectors["ground"]],
            stand=(venues["A"], f"A-{n}"),
            edition=edition,
        )
        make_product(exhibitor, sectors["tanks"], f"p-{n}", f"Xe {n}", f"Tank {n}", image=n % 5 == 0)


@pytest.mark.parametrize("model_name", ["exhibitor", "product"])
def test_changelist_query_count_is_flat(admin_client, edition, sectors, venues, model_name, django_assert_num_queries):
    url = reverse(f"admin:exhibitors_{model_name}_changelist")
    # 11 with the superuser's second factor (django-otp reads the session's device).
    grow(edition, sectors, venues, [0])
    with django_assert_num_queries(11):
        admin_client.get(url, headers={"accept-language": "en"})
    grow(edition, sectors, venues, range(1, 51))
    with django_assert_num_queries(11):
        html = admin_client.get(url, headers={"accept-language": "en"}).content.decode()
    plural = "exhibitors" if model_name == "exhibitor" else "exhibits"
    assert f"51 {plural}" in html
    if model_name == "exhibitor":
        assert '<td class="field-sector_list">Naval, Ground forces</td>' in html
        assert '<td class="field-current_stand">A · A-7</td>' in html


def test_changelist_filters_by_hall_and_country(admin_client, catalogue, venues):
    url = reverse("admin:exhibitors_product_changelist")
    html = admin_client.get(url, {"hall": venues["B"].pk}, headers={"accept-language": "en"}).content.decode()
    assert "DL-3 tank" in html and "MA-4 submarine" in html
    assert "SH-1" not in html
    html = admin_client.get(url, {"exhibitor__country": "FR"}).content.decode()
    assert "MA-4" in html and "SH-1" not in html


def test_admin_search_is_accent_insensitive(admin_client, catalogue):
    html = admin_client.get(reverse("admin:exhibitors_exhibitor_changelist"), {"q": "duong lam"}).content.decode()
    assert "Tập đoàn An ninh Đường Lâm" in html and "Marine Atlantique" not in html
    html = admin_client.get(reverse("admin:exhibitors_product_changelist"), {"q": "tau ngam"}).content.decode()
    assert "MA-4" in html and "SH-1" in html and "DL-3" not in html and "ĐL-3" not in html


def test_bulk_publish_and_unpublish(admin_client, catalogue):
    url = reverse("admin:exhibitors_product_changelist")
    draft = catalogue["products"]["draft"]
    tank = catalogue["products"]["tank"]
    response = admin_client.post(
        url,
        {"action": "publish", "_selected_action": [draft.pk, tank.pk]},
        headers={"accept-language": "en"},
        follow=True,
    )
    assert "1 exhibit published." in response.content.decode()
    assert Product.objects.get(pk=draft.pk).is_published
    admin_client.post(url, {"action": "unpublish", "_selected_action": [tank.pk]})
    assert not Product.objects.get(pk=tank.pk).is_published


def _csv_format(admin_client, url):
    html = admin_client.get(url).content.decode()
    return re.search(r'<option value="(\d+)">csv</option>', html).group(1)


def test_import_preview_shows_row_errors_then_imports_translated_columns(admin_client, catalogue):
    url = reverse("admin:exhibitors_product_import")
    fmt = _csv_format(admin_client, url)
    sheet = (
        "slug,exhibitor,category,name_vi,name_en,summary_vi,summary_en,description_vi,description_en,display_mode,is_published\n"
        "new-1,song-hong,tanks,Xe tăng mới,New tank,,,,,static,1\n"
        "new-2,no-such-exhibitor,tanks,Xe lỗi,Broken,,,,,static,1\n"
    )
    upload = SimpleUploadedFile("exhibits.csv", sheet.encode(), content_type="text/csv")
    html = admin_client.post(
        url, {"resource": "0", "format": fmt, "import_file": upload}, headers={"accept-language": "en"}
    ).content.decode()
    assert "No exhibitor has the identifier “no-such-exhibitor”." in html
    assert not Product.objects.filter(slug__startswith="new-").exists()

    good = SimpleUploadedFile("exhibits.csv", sheet.rsplit("new-2", 1)[0].encode(), content_type="text/csv")
    html = admin_client.post(url, {"resource": "0", "format": fmt, "import_file": good}).content.decode()
    confirm = dict(
        re.findall(r'name="(import_file_name|original_file_name|format|resource)"[^>]*value="([^"]*)"', html)
    )
    admin_client.post(reverse("admin:exhibitors_product_process_import"), confirm)
    product = Product.objects.get(slug="new-1")
    assert (product.name_vi, product.name_en) == ("Xe tăng mới", "New tank")
    assert product.exhibitor.slug == "song-hong" and product.search_text.startswith(" xe tang moi")


def test_import_refuses_an_unknown_country(admin_client, sectors):
    url = reverse("admin:exhibitors_exhibitor_import")
    fmt = _csv_format(admin_client, url)
    sheet = "slug,name,country,website,press_contact,description_vi,description_en,sectors\nx,X Corp,XX,,,,,naval\n"
    upload = SimpleUploadedFile("exhibitors.csv", sheet.encode(), content_type="text/csv")
    html = admin_client.post(
        url, {"resource": "0", "format": fmt, "import_file": upload}, headers={"accept-language": "en"}
    ).content.decode()
    assert "is not a valid choice" in html
    assert not Exhibitor.objects.filter(slug="x").exists()


def test_export_has_explicit_language_columns_and_escapes_formulas(catalogue):
    catalogue["products"]["tank"].name_en = '=HYPERLINK("http://evil")'
    catalogue["products"]["tank"].save()
    csv = ProductResource().export().csv
    header = csv.splitlines()[0]
    assert header.startswith("slug,exhibitor,category,name_vi,name_en,summary_vi,summary_en")
    assert "sh-1,song-hong,submarines,Tàu ngầm SH-1,SH-1 submarine" in csv
    exhibitors = ExhibitorResource().export().csv
    assert "song-hong,Công ty Cơ khí Sông Hồng,VN" in exhibitors and "naval" in exhibitors


def test_groups_hold_catalogue_permissions(db):
    editors = set(Group.objects.get(name="Content editors").permissions.values_list("codename", flat=True))
    assert {"add_product", "change_product", "delete_productimage", "change_exhibitor", "add_stand"} <= editors
    press = set(Group.objects.get(name="Press office").permissions.values_list("codename", flat=True))
    assert "view_product" in press and "change_product" not in press
    protocol = set(Group.objects.get(name="Protocol").permissions.values_list("codename", flat=True))
    assert "view_exhibitor" in protocol and "delete_exhibitor" not in protocol


def test_import_refuses_a_spreadsheet_of_100000_rows_with_a_reason(admin_client, sectors):
    url = reverse("admin:exhibitors_exhibitor_import")
    fmt = _csv_format(admin_client, url)
    header = "slug,name,country,website,press_contact,description_vi,description_en,sectors\n"
    sheet = header + "".join(f"x{n},X {n},VN,,,,,naval\n" for n in range(100_000))
    upload = SimpleUploadedFile("exhibitors.csv", sheet.encode(), content_type="text/csv")
    html = admin_client.post(
        url, {"resource": "0", "format": fmt, "import_file": upload}, headers={"accept-language": "en"}
    ).content.decode()
    assert "The file has more than 50,000 rows. Split it into smaller files." in html
    assert not Exhibitor.objects.filter(slug__startswith="x").exists()


def test_import_refuses_a_damaged_workbook(admin_client, sectors):
    url = reverse("admin:exhibitors_exhibitor_import")
    fmt = _csv_format(admin_client, url)
    upload = SimpleUploadedFile("exhibitors.xlsx", b"PK\x03\x04 not really a zip file", content_type="text/csv")
    html = admin_client.post(
        url, {"resource": "0", "format": fmt, "import_file": upload}, headers={"accept-language": "en"}
    ).content.decode()
    assert "The file is not a readable XLSX workbook." in html


def test_exhibitor_change_page_opens_and_reads_a_bare_website_as_https(admin_client, catalogue):
    exhibitor = catalogue["exhibitors"]["song_hong"]
    url = reverse("admin:exhibitors_exhibitor_change", args=[exhibitor.pk])
    assert f'value="{exhibitor.name}"' in admin_client.get(url).content.decode()
    form = admin_client.get(url).context["adminform"].form
    assert form.fields["website"].clean("songhong.example.vn") == "https://songhong.example.vn"


@pytest.mark.parametrize(("model_name", "parameter"), [("exhibitor", "country"), ("product", "exhibitor__country")])
def test_country_filter_lists_the_countries_present_in_vietnamese_order(admin_client, sectors, model_name, parameter):
    for n, code in enumerate(["DE", "IN", "VN", "AT"]):
        exhibitor = make_exhibitor(f"e-{n}", f"Exhibitor {n}", code)
        make_product(exhibitor, sectors["tanks"], f"p-{n}", f"Xe {n}", f"Tank {n}")
    url = reverse(f"admin:exhibitors_{model_name}_changelist")
    html = admin_client.get(url, headers={"accept-language": "vi"}).content.decode()
    links = re.findall(rf'<a href="\?{parameter}=[A-Z]{{2}}"[^>]*>([^<]+)</a>', html)
    assert [name.strip() for name in links] == ["Áo", "Ấn Độ", "Đức", "Việt Nam"]
