"""Two languages: the prefix, the redirect from /, the lang attribute, the switcher, 404s."""

import re

import pytest


@pytest.mark.parametrize(
    ("accept", "target"),
    [("en-GB,en;q=0.9", "/en/"), ("vi-VN,vi;q=0.9,en;q=0.5", "/vi/"), ("fr-FR,fr;q=0.9", "/vi/"), ("", "/vi/")],
)
def test_root_redirects_by_accept_language(client, edition, accept, target):
    response = client.get("/", headers={"accept-language": accept} if accept else {})
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize(
    ("lang", "title", "theme"),
    [
        ("vi", "Triển lãm Quốc phòng quốc tế Việt Nam 2024", "Hòa bình, Hữu nghị, Hợp tác cùng phát triển"),
        ("en", "Vietnam International Defence Expo 2024", "Peace, Friendship, Cooperation for Development"),
    ],
)
def test_home_renders_in_its_language(client, edition, lang, title, theme):
    html = client.get(f"/{lang}/").content.decode()
    assert f'<html lang="{lang}">' in html
    assert f'<h1 id="edition-title" class="hero__title">{title}</h1>' in html
    assert f"“{theme}”" in html


def test_switcher_links_to_the_same_page_in_the_other_language(client, edition):
    html = client.get("/en/?utm=x").content.decode()
    assert re.search(r'<a href="/vi/\?utm=x" hreflang="vi" lang="vi">Tiếng Việt</a>', html)
    assert '<span aria-current="true" lang="en">English</span>' in html


def test_switcher_on_a_missing_page_offers_the_other_home(client, edition):
    html = client.get("/vi/no-such-page/").content.decode()
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in html


@pytest.mark.parametrize(
    ("path", "heading"),
    [("/vi/khong-co/", "Không tìm thấy trang"), ("/en/nothing-here/", "Page not found")],
)
def test_404_in_each_language(client, edition, path, heading):
    response = client.get(path)
    assert response.status_code == 404
    assert f"<h1>{heading}</h1>" in response.content.decode()


def test_unknown_language_prefix_is_a_404(client, edition):
    response = client.get("/fr/", headers={"accept-language": "en"})
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()


def test_500_page_in_each_language(rf, settings):
    from django.utils import translation
    from django.views.defaults import server_error

    with translation.override("vi"):
        html = server_error(rf.get("/vi/")).content.decode()
    assert '<html lang="vi">' in html and "Đã có lỗi xảy ra từ phía chúng tôi" in html
    with translation.override("en"):
        html = server_error(rf.get("/en/")).content.decode()
    assert '<html lang="en">' in html and "Something went wrong on our side" in html
