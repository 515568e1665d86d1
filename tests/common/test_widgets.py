from django import forms

from common.widgets import PlainSelect

CHOICES = [("", "Mọi địa điểm"), ("hall-a", "A · Nhà <trưng> bày A"), ("flight-line", "F & đường băng")]


def test_plain_select_writes_what_django_select_writes():
    for value, attrs in [
        ("", {"id": "id_venue"}),
        ("hall-a", {"id": "id_venue", "aria-invalid": "true", "required": True, "disabled": False}),
        ("nowhere", None),
    ]:
        expected = forms.Select(choices=CHOICES).render("venue", value, attrs)
        assert PlainSelect(choices=CHOICES).render("venue", value, attrs) == expected


def test_plain_select_with_groups_falls_back_to_the_templates():
    choices = [("Hà Nội", [("hall-a", "A")]), ("", "None")]
    assert PlainSelect(choices=choices).render("venue", "hall-a") == forms.Select(choices=choices).render(
        "venue", "hall-a"
    )
