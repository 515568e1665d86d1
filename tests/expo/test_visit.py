"""Visitor information: bilingual sections from the admin, linked from home and footer; demo marks gaps."""

from model_bakery import baker

from expo import demo
from expo.models import VisitorInfo


def test_visit_page_in_both_languages_marks_what_is_to_be_filled_in(client, edition):
    baker.make(
        VisitorInfo,
        edition=edition,
        topic="transport",
        order=1,
        to_be_filled=False,
        body_vi="Xe buýt số 10 đến Sân bay Gia Lâm.",
        body_en="Bus 10 to Gia Lam Airfield.",
    )
    baker.make(VisitorInfo, edition=edition, topic="hours", order=2, to_be_filled=True, body_vi="", body_en="")
    vi = client.get("/vi/visit/").content.decode()
    assert "Đi lại và đỗ xe" in vi and "Xe buýt số 10 đến Sân bay Gia Lâm." in vi
    assert "Giờ mở cửa" in vi and vi.count('class="badge-todo"') == 1 and "sẽ cập nhật" in vi
    en = client.get("/en/visit/").content.decode()
    assert "Transport and parking" in en and "Bus 10 to Gia Lam Airfield." in en
    assert 'Opening hours <span class="badge-todo">to be filled in</span>' in en


def test_home_and_footer_link_visitor_information_and_the_calls_to_action(client, edition):
    html = client.get("/en/").content.decode()
    for href, text in [
        ("/en/exhibits/", "Browse the exhibits"),
        ("/en/programme/", "See the programme"),
        ("/en/press/", "Press centre"),
        ("/en/visit/", "Visitor information"),
    ]:
        assert f'<a href="{href}">{text}</a>' in html
    footer = html[html.index("<footer") :]
    assert '<a href="/en/visit/">Visitor information</a>' in footer


def test_demo_visitor_information_states_only_published_facts(db):
    edition, _ = demo.load_edition()
    sections = {s.topic: s for s in VisitorInfo.objects.filter(edition=edition)}
    assert set(sections) == {"hours", "days", "admission", "transport", "security", "accessibility"}
    assert all(s.to_be_filled for s in sections.values())  # nothing beyond EXPO-FACTS.md is claimed
    assert (
        "19 đến 22/12/2024" in sections["days"].body_vi and "Gia Lam Airfield, Hanoi" in sections["transport"].body_en
    )
    assert sections["hours"].body_vi == "" and sections["admission"].body_en == ""
