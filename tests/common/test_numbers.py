"""Numbers as each language writes them (common/numbers.py): the one formatter of pages and PDFs."""

import pytest

from common.numbers import format_figures, format_number


@pytest.mark.parametrize(
    ("typed", "vi", "en"),
    [
        ("11\u202f509 m", "11.509 m", "11,509 m"),  # the demo's narrow no-break space
        ("11 509 m", "11.509 m", "11,509 m"),
        ("1472 km/h", "1.472 km/h", "1,472 km/h"),
        ("1.472 km/h", "1.472 km/h", "1,472 km/h"),  # typed the Vietnamese way
        ("1,472 km/h", "1.472 km/h", "1,472 km/h"),  # typed the English way
        ("7.62×51 mm", "7,62×51 mm", "7.62×51 mm"),
        ("1,5 m", "1,5 m", "1.5 m"),
        ("0.125 s", "0,125 s", "0.125 s"),
        ("1.472,5 kg", "1.472,5 kg", "1,472.5 kg"),
        ("400 hải lý", "400 hải lý", "400 hải lý"),
        ("-10 … +55 °C", "-10 … +55 °C", "-10 … +55 °C"),
        ("Su-30MK2, 9M317, T-90S", "Su-30MK2, 9M317, T-90S", "Su-30MK2, 9M317, T-90S"),
        ("30.000+", "30.000+", "30,000+"),
    ],
)
def test_figures_in_a_text_follow_the_language(typed, vi, en):
    assert format_figures(typed, language="vi") == vi
    assert format_figures(typed, language="en") == en


def test_a_number_is_grouped_from_four_digits():
    assert [format_number(n, language="vi") for n in (3, 1472, 11509)] == ["3", "1.472", "11.509"]
    assert [format_number(n, language="en") for n in (3, 1472, 11509)] == ["3", "1,472", "11,509"]
    assert format_number(2.5, 1, language="vi") == "2,5"
    assert format_number(1234.56, 0, language="en") == "1,235"  # rounded, never cut
