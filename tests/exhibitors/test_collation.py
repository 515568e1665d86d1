"""Vietnamese alphabetical order: a ă â b c d đ e ê …, tones after the bare letter, on any database."""

import re

from common import collation
from exhibitors.models import Exhibitor
from tests.factories import make_exhibitor, make_product

EXPECTED = [
    "An Bình",
    "Ăn Uống",
    "Âu Lạc",
    "Bạch Đằng",
    "Dầu khí",
    "Đà Nẵng",
    "Đông Á",
    "Em",
    "Ê-kíp",
    "Ma",
    "Mà",
    "Mả",
    "Mã",
    "Má",
    "Mạ",
    "Ô tô",
    "Ơn",
    "Tập đoàn Hà Nội",
    "Trung tâm Kỹ thuật",
    "Ưu tiên",
    "Zeta",
]


def test_sort_key_follows_the_vietnamese_alphabet():
    shuffled = EXPECTED[::-1]
    assert sorted(shuffled, key=collation.sort_key) == EXPECTED
    # Decomposed input (NFD) sorts like composed.
    assert collation.sort_key("Tập đoàn") == collation.sort_key("Ta\u0323\u0302p đoàn")


def test_database_orders_names_the_vietnamese_way(db):
    for n, name in enumerate(reversed(EXPECTED)):
        Exhibitor.objects.create(slug=f"e{n}", name=name, country="VN")
    names = list(Exhibitor.objects.order_by(collation.by_name("name"), "pk").values_list("name", flat=True))
    assert names == EXPECTED


def test_catalogue_lists_in_vietnamese_order(client, edition, sectors):
    trung = make_exhibitor("trung", "Trung tâm Kỹ thuật Nhiệt đới", "VN")
    make_exhibitor("tap", "Tập đoàn Công nghiệp Viettel", "VN")
    make_exhibitor("dong", "Đông Á", "VN")
    make_exhibitor("dau", "Dầu khí Việt", "VN")
    make_product(trung, sectors["submarines"], "d2", "Đèn pha", "Searchlight")
    make_product(trung, sectors["submarines"], "d1", "Dù lượn", "Paraglider")
    make_product(trung, sectors["submarines"], "t1", "Tàu kéo", "Tug")
    make_product(trung, sectors["submarines"], "t2", "Thiết giáp", "Armour")
    html = client.get("/vi/exhibitors/").content.decode()
    names = re.findall(r'class="(?:card|row)__title"><a href="[^"]+">([^<]+)</a>', html)
    assert names == ["Dầu khí Việt", "Đông Á", "Tập đoàn Công nghiệp Viettel", "Trung tâm Kỹ thuật Nhiệt đới"]
    html = client.get("/vi/exhibits/").content.decode()
    names = re.findall(r'class="(?:card|row)__title"><a href="[^"]+">([^<]+)</a>', html)
    assert names == ["Dù lượn", "Đèn pha", "Tàu kéo", "Thiết giáp"]
    html = client.get("/vi/exhibitors/trung/").content.decode()
    assert html.index("Dù lượn") < html.index("Đèn pha") < html.index("Tàu kéo") < html.index("Thiết giáp")
