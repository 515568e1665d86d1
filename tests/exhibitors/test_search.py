"""Search as a visitor uses it: word starts, phrase first, accents optional, every section."""

import unicodedata

import pytest

from exhibitors.models import Exhibitor, Product
from expo.models import ProgrammeItem
from tests.factories import make_exhibitor, make_item, make_product, make_release
from tests.forms import titles


@pytest.fixture
def words_catalogue(edition, sectors):
    maker = make_exhibitor("nha-may", "Nhà máy Z", "VN")
    summary = "Nội dung kỹ thuật"
    make_product(maker, sectors["submarines"], "nhan", "Máy nhận tín hiệu", "Signal receiver", summary_vi=summary)
    make_product(maker, sectors["submarines"], "hn", "Xe bọc thép Nội Hà", "Armoured car")
    make_product(maker, sectors["submarines"], "phrase", "Tàu tuần tra Hà Nội", "Hanoi patrol boat")
    return maker


def test_words_match_at_word_starts_never_inside_a_word(words_catalogue):
    # "ha" is inside "nhận" and "noi" starts "nội dung": neither word starts that exhibit's words
    # as the query does, so only exhibits with a word starting "ha" AND one starting "noi" match.
    assert sorted(Product.objects.search("ha noi").values_list("slug", flat=True)) == ["hn", "phrase"]
    assert list(Product.objects.search("han").values_list("slug", flat=True)) == ["phrase"]  # "hanoi"
    # Every word but the last is a whole word; the last may be cut short, as when typing.
    assert list(Product.objects.search("tin hie").values_list("slug", flat=True)) == ["nhan"]
    assert not Product.objects.search("ti hieu").exists()
    assert list(Exhibitor.objects.search("ay")) == []  # "máy" does not start with "ay"


def test_phrase_matches_rank_first_on_the_page(client, words_catalogue):
    html = client.get("/vi/exhibits/?q=ha+noi").content.decode()
    # "Tàu tuần tra Hà Nội" holds the phrase; "Xe bọc thép Nội Hà" only both words.
    assert titles(html) == ["Tàu tuần tra Hà Nội", "Xe bọc thép Nội Hà"]
    decomposed = unicodedata.normalize("NFD", "Hà Nội")
    html = client.get("/vi/exhibits/", {"q": decomposed}).content.decode()
    assert titles(html) == ["Tàu tuần tra Hà Nội", "Xe bọc thép Nội Hà"]


def test_exhibit_search_also_finds_its_makers_words_after_a_rename(words_catalogue):
    assert Product.objects.search("nha may z").count() == 3
    words_catalogue.name = "Công ty Sông Đà"
    words_catalogue.save()
    assert Product.objects.search("nha may z").count() == 0
    assert Product.objects.search("song da").count() == 3


def test_programme_search_covers_every_day_in_both_languages(client, edition):
    make_item(edition, day=19, title_vi="Hội thảo Hà Nội an ninh", title_en="Hanoi security seminar")
    make_item(edition, day=21, title_vi="Bay biểu diễn Su-30", title_en="Su-30 flying show", hosts_vi="Đoàn bay Nội Hà")
    make_item(edition, day=20, title_vi="Nhận diện mục tiêu", title_en="Target recognition")
    html = client.get("/vi/programme/?q=ha+noi").content.decode()
    assert "Hội thảo Hà Nội an ninh" in html and "Bay biểu diễn Su-30" in html
    assert "Nhận diện mục tiêu" not in html
    assert html.index("Hội thảo Hà Nội an ninh") < html.index("Bay biểu diễn Su-30")
    assert "Các mục chương trình khớp với “ha noi”" in html and "19/12" in html and "21/12" in html
    html = client.get("/en/programme/?q=flying+show").content.decode()
    assert "Su-30 flying show" in html and "Hanoi security seminar" not in html
    assert "No programme item matches this search." in client.get("/en/programme/?q=zzz").content.decode()


def test_site_search_page_covers_every_section(client, edition, sectors, django_assert_num_queries):
    maker = make_exhibitor("hn-marine", "Hà Nội Marine", "VN")
    make_product(maker, sectors["submarines"], "tau", "Tàu ngầm Kilo", "Kilo submarine")
    make_item(edition, day=20, title_vi="Họp báo tàu ngầm", title_en="Submarine press conference")
    make_release(edition, "tau-ngam", hours=-2, title_vi="Tàu ngầm ra mắt", title_en="Submarine unveiled")
    make_release(edition, "embargo", hours=5, title_vi="Tàu ngầm bí mật", title_en="Secret submarine")
    # The first search after an edit builds the catalogue's index: 5 queries, and 2 for its words.
    with django_assert_num_queries(5 + 7):
        client.get("/vi/search/", {"q": "tau ngam"})
    # Then: the edition, the rows of each section that has matches (no exhibitor has these words:
    # the index knows, without a query), and when the next embargo lifts (the page expires then).
    with django_assert_num_queries(5):
        response = client.get("/vi/search/", {"q": "tau ngam"})
    html = response.content.decode()
    assert response.status_code == 200
    for text in ("Tàu ngầm Kilo", "Họp báo tàu ngầm", "Tàu ngầm ra mắt"):
        assert text in html
    assert "bí mật" not in html  # embargoed
    html = client.get("/en/search/", {"q": "ha noi"}).content.decode()
    assert "Hà Nội Marine" in html and "Exhibitors" in html
    assert 'href="/en/search/"' in client.get("/en/").content.decode()  # linked from the header
    assert "Nothing matches" in client.get("/en/search/", {"q": "qqqq"}).content.decode()


def test_site_search_refuses_an_overlong_query_in_the_visitors_language(client, edition):
    response = client.get("/vi/search/", {"q": "a" * 300})
    assert response.status_code == 400
    assert "tối đa 200 ký tự" in response.content.decode()


def test_search_column_of_a_programme_item_follows_its_save(edition):
    item = make_item(edition, title_vi="Lễ khai mạc", title_en="Opening ceremony")
    assert item.search_text == " le khai mac opening ceremony "
    item.title_en = "Opening"
    item.save()
    assert list(ProgrammeItem.objects.search("ceremony")) == []
