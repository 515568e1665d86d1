"""Visitor information: bilingual sections kept by content editors, linked from home and footer;
an unfilled section is hidden in public."""

from model_bakery import baker

from expo import demo
from expo.models import VisitorInfo

PLACEHOLDERS = ("to be filled in", "TO BE FILLED IN", "sẽ cập nhật", "SẼ CẬP NHẬT", "badge-todo")


def test_visit_page_shows_confirmed_sections_and_hides_unfilled_ones(client, edition):
    baker.make(
        VisitorInfo,
        edition=edition,
        topic="transport",
        order=1,
        to_be_filled=False,
        body_vi="Xe buýt số 10 đến Sân bay Gia Lâm.",
        body_en="Bus 10 to Gia Lam Airfield.",
    )
    baker.make(VisitorInfo, edition=edition, topic="hours", order=2, to_be_filled=True, body_vi="8:00–17:00")
    baker.make(VisitorInfo, edition=edition, topic="security", order=3, to_be_filled=False, body_vi="", body_en="")
    baker.make(VisitorInfo, edition=edition, topic="days", order=4, to_be_filled=False, body_vi="Bốn ngày.")
    vi = client.get("/vi/visit/").content.decode()
    assert "Đi lại và đỗ xe" in vi and "Xe buýt số 10 đến Sân bay Gia Lâm." in vi
    assert "Giờ mở cửa" not in vi and "8:00–17:00" not in vi and "Quy định an ninh" not in vi
    en = client.get("/en/visit/").content.decode()
    assert "Transport and parking" in en and "Bus 10 to Gia Lam Airfield." in en
    assert "Opening hours" not in en and "Security rules" not in en
    assert "Bốn ngày." in en  # written in Vietnamese only: shown in English too (fallback)
    assert not [text for text in PLACEHOLDERS for page in (vi, en) if text in page]


def test_content_editors_can_edit_the_visitor_information(client, edition):
    from django.contrib.auth.models import Group, User

    baker.make(VisitorInfo, edition=edition, topic="hours", order=1, body_vi="8:00", to_be_filled=True)
    editor = User.objects.create_user("bien-tap", "bt@example.vn", "a-long-password-1", is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    assert editor.has_perms([f"expo.{action}_visitorinfo" for action in ("add", "change", "delete", "view")])
    client.force_login(editor)
    html = client.get(f"/admin/expo/edition/{edition.pk}/change/").content.decode()
    assert 'name="visitor_info-0-body_vi"' in html and 'name="visitor_info-0-to_be_filled"' in html
    press = User.objects.create_user("bao-chi", "bc@example.vn", "a-long-password-1", is_staff=True)
    press.groups.add(Group.objects.get(name="Press office"))
    assert press.has_perm("expo.view_visitorinfo") and not press.has_perm("expo.change_visitorinfo")


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


def test_demo_visitor_information_is_filled_in_both_languages(client, db):
    edition, _ = demo.load_edition()
    sections = {s.topic: s for s in VisitorInfo.objects.filter(edition=edition)}
    assert set(sections) == {"hours", "days", "admission", "transport", "security", "accessibility"}
    shown = {"hours", "days", "admission", "transport", "security"}
    assert {topic for topic, s in sections.items() if not s.to_be_filled and s.body_vi and s.body_en} == shown
    assert "19 đến 22/12/2024" in sections["days"].body_vi
    assert "Gia Lam Airfield, Hanoi" in sections["transport"].body_en
    # What the press reports did not publish is said to be illustrative, never passed off as fact.
    assert sections["hours"].body_en.startswith("Illustrative for the demo")
    assert sections["security"].body_vi.startswith("Minh hoạ cho bản demo")
    for language, titles in (
        ("vi", ["Giờ mở cửa", "Ngày dành cho khách thương mại và công chúng", "Vé vào cửa", "Đi lại và đỗ xe"]),
        ("en", ["Opening hours", "Trade and public days", "Admission", "Transport and parking", "Security rules"]),
    ):
        html = client.get(f"/{language}/visit/").content.decode()
        assert all(title in html for title in titles), language
        assert not [text for text in PLACEHOLDERS if text in html]
