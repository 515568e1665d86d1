"""Country names: the one list every app uses (delegations, accreditation, catalogue).

django-countries gives ISO 3166 with names in both languages; its Vietnamese names are partly
wrong or shared (Iceland and Ireland both "Ai-len", Austria and Jersey both "Áo", Niger and
Nigeria both "Nigeria", Eswatini "Tiếng Swaziland", Réunion "Đoàn tụ"). ``NAMES`` below
overrides them (``COUNTRIES_OVERRIDE`` in settings) so that every name is unique in each
language (a test checks it) and follows Viet Nam's official usage.

Sources, per entry's comment:
  [BNG] the Ministry of Foreign Affairs' list of countries and territories and its
        transliterations ("Danh sách các quốc gia và vùng lãnh thổ", mofa.gov.vn);
  [TTXVN] the Viet Nam News Agency's house usage, where the ministry gives a short form;
  [UN] the United Nations' English short names (Republic of Korea, …). Viet Nam keeps
        "Vietnam" in English, as the expo's own name writes it; "Viet Nam" is accepted in imports.
Sensitive names: Taiwan, Hong Kong and Macao are written as parts of China; the two Koreas
as "Triều Tiên" and "Hàn Quốc", as Vietnamese official documents do.

Imports resolve a typed value with ``resolver().resolve(value)``: ISO only when written as
one (2–3 capitals), then an exact name (case- and NFC-insensitive, any language or alias),
then the accent-folded name when exactly one country folds that way, then the same without spaces
and hyphens ("Cu Ba" for "Cu-ba"); anything else is an error naming the candidates, never a guess.
"""

import functools
import re
import unicodedata

from django.utils.functional import lazy
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from common import collation

# code: (English, Vietnamese)
NAMES = {
    "TW": ("Taiwan (China)", "Đài Loan (Trung Quốc)"),  # [BNG] part of China
    "HK": ("Hong Kong (China)", "Hồng Kông (Trung Quốc)"),  # [BNG] special administrative region
    "MO": ("Macao (China)", "Ma Cao (Trung Quốc)"),  # [BNG] special administrative region
    "KP": ("Democratic People's Republic of Korea", "Triều Tiên"),  # [UN]; [BNG] short form
    "KR": ("Republic of Korea", "Hàn Quốc"),  # [UN]; [BNG] short form
    "US": ("United States of America", "Hoa Kỳ"),  # [BNG] short form (not "Hợp chủng quốc…")
    "RU": ("Russian Federation", "Liên bang Nga"),  # [UN]; [BNG]
    "GB": ("United Kingdom", "Vương quốc Anh"),  # [BNG] short form
    "IS": ("Iceland", "Ai-xơ-len"),  # [BNG] (django-countries: "Ai-len", Ireland's name)
    "IE": ("Ireland", "Ai-len"),  # [BNG]
    "AT": ("Austria", "Áo"),  # [BNG]
    "JE": ("Jersey", "Giơ-xi"),  # [TTXVN] transliteration (django-countries: "Áo")
    "NE": ("Niger", "Ni-giê"),  # [BNG] (django-countries: "Nigeria")
    "NG": ("Nigeria", "Ni-giê-ri-a"),  # [BNG]
    "SZ": ("Eswatini", "Ét-xoa-ti-ni"),  # [BNG] (django-countries: "Tiếng Swaziland")
    "RE": ("Réunion", "Rê-u-ni-ông"),  # [TTXVN] (django-countries: "Đoàn tụ", a mistranslation)
    "AU": ("Australia", "Ô-xtrây-li-a"),  # [BNG]; "Úc" accepted in imports
    "IT": ("Italy", "I-ta-li-a"),  # [BNG]; "Ý" accepted in imports
    "BY": ("Belarus", "Bê-la-rút"),  # [BNG]
    "CZ": ("Czechia", "Séc"),  # [BNG] short form
    "CL": ("Chile", "Chi-lê"),  # [BNG]
    "LY": ("Libya", "Li-bi"),  # [BNG] (django-countries: "Lybia")
    "RO": ("Romania", "Ru-ma-ni"),  # [BNG]
    "YE": ("Yemen", "Y-ê-men"),  # [BNG]
    "MM": ("Myanmar", "Mi-an-ma"),  # [BNG]
    "UA": ("Ukraine", "U-crai-na"),  # [BNG]
    "MD": ("Moldova", "Môn-đô-va"),  # [BNG]
    "SA": ("Saudi Arabia", "Ả-rập Xê-út"),  # [BNG]
    "AE": ("United Arab Emirates", "Các Tiểu vương quốc Ả-rập Thống nhất"),  # [BNG]
    "PS": ("Palestine", "Nhà nước Palestine"),  # [BNG]
    "TD": ("Chad", "Sát"),  # [BNG]
    "SO": ("Somalia", "Xô-ma-li"),  # [BNG]
}

