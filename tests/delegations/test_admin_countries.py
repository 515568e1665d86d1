"""Countries in the protocol admin: the dashboard's and the changelist filter's lists, by name in the language."""

import re

from django.urls import reverse

from tests.factories import make_delegation

CHANGELIST = reverse("admin:delegations_delegation_changelist")


def test_dashboard_lists_countries_by_name_and_its_links_filter_the_changelist(protocol_client, edition):
    for code in ("VN", "DE", "AT", "IN", "US"):
        make_delegation(edition, code, "Bộ Quốc phòng", status="accepted")
    make_delegation(edition, "FR", "Ministère des Armées", status="declined")
    html = protocol_client.get(
        reverse("admin:delegations_delegation_dashboard"), headers={"accept-language": "vi"}
    ).content.decode()
    section = html[html.index("Theo quốc gia") :]
    names = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', section)
    assert names == ["Áo", "Ấn Độ", "Đức", "Hoa Kỳ", "Pháp", "Việt Nam"]
    link = re.search(r'<th scope="row"><a href="([^"]+)">Đức</a>', section).group(1).replace("&amp;", "&")
    listed = protocol_client.get(link, headers={"accept-language": "vi"}).context["cl"]
    assert [d.country.code for d in listed.result_list] == ["DE"]
    declined = re.search(r'href="([^"]+status__exact=declined)"', html).group(1).replace("&amp;", "&")
    listed = protocol_client.get(declined, headers={"accept-language": "en"}).context["cl"]
    assert [d.organisation for d in listed.result_list] == ["Ministère des Armées"]


def country_filter(html, parameter="country"):
    """The country filter's link texts, in the order the sidebar lists them."""
    return [name.strip() for name in re.findall(rf'<a href="\?{parameter}=[A-Z]{{2}}"[^>]*>([^<]+)</a>', html)]


def test_country_filter_lists_countries_in_the_languages_alphabet(protocol_client, edition):
    # django-countries' own order (ASCII-folded names) put "Ấn Độ" first and "Đức" after "Zambia".
    for code in ["IN", "GB", "AU", "DE", "JP", "PL", "DK", "ZM", "AT"]:
        make_delegation(edition, code, f"Bộ Quốc phòng ({code})")
    vietnamese = protocol_client.get(CHANGELIST, headers={"accept-language": "vi"}).content.decode()
    assert country_filter(vietnamese) == [
        "Áo",
        "Ấn Độ",
        "Ba Lan",
        "Đan Mạch",
        "Đức",
        "Nhật Bản",
        "Ô-xtrây-li-a",
        "Vương quốc Anh",
        "Zambia",
    ]
    english = protocol_client.get(CHANGELIST, headers={"accept-language": "en"}).content.decode()
    assert country_filter(english) == [
        "Australia",
        "Austria",
        "Denmark",
        "Germany",
        "India",
        "Japan",
        "Poland",
        "United Kingdom",
        "Zambia",
    ]
