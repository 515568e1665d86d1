"""Where each app registers its design-scale data for `make bench` (`manage.py generate_bench_data`).

Each app registers a generator in its own `benchdata.py` with `@bench_registry.register(order=…)`;
a generator is `func(*, edition, counts, rng, progress) -> str` (a summary line). Everything
is seeded, so two runs produce the same rows; every bench row's slug starts with "bench-",
so a new run replaces the last one without touching demo or real content.
"""

from common.loaders import LoaderRegistry

_registry = LoaderRegistry("benchdata", "programme.benchdata")
register = _registry.register
generators = _registry.loaders

PREFIX = "bench-"

# Fifty countries, as at the largest shows.
COUNTRIES = [
    "VN",
    "US",
    "FR",
    "DE",
    "GB",
    "IT",
    "ES",
    "RU",
    "CN",
    "JP",
    "KR",
    "IN",
    "ID",
    "MY",
    "SG",
    "TH",
    "PH",
    "LA",
    "KH",
    "MM",
    "AU",
    "NZ",
    "CA",
    "BR",
    "AR",
    "CL",
    "MX",
    "ZA",
    "EG",
    "TR",
    "IL",
    "AE",
    "SA",
    "PK",
    "BD",
    "LK",
    "NL",
    "BE",
    "SE",
    "NO",
    "FI",
    "DK",
    "PL",
    "CZ",
    "SK",
    "HU",
    "RO",
    "BG",
    "UA",
    "BY",
]

# Syllables for invented but realistic names, with the diacritics that search must fold.
VI_SYLLABLES = [
    "Hòa",
    "Bình",
    "Đông",
    "Sơn",
    "Hải",
    "Thành",
    "Quang",
    "Việt",
    "Tiến",
    "Phú",
    "Hưng",
    "Long",
    "Ngọc",
    "Đức",
    "Trường",
    "Minh",
    "Thịnh",
    "Lạc",
    "Kiên",
    "Đạt",
    "Nghĩa",
    "Tân",
    "Phát",
    "Hồng",
]
EN_WORDS = [
    "Aero",
    "Marine",
    "Defence",
    "Systems",
    "Dynamics",
    "Optics",
    "Armour",
    "Signal",
    "Vector",
    "Falcon",
    "Harbour",
    "Summit",
    "Delta",
    "Orbit",
    "Titan",
    "Granite",
    "Nova",
    "Sentinel",
    "Atlas",
    "Pioneer",
]


def vi_name(rng, words=2):
    return " ".join(rng.choice(VI_SYLLABLES) for _ in range(words))


def en_name(rng, words=2):
    return " ".join(rng.choice(EN_WORDS) for _ in range(words))
