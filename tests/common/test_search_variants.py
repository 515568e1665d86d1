"""Words under one spelling, the same for what is indexed and what is searched (common.text)."""

import pytest

from common.text import holds, search_text, search_words, variant


@pytest.mark.parametrize(
    ("word", "spelling"),
    [
        ("radars", "radar"),
        ("rada", "radar"),  # "rađa", folded
        ("missiles", "missile"),
        ("batteries", "battery"),
        ("boxes", "box"),
        ("classes", "class"),
        ("gas", "gas"),
        ("bus", "bus"),
        ("chassis", "chassis"),
        ("tau", "tau"),
        ("uavs", "uav"),
        ("1000s", "1000"),
    ],
)
def test_variant(word, spelling):
    assert variant(word) == spelling


def test_query_and_column_meet_on_one_spelling():
    column = search_text("Rađa dẫn bắn", "Fire-control radar", "Anti-aircraft missiles")
    assert column == " radar dan ban fire control radar anti aircraft missile firecontrol antiaircraft "
    for query in ("rađa", "radars", "RADAR", "anti-aircraft missile", "antiaircraft", "fire control", "missiles"):
        assert holds(column, search_words(query)), query
    assert not holds(column, search_words("aircrafts carrier"))