# Other ways people write a country (imports and search): common short forms, old names,
# English variants. Matched exactly (NFC, case-blind) before anything is folded.
ALIASES = {
    "RU": ["Nga", "Russia"],
    "US": ["Mỹ", "Hợp chủng quốc Hoa Kỳ", "United States", "USA", "America"],
    "GB": ["Anh", "Vương quốc Liên hiệp Anh và Bắc Ai-len", "UK", "Britain", "Great Britain", "England"],
    "AU": ["Úc"],
    "IT": ["Ý", "Italia"],
    "CZ": ["Cộng hòa Séc", "Cộng hoà Séc", "Czech Republic"],
    "BY": ["Bêlarut", "Belarus"],
    "KR": ["Đại Hàn Dân Quốc", "South Korea", "Korea"],
    "KP": ["Bắc Triều Tiên", "CHDCND Triều Tiên", "North Korea"],
    "TW": ["Đài Loan", "Taiwan"],
    "HK": ["Hồng Kông", "Hong Kong"],
    "MO": ["Ma Cao", "Macao", "Macau"],
    "VN": ["Vietnam", "Việt Nam", "Viet Nam"],
    "TR": ["Turkey", "Thổ Nhĩ Kỳ"],
    "LA": ["Lào", "Laos", "Lao PDR"],
    "KH": ["Campuchia", "Cam-pu-chia", "Cambodia"],
    "SZ": ["Swaziland"],
    "MM": ["Myanma", "Burma"],
    "UA": ["Ukraina"],
    "CL": ["Chilê"],
    "NL": ["Hà Lan", "Holland"],
}

# The Ministry of Foreign Affairs' transliterations [BNG] of the countries that send delegations to
# the expo, as ministries write them in the lists they send. Resolved like aliases, and besides
# accent-, case-, hyphen- and space-blind ("Cu Ba", "Cu-ba", "cuba", "O-xtray-li-a").
MOFA = {
    "AO": ["Ăng-gô-la"],
    "AR": ["Ác-hen-ti-na"],
    "AM": ["Ác-mê-ni-a"],
    "AU": ["Ô-xtrây-li-a"],
    "AZ": ["A-déc-bai-gian"],
    "BD": ["Băng-la-đét"],
    "BE": ["Bỉ"],
    "BN": ["Bru-nây"],
    "BR": ["Bra-xin"],
    "BG": ["Bun-ga-ri"],
    "BY": ["Bê-la-rút"],
    "CA": ["Ca-na-đa"],
    "CL": ["Chi-lê"],
    "CN": ["Trung Quốc"],
    "CU": ["Cu-ba"],
    "CZ": ["Séc"],
    "DE": ["Đức", "CHLB Đức"],
    "DZ": ["An-giê-ri"],
    "EG": ["Ai Cập"],
    "ES": ["Tây Ban Nha"],
    "FI": ["Phần Lan"],
    "FR": ["Pháp"],
    "GB": ["Vương quốc Anh"],
    "HU": ["Hung-ga-ri"],
    "ID": ["In-đô-nê-xi-a"],
    "IL": ["I-xra-en"],
    "IN": ["Ấn Độ"],
    "IR": ["I-ran"],
    "IT": ["I-ta-li-a"],
    "JP": ["Nhật Bản"],
    "KG": ["Cư-rơ-gư-xtan"],
    "KH": ["Cam-pu-chia"],
    "KR": ["Hàn Quốc"],
    "KZ": ["Ca-dắc-xtan"],
    "LA": ["Lào"],
    "LK": ["Xri Lan-ca"],
    "MM": ["Mi-an-ma"],
    "MN": ["Mông Cổ"],
    "MY": ["Ma-lai-xi-a"],
    "NL": ["Hà Lan"],
    "NZ": ["Niu Di-lân"],
    "PH": ["Phi-líp-pin"],
    "PK": ["Pa-ki-xtan"],
    "PL": ["Ba Lan"],
    "RS": ["Xéc-bi-a"],
    "RU": ["Liên bang Nga"],
    "SA": ["Ả-rập Xê-út"],
    "SE": ["Thụy Điển"],
    "SG": ["Xin-ga-po"],
    "SK": ["Xlô-va-ki-a"],
    "TH": ["Thái Lan"],
    "TJ": ["Tát-gi-ki-xtan"],
    "TL": ["Ti-mo Lét-xtê", "Đông Ti-mo"],
    "TR": ["Thổ Nhĩ Kỳ"],
    "US": ["Hoa Kỳ"],
    "UZ": ["U-dơ-bê-ki-xtan"],
    "VE": ["Vê-nê-xu-ê-la"],
    "ZA": ["Nam Phi"],
}


