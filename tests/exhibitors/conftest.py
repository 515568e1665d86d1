import io

import pytest
from django.core.files.base import ContentFile
from model_bakery import baker
from PIL import Image

from exhibitors.models import Category, Exhibitor, Product, ProductImage, Sector, Stand


def png_bytes(size=(800, 600), color=(30, 80, 60)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def venues(edition):
    return {
        "A": baker.make("expo.Venue", edition=edition, code="A", slug="hall-a", name_vi="Nhà A", name_en="Hall A"),
        "B": baker.make("expo.Venue", edition=edition, code="B", slug="hall-b", name_vi="Nhà B", name_en="Hall B"),
    }


@pytest.fixture
def sectors(db):
    naval = Sector.objects.create(slug="naval", name_vi="Hải quân", name_en="Naval", order=1)
    ground = Sector.objects.create(slug="ground-forces", name_vi="Lục quân", name_en="Ground forces", order=2)
    return {
        "naval": naval,
        "ground": ground,
        "submarines": Category.objects.create(
            sector=naval, slug="submarines", name_vi="Tàu ngầm", name_en="Submarines"
        ),
        "warships": Category.objects.create(sector=naval, slug="warships", name_vi="Tàu chiến", name_en="Warships"),
        "tanks": Category.objects.create(sector=ground, slug="tanks", name_vi="Xe tăng", name_en="Tanks"),
    }


def make_exhibitor(slug, name, country, *, sectors=(), stand=None, edition=None):
    exhibitor = Exhibitor.objects.create(slug=slug, name=name, country=country)
    exhibitor.sectors.set(sectors)
    if stand:
        venue, code = stand
        Stand.objects.create(exhibitor=exhibitor, edition=edition, venue=venue, code=code)
    return exhibitor


def make_product(exhibitor, category, slug, name_vi, name_en="", *, published=True, image=False, **extra):
    product = Product.objects.create(
        exhibitor=exhibitor,
        category=category,
        slug=slug,
        name_vi=name_vi,
        name_en=name_en,
        is_published=published,
        **extra,
    )
    if image:
        ProductImage.objects.create(
            product=product,
            image=ContentFile(png_bytes(), name="photo.png"),
            alt_text_vi=f"Ảnh {name_vi}",
            alt_text_en=f"Photo of {name_en}",
        )
    return product


@pytest.fixture
def catalogue(edition, venues, sectors):
    """A small catalogue: two Vietnamese exhibitors and a French one, in two halls."""
    song_hong = make_exhibitor(
        "song-hong",
        "Công ty Cơ khí Sông Hồng",
        "VN",
        sectors=[sectors["naval"]],
        stand=(venues["A"], "A-01"),
        edition=edition,
    )
    duong = make_exhibitor(
        "duong-lam",
        "Tập đoàn An ninh Đường Lâm",
        "VN",
        sectors=[sectors["ground"]],
        stand=(venues["B"], "B-07"),
        edition=edition,
    )
    marine = make_exhibitor(
        "marine-demo",
        "Marine Atlantique",
        "FR",
        sectors=[sectors["naval"]],
        stand=(venues["B"], "B-01"),
        edition=edition,
    )
    products = {
        "kilo": make_product(song_hong, sectors["submarines"], "sh-1", "Tàu ngầm SH-1", "SH-1 submarine", image=True),
        "corvette": make_product(song_hong, sectors["warships"], "sh-2", "Tàu hộ vệ SH-2", "SH-2 corvette"),
        "tank": make_product(duong, sectors["tanks"], "dl-3", "Xe tăng ĐL-3", "DL-3 tank"),
        "sub-fr": make_product(marine, sectors["submarines"], "ma-4", "Tàu ngầm MA-4", "MA-4 submarine"),
        "draft": make_product(
            marine, sectors["warships"], "ma-5", "Tàu bí mật MA-5", "MA-5 secret ship", published=False
        ),
    }
    return {"exhibitors": {"song_hong": song_hong, "duong": duong, "marine": marine}, "products": products}
