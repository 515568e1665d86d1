import datetime
import io
import unicodedata

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from model_bakery import baker
from pypdf import PdfReader

from exhibitors.models import ProductSpecification
from press.models import PressRelease
from tests.exhibitors.conftest import catalogue, png_bytes, sectors, venues  # noqa: F401 (fixtures)
from tests.outbox.conftest import smtp  # noqa: F401 (a fixture: mail as received)


@pytest.fixture(autouse=True)
def _own_storage(settings, tmp_path):
    """Each test renders into empty storages, so nothing stored by another test is reused."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.EXPO_SITE_URL = ""


def pdf_text(data):
    """All text of a PDF in NFC, line breaks and runs of spaces made single spaces (layout aside)."""
    reader = PdfReader(io.BytesIO(data))
    text = unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in reader.pages))
    return " ".join(text.split())


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def specs(catalogue):  # noqa: F811 (the imported fixture)
    kilo = catalogue["products"]["kilo"]
    ProductSpecification.objects.create(
        product=kilo, order=1, label_vi="Tầm hoạt động", label_en="Range", value="400 hải lý"
    )
    ProductSpecification.objects.create(product=kilo, order=2, label_vi="Thủy thủ đoàn", label_en="Crew", value="52")
    return kilo


def make_release(edition, slug, *, hours=-1, title_vi=None, title_en=None, **extra):
    return PressRelease.objects.create(
        edition=edition,
        slug=slug,
        title_vi=title_vi or f"Thông cáo {slug}",
        title_en=title_en or f"Release {slug}",
        body_vi=extra.pop("body_vi", "<p>Nội dung thông cáo.</p>"),
        body_en=extra.pop("body_en", "<p>Release text.</p>"),
        publish_at=timezone.now() + datetime.timedelta(hours=hours),
        **extra,
    )


@pytest.fixture
def user_in(db, django_user_model):
    def make(group_name):
        user = django_user_model.objects.create_user(
            username=f"u-{group_name or 'none'}".replace(" ", "-"), password="a-long-password-123", is_staff=True
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


__all__ = ["baker", "make_release", "pdf_text", "png_bytes"]


def decoded_qr_codes(pdf, *, page=1):
    """Every QR code on `page` of the PDF, as a person's phone would read it: rendered at
    print resolution (300 dpi, poppler) and decoded by zbar."""
    import subprocess
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "sheet.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", "300", "-f", str(page), "-l", str(page), "-png", source, Path(folder) / "page"],
            check=True,
        )
        image = next(Path(folder).glob("page*.png"))
        result = subprocess.run(
            ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", image], capture_output=True, text=True
        )
    return [line for line in result.stdout.splitlines() if line]


def pdf_pages(pdf):
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)
