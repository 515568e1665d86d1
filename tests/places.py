"""Fixtures for the small places several test packages build on: two halls, a small catalogue,
the small site plan and a ticketing show (registered by tests/conftest.py as a pytest plugin)."""

import pytest
from model_bakery import baker

from exhibitors.models import Category, Sector
from siteplan.models import DisplayArea, ExhibitPin, PointOfInterest, SitePlan, StandPlacement, VenueOutline
from tests.factories import make_exhibitor, make_product, make_show


@pytest.fixture
def venues(edition):
    return {
        "A": baker.make("expo.Venue", edition=edition, code="A", slug="hall-a", name_vi="Nhà A", name_en="Hall A"),
        "B": baker.make("expo.Venue", edition=edition, code="B", slug="hall-b", name_vi="Nhà B", name_en="Hall B"),
    }


def make_sectors():
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


# The exhibitors both the catalogue and the site plan know: key → slug, name, country, sector.
EXHIBITORS = {
    "song_hong": ("song-hong", "Công ty Cơ khí Sông Hồng", "VN", "naval"),
    "duong": ("duong-lam", "Tập đoàn An ninh Đường Lâm", "VN", "ground"),
    "marine": ("marine-demo", "Marine Atlantique", "FR", "naval"),
    "tay_nguyen": ("tay-nguyen", "Nhà máy Xe đặc chủng Tây Nguyên", "VN", "ground"),
    "late": ("late-comer", "Late Comer Systems", "SG", "ground"),
}


def exhibitors_at(edition, sectors, stands):
    """EXHIBITORS named in `stands` ({key: (venue, code)}), each with its stand at `edition`."""
    made = {}
    for key, stand in stands.items():
        slug, name, country, sector = EXHIBITORS[key]
        made[key] = make_exhibitor(slug, name, country, sectors=[sectors[sector]], stand=stand, edition=edition)
    return made


@pytest.fixture
def sectors(db):
    return make_sectors()


@pytest.fixture
def catalogue(edition, venues, sectors):
    """A small catalogue: two Vietnamese exhibitors and a French one, in two halls."""
    exhibitors = exhibitors_at(
        edition,
        sectors,
        {"song_hong": (venues["A"], "A-01"), "duong": (venues["B"], "B-07"), "marine": (venues["B"], "B-01")},
    )
    song_hong, duong, marine = exhibitors["song_hong"], exhibitors["duong"], exhibitors["marine"]
    products = {
        "kilo": make_product(song_hong, sectors["submarines"], "sh-1", "Tàu ngầm SH-1", "SH-1 submarine", image=True),
        "corvette": make_product(song_hong, sectors["warships"], "sh-2", "Tàu hộ vệ SH-2", "SH-2 corvette"),
        "tank": make_product(duong, sectors["tanks"], "dl-3", "Xe tăng ĐL-3", "DL-3 tank"),
        "sub-fr": make_product(marine, sectors["submarines"], "ma-4", "Tàu ngầm MA-4", "MA-4 submarine"),
        "draft": make_product(
            marine, sectors["warships"], "ma-5", "Tàu bí mật MA-5", "MA-5 secret ship", published=False
        ),
    }
    return {"exhibitors": exhibitors, "products": products}


@pytest.fixture
def show(edition):
    """Ticketing: two trade days, two public days with three slots each, two gates; registration open."""
    return make_show(edition)


# The small site plan: two halls and an outdoor park, four placed stands, one unplaced, one pin.


def rect(x0, y0, x1, y1):
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]


@pytest.fixture
def site(edition):
    """The small site plan (its halls, stands, exhibitors, a pinned tank and a submarine)."""
    venue = lambda code, slug, kind, vi, en, order: baker.make(  # noqa: E731
        "expo.Venue", edition=edition, code=code, slug=slug, kind=kind, name_vi=vi, name_en=en, order=order
    )
    halls = {
        "A": venue("A", "hall-a", "hall", "Nhà trưng bày A", "Exhibition Hall A", 1),
        "B": venue("B", "hall-b", "hall", "Nhà trưng bày B", "Exhibition Hall B", 2),
        "S": venue("S", "static-display", "static", "Khu trưng bày ngoài trời", "Outdoor static display", 3),
        "F": venue("F", "flight-line", "flight", "Đường băng trình diễn bay", "Flying display line", 4),
    }
    SitePlan.objects.create(edition=edition, width=400, depth=300)
    outlines = {
        "A": rect(10, 10, 110, 90),
        "B": rect(130, 10, 230, 90),
        "S": rect(10, 120, 300, 200),
        "F": rect(10, 250, 390, 290),
    }
    for code, points in outlines.items():
        VenueOutline.objects.create(venue=halls[code], points=points)
    sectors = make_sectors()
    tanks, subs = sectors["tanks"], sectors["submarines"]
    exhibitors = exhibitors_at(
        edition,
        sectors,
        {
            "song_hong": (halls["A"], "A-09"),
            "duong": (halls["B"], "B-07"),
            "marine": (halls["A"], "A-01"),
            "tay_nguyen": (halls["S"], "S-01"),
            "late": (halls["B"], "B-99"),
        },
    )
    stands = {stand.code: stand for stand in edition.stands.all()}
    StandPlacement.objects.create(stand=stands["A-09"], x=60, y=40, width=12, depth=8, rotation=0)
    StandPlacement.objects.create(stand=stands["A-01"], x=25, y=25, width=12, depth=8, rotation=90)
    StandPlacement.objects.create(stand=stands["B-07"], x=180, y=50, width=12, depth=8)
    StandPlacement.objects.create(stand=stands["S-01"], x=0, y=0, polygon=rect(20, 130, 80, 190))
    tank = make_product(exhibitors["tay_nguyen"], tanks, "xe-tang-tn-1", "Xe tăng TN-1", "TN-1 tank")
    sub = make_product(exhibitors["song_hong"], subs, "tau-ngam-sh-2", "Tàu ngầm SH-2", "SH-2 submarine")
    ExhibitPin.objects.create(edition=edition, product=tank, x=50, y=160)
    PointOfInterest.objects.create(
        edition=edition, kind="entrance", name_vi="Cổng chính", name_en="Main gate", x=200, y=5
    )
    DisplayArea.objects.create(
        venue=halls["F"], kind="display", name_vi="Đường băng", name_en="Display runway", points=rect(10, 250, 390, 290)
    )
    DisplayArea.objects.create(
        venue=halls["F"], kind="viewing", name_vi="Khán đài", name_en="Viewing stands", points=rect(100, 230, 300, 245)
    )
    return {"halls": halls, "stands": stands, "exhibitors": exhibitors, "tank": tank, "sub": sub}
