"""A journalist in the press centre, in a real browser: release, press kit, accreditation."""

import datetime
import io
import re
import zipfile
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from PIL import Image
from playwright.sync_api import expect

from press.models import MediaAccreditation, PressRelease


@pytest.fixture
def press_site(demo_press_kits, committed_demo):
    call_command("build_press_kit", "--language", "en", "--workers", "1", stdout=StringIO())


def test_journalist_reads_a_release_takes_the_kit_and_applies(press_site, live_server, page, checker, tmp_path):
    page.goto(f"{live_server.url}/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Press").click()
    expect(page.locator("h1")).to_have_text("Press centre")
    checker.check("press-centre-en")

    release = PressRelease.objects.published().order_by("-publish_at").first()
    page.get_by_role("link", name=release.title_en).first.click()
    expect(page.locator("h1")).to_have_text(release.title_en)
    checker.check("release-en")

    page.goto(f"{live_server.url}/en/press/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Press kit").click()
    kit = zipfile.ZipFile(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    names = kit.namelist()
    assert any(name.endswith(".pdf") for name in names)
    assert any("release" in name for name in names)

    # The demo's current edition (VIDE 2024) is over and takes no more applications: apply while it did.
    with time_machine.travel(datetime.datetime(2024, 12, 2, 9, 30, tzinfo=datetime.UTC)):
        page.get_by_role("link", name="Apply for accreditation").click()
        expect(page.locator("h1")).to_have_text("Media accreditation")
        checker.check("accreditation-form-en")
        page.get_by_role("button", name="Send the application").click()  # empty: refused, nothing saved
        expect(page.get_by_role("alert")).to_contain_text("Please correct the fields marked below")
        # The demo's own accredited journalist is the only application so far.
        assert list(MediaAccreditation.objects.values_list("email", flat=True)) == ["demo.journalist@example.org"]
        checker.check("accreditation-errors-en")

        photo = tmp_path / "badge.jpg"
        Image.new("RGB", (600, 800), (40, 90, 60)).save(photo, "JPEG")
        page.get_by_label("Full name").fill("Trần Thị Phóng Viên")
        page.get_by_label("Media outlet").fill("Báo Quân đội Nhân dân")
        page.get_by_label("Country").select_option("VN")
        page.get_by_label("Role").select_option("reporter")
        page.get_by_label("E-mail").fill("phongvien@example.vn")
        page.get_by_label("Phone").fill("+84 24 3747 0000")
        page.get_by_label("Press card number").fill("BC-2024-001")
        page.locator("input[type=file]").set_input_files(str(photo))
        page.get_by_label("I have read the statement above").check()  # consent (Decree 13/2023/NĐ-CP)
        page.get_by_role("button", name="Send the application").click()
        expect(page.locator("h1")).to_have_text("Your accreditation")
        expect(page.locator("main")).to_contain_text("The press office is checking your application.")
        assert re.search(r"/en/press/accreditation/status/[^/]+/$", page.url)
        application = MediaAccreditation.objects.get(email="phongvien@example.vn")
        assert (application.name, application.status) == ("Trần Thị Phóng Viên", "pending")
        checker.check("accreditation-status-en")