def squash(text):
    """A name folded with spaces and hyphens gone: "Cu-ba", "Cu Ba" and "Cuba" are all "cuba"."""
    from common.text import words

    return "".join(words(text))


def _pick(code):
    english, vietnamese = NAMES[code]
    return vietnamese if (get_language() or "vi").startswith("vi") else english


_lazy_pick = lazy(_pick, str)

# Given to django-countries as COUNTRIES_OVERRIDE: names resolved in the active language.
OVERRIDE = {code: _lazy_pick(code) for code in NAMES}


def name(code, language):
    """The country's name in `language` ("vi" or "en")."""
    from django_countries import countries

    with override(language):
        return str(countries.name(code))


def sort_key(text, language="vi"):
    """Alphabetical order of names in `language` (common.collation's order)."""
    return collation.name_key(text, language)


def ordered(codes, language):
    """`codes` sorted by their country names in `language`."""
    return sorted(codes, key=lambda code: sort_key(name(code, language), language))


def _exact(text):
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


class CountryError(ValueError):
    pass


class Resolver:
    """Maps typed country values to ISO codes without guessing (see the module's docstring)."""

    def __init__(self):
        from django_countries import countries

        from common.text import fold

        self._fold = fold
        self.codes = {}
        for code, _name in countries:
            self.codes[code] = code
            alpha3 = countries.alpha3(code)
            if alpha3:
                self.codes[alpha3] = code
        self.exact, self.folded, self.squashed = {}, {}, {}
        for code in self.codes.values():
            names = [name(code, "vi"), name(code, "en"), *ALIASES.get(code, []), *MOFA.get(code, [])]
            for text in names:
                self.exact.setdefault(_exact(text), set()).add(code)
                self.folded.setdefault(fold(text), set()).add(code)
                self.squashed.setdefault(squash(text), set()).add(code)

    def resolve(self, value):
        text = " ".join(unicodedata.normalize("NFC", str(value)).split())
        if re.fullmatch(r"[A-Z]{2,3}", text) and text in self.codes:
            return self.codes[text]
        tables = ((self.exact, _exact(text)), (self.folded, self._fold(text)), (self.squashed, squash(text)))
        for table, key in tables:
            found = table.get(key, set())
            if len(found) == 1:
                return next(iter(found))
            if len(found) > 1:
                candidates = ", ".join(f"{name(code, get_language() or 'vi')} ({code})" for code in sorted(found))
                raise CountryError(
                    _("“%(value)s” could name several countries: %(candidates)s. Write the name in full.")
                    % {"value": value, "candidates": candidates}
                )
        raise CountryError(
            _("Unknown country “%(value)s” (give the name in Vietnamese or English, or the ISO code in capitals).")
            % {"value": value}
        )


@functools.cache
def resolver():
    return Resolver()


def choices(language=None):
    """Every country as (code, name) in `language` (the active one), in that language's order.

    For forms: django-countries sorts by ASCII-folded names, which puts Đ after Z in Vietnamese.
    """
    from django_countries import countries

    language = language or get_language() or "vi"
    with override(language):
        pairs = [(code, str(label)) for code, label in countries]
    return sorted(pairs, key=lambda pair: sort_key(pair[1], language))
