"""The press kit renders again only what changed, counted honestly: by the render log the kit keeps
(`rendered` in its record) and by the stored files' modification times; its one catalogue PDF says
the right things in both languages, bookmarked by exhibitor and exhibit; the organisers see a build's
progress on the admin dashboard."""

import io
import zipfile

import pytest
from django.core.files.storage import default_storage
from pypdf import PdfReader

from press import kit, kit_catalogue
from press.kit_progress import Reporter
from press.models import PressRelease
from tests.factories import make_exhibitor, make_product, make_release
from tests.helpers import pdf_text

PARTS = "press-kit/catalogue/parts/vide-2024/vi"


@pytest.fixture
def many_exhibitors(catalogue, edition, venues, sectors):
    """Ninety more exhibitors with an exhibit each: a catalogue of several parts."""
    for n in range(90):
        exhibitor = make_exhibitor(
            f"hang-{n:03d}",
            f"Công ty Thiết giáp Hàng {n}",
            "VN",
            sectors=[sectors["ground"]],
            stand=(venues["A"], f"A-{100 + n}"),
            edition=edition,
        )
        make_product(exhibitor, sectors["tanks"], f"xt-{n:03d}", f"Xe thiết giáp XT-{n}", f"XT-{n} armoured car")
    make_release(edition, "khai-mac", hours=-3, title_vi="Khai mạc Triển lãm", title_en="The expo opens")
    return catalogue


def stored_times(folder):
    _folders, files = default_storage.listdir(folder)
    return {f"{folder}/{name}": default_storage.get_modified_time(f"{folder}/{name}") for name in files}


def stored_bytes(name):
    with default_storage.open(name) as handle:
        return handle.read()


def catalogue_pdf(language):
    archive = zipfile.ZipFile(io.BytesIO(stored_bytes(kit.current_kit(language)["name"])))
    return archive.read(f"catalogue-vide-2024-{language}.pdf")


def test_one_release_changed_renders_that_release_and_nothing_else(many_exhibitors, edition):
    kit.build_kit("vi", workers=1)
    parts = stored_times(PARTS)
    assert len(parts) >= 4  # the cover and at least three runs of exhibitors
    first = kit.current_kit("vi")
    assert set(parts) <= set(first["rendered"])  # the first build rendered every part
    (catalogue,) = [name for name in stored_times("press-kit/catalogue") if "-catalogue-vi-" in name]

    release = PressRelease.objects.get(slug="khai-mac")
    release.title_vi = "Khai mạc Triển lãm Quốc phòng"
    release.save()
    result = kit.build_kit("vi", workers=1)

    (rendered,) = kit.current_kit("vi")["rendered"]
    assert rendered.startswith("press-kit/releases/khai-mac-vi-") and result.rendered == 1
    assert stored_times(PARTS) == parts  # no part set again: same files, same modification times
    assert [name for name in stored_times("press-kit/catalogue") if "-catalogue-vi-" in name] == [catalogue]
    assert "Khai mạc Triển lãm Quốc phòng" in pdf_text(stored_bytes(rendered))


def test_one_exhibit_changed_renders_the_one_part_that_holds_it(many_exhibitors, edition):
    kit.build_kit("vi", workers=1)
    before = stored_times(PARTS)
    product = many_exhibitors["products"]["tank"].__class__.objects.get(slug="xt-042")
    product.name_vi = "Xe thiết giáp XT-42 cải tiến"
    product.save()
    kit.build_kit("vi", workers=1)

    (rendered,) = kit.current_kit("vi")["rendered"]
    after = stored_times(PARTS)
    assert rendered in after and rendered not in before
    # Every other part is the very file the first build stored; the replaced one is gone.
    assert len(set(before) - set(after)) == 1
    assert {name: after[name] for name in set(before) & set(after)} == {
        name: before[name] for name in set(before) & set(after)
    }
    text = pdf_text(catalogue_pdf("vi"))
    assert "Xe thiết giáp XT-42 cải tiến" in text
    assert "Công ty Thiết giáp Hàng 0" in text and "Công ty Thiết giáp Hàng 89" in text


def test_catalogue_says_the_same_in_each_language_with_bookmarks(many_exhibitors, edition):
    kit.build_all(["vi", "en"], workers=2)  # the parts of both languages rendered by worker processes
    vi, en = pdf_text(catalogue_pdf("vi")), pdf_text(catalogue_pdf("en"))
    assert "Gian hàng A-01 · Nhà A" in vi and "Stand A-01 · Hall A" in en
    assert "Xe thiết giáp XT-7" in vi and "XT-7 armoured car" in en and "XT-7 armoured car" not in vi
    assert "Hải quân › Tàu ngầm" in vi and "Naval › Submarines" in en
    assert "Tàu bí mật MA-5" not in vi  # unpublished
    assert "93 exhibitors with a stand and their 94 published exhibits" in en
    outline = PdfReader(io.BytesIO(catalogue_pdf("vi"))).outline
    exhibitors = [item.title for item in outline if not isinstance(item, list)]
    assert len(exhibitors) == 93 and "Công ty Cơ khí Sông Hồng" in exhibitors
    sub = outline[outline.index(next(i for i in outline if getattr(i, "title", "") == "Công ty Cơ khí Sông Hồng")) + 1]
    assert [item.title for item in sub] == ["Tàu ngầm SH-1", "Tàu hộ vệ SH-2"]


def test_parts_follow_the_exhibitors_not_their_positions(many_exhibitors, edition, venues, sectors):
    before = {part.storage_name for part in kit_catalogue.catalogue_parts(edition, "vi")}
    make_exhibitor(
        "hang-000a", "Công ty mới", "VN", sectors=[sectors["ground"]], stand=(venues["B"], "B-99"), edition=edition
    )
    after = {part.storage_name for part in kit_catalogue.catalogue_parts(edition, "vi")}
    # The cover (it counts the exhibitors) and the part the newcomer falls in: no other.
    assert len(after - before) == 2 and len(before - after) == 2


def test_admin_dashboard_shows_a_build_under_way_then_the_built_kit(admin_client, many_exhibitors):
    report = Reporter("vi", lambda line: None)
    report("rendering", 3, 10)
    page = admin_client.get("/admin/").content.decode()  # the admin's own language: Vietnamese
    assert "Bộ tài liệu báo chí (vi) đang được tạo từ" in page
    assert "đang dàn trang các phần danh mục đã thay đổi 3/10" in page
    report(None)
    kit.build_all(["vi", "en"], workers=1)  # both languages' parts first ("vi+en"), then each kit
    page = admin_client.get("/admin/").content.decode()
    assert "đang được tạo" not in page
    assert "Bộ tài liệu báo chí (vi) đã tạo lúc" in page and "Bộ tài liệu báo chí (en) đã tạo lúc" in page
