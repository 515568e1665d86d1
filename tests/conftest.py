import datetime

import pytest
from django.core.cache import cache
from model_bakery import baker


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def edition(db):
    """A current edition with Vietnamese and English texts, like the demo's."""
    return baker.make(
        "expo.Edition",
        slug="vide-2024",
        acronym="VIDE 2024",
        ordinal=2,
        name_vi="Triển lãm Quốc phòng quốc tế Việt Nam 2024",
        name_en="Vietnam International Defence Expo 2024",
        theme_vi="Hòa bình, Hữu nghị, Hợp tác cùng phát triển",
        theme_en="Peace, Friendship, Cooperation for Development",
        venue_name_vi="Sân bay Gia Lâm",
        venue_name_en="Gia Lam Airfield",
        city_vi="Hà Nội",
        city_en="Hanoi",
        start_date=datetime.date(2024, 12, 19),
        end_date=datetime.date(2024, 12, 22),
        is_current=True,
    )
