from types import SimpleNamespace

from django.utils import translation

from common.text import translated


def test_a_value_in_the_asked_language_comes_first():
    row = SimpleNamespace(title_vi="Trình diễn bay", title_en="Flying display")
    assert translated(row, "title", "en") == "Flying display"
    assert translated(row, "title", "vi") == "Trình diễn bay"


def test_a_missing_value_falls_back_to_the_other_language():
    row = SimpleNamespace(title_vi="Trình diễn bay", title_en="")
    assert translated(row, "title", "en") == "Trình diễn bay"
    assert translated(SimpleNamespace(title_vi=None, title_en="Flying display"), "title", "vi") == "Flying display"


def test_the_active_language_is_the_default_and_nothing_set_reads_empty():
    row = SimpleNamespace(title_vi="Trình diễn bay", title_en="Flying display")
    with translation.override("en"):
        assert translated(row, "title") == "Flying display"
    assert translated(SimpleNamespace(title_vi="", title_en=None), "title", "vi") == ""
