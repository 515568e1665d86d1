"""A small site plan: two halls and an outdoor park, four placed stands, one unplaced, one pin."""

import pytest
from django.contrib.auth.models import Group, User
from model_bakery import baker

from exhibitors.models import Category, Sector
from siteplan.models import DisplayArea, ExhibitPin, PointOfInterest, SitePlan, StandPlacement, VenueOutline
from tests.factories import make_exhibitor, make_product


def rect(x0, y0, x1, y1):
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]


@pytest.fixture
def site(edition):
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
    naval = Sector.objects.create(slug="naval", name_vi="Hải quân", name_en="Naval", order=1)
    ground = Sector.objects.create(slug="ground-forces", name_vi="Lục quân", name_en="Ground forces", order=2)
    tanks = Category.objects.create(sector=ground, slug="tanks", name_vi="Xe tăng", name_en="Tanks")
    subs = Category.objects.create(sector=naval, slug="submarines", name_vi="Tàu ngầm", name_en="Submarines")
    exhibitors = {
        "song_hong": make_exhibitor(
            "song-hong", "Công ty Cơ khí Sông Hồng", "VN", sectors=[naval], stand=(halls["A"], "A-09"), edition=edition
        ),
        "duong": make_exhibitor(
            "duong-lam",
            "Tập đoàn An ninh Đường Lâm",
            "VN",
            sectors=[ground],
            stand=(halls["B"], "B-07"),
            edition=edition,
        ),
        "marine": make_exhibitor(
            "marine-demo", "Marine Atlantique", "FR", sectors=[naval], stand=(halls["A"], "A-01"), edition=edition
        ),
        "tay_nguyen": make_exhibitor(
            "tay-nguyen",
            "Nhà máy Xe đặc chủng Tây Nguyên",
            "VN",
            sectors=[ground],
            stand=(halls["S"], "S-01"),
            edition=edition,
        ),
        "late": make_exhibitor(
            "late-comer", "Late Comer Systems", "SG", sectors=[ground], stand=(halls["B"], "B-99"), edition=edition
        ),
    }
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


@pytest.fixture
def editor(site, client):
    user = User.objects.create_user("bien-tap", "bt@example.vn", "a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Content editors"))
    client.force_login(user)
    return client
