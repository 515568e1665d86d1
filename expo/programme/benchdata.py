"""Design-scale programme for `make bench`: items over the edition's days in every venue."""

import datetime

from common import bench_registry
from common.text import nfc
from expo.models import ProgrammeItem, Venue

TITLES = [
    (ProgrammeItem.Type.SEMINAR, "Hội thảo: {}", "Seminar: {}"),
    (ProgrammeItem.Type.FLYING_DISPLAY, "Trình diễn bay {}", "Flying display {}"),
    (ProgrammeItem.Type.DEMONSTRATION, "Trình diễn đặc công {}", "Special-forces demonstration {}"),
    (ProgrammeItem.Type.MATCHMAKING, "Kết nối giao thương {}", "Trade matchmaking {}"),
    (ProgrammeItem.Type.PRESS_CONFERENCE, "Họp báo {}", "Press conference {}"),
]


@bench_registry.register(order=20, label="Programme items")
def generate_programme(*, edition, counts, rng, progress):
    ProgrammeItem.objects.filter(edition=edition, slug__startswith=bench_registry.PREFIX).delete()
    venues = list(Venue.objects.filter(edition=edition))
    days = edition.days
    items = []
    # Each venue gets back-to-back 45-minute slots from 08:00, day after day.
    slots_per_day = max(counts["programme"] // max(len(venues) * len(days), 1) + 1, 1)
    for n in range(counts["programme"]):
        venue = venues[n % len(venues)]
        slot = n // len(venues)
        day = days[(slot // slots_per_day) % len(days)]
        start = datetime.datetime.combine(day, datetime.time(8), tzinfo=edition.tz) + datetime.timedelta(
            minutes=50 * (slot % slots_per_day)
        )
        kind, title_vi, title_en = TITLES[n % len(TITLES)]
        topic_vi, topic_en = bench_registry.vi_name(rng, 3), bench_registry.en_name(rng, 2)
        items.append(
            ProgrammeItem(
                edition=edition,
                slug=f"{bench_registry.PREFIX}item-{n}",
                title_vi=nfc(title_vi.format(topic_vi)),
                title_en=title_en.format(topic_en),
                description_vi=nfc(f"Hoạt động giả định phục vụ đo hiệu năng tại {venue.name_vi}."),
                description_en=f"Invented item for benchmarks at {venue.name_en}.",
                type=kind,
                start=start,
                end=start + datetime.timedelta(minutes=45),
                venue=venue,
                audience=rng.choice(ProgrammeItem.Audience.values),
                is_published=True,
            )
        )
    for item in items:
        item.refresh_search_text()
    ProgrammeItem.objects.bulk_create(items, batch_size=1000)
    return f"{len(items)} programme items in {len(venues)} venues over {len(days)} days"
