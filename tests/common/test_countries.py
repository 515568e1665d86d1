"""One list of country names: unique in each language, Viet Nam's official usage, no guessing."""

import collections
import unicodedata

import pytest
import time_machine
from django.utils.translation import override
from django_countries import countries

from common import countries as country_names
from common.countries import CountryError, Resolver, resolver
from common.text import fold
from tests.forms import APPLICATIONS_OPEN


@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_two_countries_share_a_name_even_folded(language):
    with override(language):
        by_name, by_folded = collections.defaultdict(set), collections.defaultdict(set)
        for code, name in countries:
            by_name[name].add(code)
            by_folded[fold(name)].add(code)
    assert {name: codes for name, codes in by_name.items() if len(codes) > 1} == {}
    assert {name: codes for name, codes in by_folded.items() if len(codes) > 1} == {}


@pytest.mark.parametrize(
    ("code", "vietnamese"),
    [
        ("IS", "Ai-xơ-len"),
        ("IE", "Ai-len"),
        ("AT", "Áo"),
        ("JE", "Giơ-xi"),
        ("NE", "Ni-giê"),
        ("NG", "Ni-giê-ri-a"),
        ("SZ", "Ét-xoa-ti-ni"),
        ("RE", "Rê-u-ni-ông"),
        ("TW", "Đài Loan (Trung Quốc)"),
        ("KP", "Triều Tiên"),
        ("KR", "Hàn Quốc"),
        ("US", "Hoa Kỳ"),
    ],
)
def test_vietnamese_names_follow_official_usage(code, vietnamese):
    assert country_names.name(code, "vi") == vietnamese


def test_english_names_stay_english():
    assert country_names.name("TW", "en") == "Taiwan (China)"
    assert country_names.name("FR", "en") == "France"


def test_vietnamese_alphabet_order():
    names = ["Ấn Độ", "Áo", "Đức", "Ai Cập", "Ăng-gô-la", "Ô-xtrây-li-a", "Ơ", "Oman"]
    assert sorted(names, key=country_names.sort_key) == [
        "Ai Cập",
        "Áo",
        "Ăng-gô-la",
        "Ấn Độ",
        "Đức",
        "Oman",
        "Ô-xtrây-li-a",
        "Ơ",
    ]


def test_countries_order_by_name_in_the_language():
    # Áo, Đức (Đ right after D), Trung Quốc, Việt Nam
    assert country_names.ordered(["DE", "AT", "VN", "CN"], "vi") == ["AT", "DE", "CN", "VN"]
    assert country_names.ordered(["DE", "AT", "VN", "CN"], "en") == ["AT", "CN", "DE", "VN"]


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Nga", "RU"),
        ("Liên bang Nga", "RU"),
        ("Áo", "AT"),
        ("Mỹ", "US"),
        ("Hoa Kỳ", "US"),
        ("Anh", "GB"),
        ("Vương quốc Anh", "GB"),
        ("Hàn Quốc", "KR"),
        ("Úc", "AU"),
        ("Ấn Độ", "IN"),
        ("Lào", "LA"),
        ("Campuchia", "KH"),
        ("Trung Quốc", "CN"),
        ("Nhật Bản", "JP"),
        ("Pháp", "FR"),
        ("Đức", "DE"),
        ("Ý", "IT"),
        ("Ba Lan", "PL"),
        ("Séc", "CZ"),
        ("Thổ Nhĩ Kỳ", "TR"),
        ("Ai Cập", "EG"),
        ("Bê-la-rút", "BY"),
        ("Russia", "RU"),
        ("United Kingdom", "GB"),
        ("germany", "DE"),
        # folded, because exactly one country folds that way
        ("nga", "RU"),
        ("ao", "AT"),
        ("my", "US"),
        ("hoa ky", "US"),
        # ISO codes only when written as codes
        ("NGA", "NG"),
        ("AO", "AO"),
        ("MY", "MY"),
        ("VNM", "VN"),
    ],
)
def test_typed_country_values_resolve_without_guessing(typed, code):
    assert resolver().resolve(typed) == code
    assert resolver().resolve(unicodedata.normalize("NFD", typed)) == code  # typed decomposed
    assert resolver().resolve(f"  {typed} ") == code


def test_unknown_country_is_an_error():
    with override("vi"), pytest.raises(CountryError, match="Không rõ nước “Atlantis”"):
        resolver().resolve("Atlantis")
    with pytest.raises(CountryError):
        resolver().resolve("XX")


def test_ambiguous_value_names_every_candidate(monkeypatch):
    # A name two countries could be written as: refused, with both named.
    monkeypatch.setitem(country_names.ALIASES, "CD", ["Congo"])
    with override("en"), pytest.raises(CountryError) as caught:
        Resolver().resolve("congo")
    assert "Congo (CG)" in str(caught.value) and "(CD)" in str(caught.value)


def test_accreditation_form_lists_countries_in_the_visitors_alphabet(client, edition):
    with time_machine.travel(APPLICATIONS_OPEN, tick=False):  # the form is shown while applications are taken
        html = client.get("/vi/press/accreditation/").content.decode()
    html = html[html.index('name="country"') :]
    html = html[: html.index("</select>")]
    names = [name for name in ("Ai Cập", "Áo", "Ấn Độ", "Đan Mạch", "Đức", "Ecuador", "Việt Nam") if name in html]
    assert names == ["Ai Cập", "Áo", "Ấn Độ", "Đan Mạch", "Đức", "Ecuador", "Việt Nam"]
    assert sorted(names, key=html.index) == names
