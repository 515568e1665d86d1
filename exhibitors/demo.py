"""Demo rows for the catalogue: the four sectors and their categories from EXPO-FACTS.md."""

from exhibitors.models import Category, Sector
from expo import demo

SECTORS = [
    (
        "air-defence-air-force",
        "Phòng không – Không quân",
        "Air defence – Air force",
        [
            ("fighter-aircraft", "Máy bay tiêm kích", "Fighter aircraft"),
            ("helicopters", "Máy bay trực thăng", "Helicopters"),
            ("unmanned-aerial-vehicles", "Máy bay không người lái", "Unmanned aerial vehicles"),
            ("gun-systems", "Tổ hợp pháo", "Gun systems"),
            ("air-defence-missiles", "Tên lửa phòng không", "Air-defence missiles"),
        ],
    ),
    (
        "naval",
        "Hải quân",
        "Naval",
        [
            ("submarines", "Tàu ngầm", "Submarines"),
            ("warships", "Tàu chiến", "Warships"),
            ("unmanned-surface-vessels", "Tàu không người lái", "Unmanned surface vessels"),
            ("auxiliary-ships", "Tàu bổ trợ", "Auxiliary ships"),
            (
                "underwater-reconnaissance",
                "Thiết bị trinh sát, quan sát ngầm",
                "Reconnaissance and underwater observation equipment",
            ),
        ],
    ),
    (
        "ground-forces",
        "Lục quân",
        "Ground forces",
        [
            ("infantry-weapons", "Vũ khí bộ binh", "Infantry weapons"),
            ("fire-support-weapons", "Vũ khí hỏa lực", "Fire-support weapons"),
            ("self-propelled-artillery", "Pháo tự hành", "Self-propelled artillery"),
            ("towed-artillery", "Pháo mặt đất", "Towed artillery"),
            ("tanks", "Xe tăng", "Tanks"),
            ("armoured-vehicles", "Xe thiết giáp", "Armoured vehicles"),
        ],
    ),
    (
        "security",
        "An ninh",
        "Security",
        [
            ("biometrics", "Sinh trắc học", "Biometrics"),
            (
                "counter-terrorism",
                "Chống khủng bố và hệ thống an ninh Nhà nước nội bộ",
                "Counter-terrorism and internal state-security systems",
            ),
            ("cybercrime-prevention", "Phòng chống tội phạm an ninh mạng", "Cybercrime prevention"),
            ("lethal-weapons", "Vũ khí sát thương", "Lethal weapons"),
        ],
    ),
]


@demo.register(order=10, label="Catalogue sectors and categories")
def load_sectors(*, edition, progress):
    categories = 0
    for sector_order, (slug, name_vi, name_en, category_rows) in enumerate(SECTORS, start=1):
        sector, _ = Sector.objects.update_or_create(
            slug=slug, defaults={"name_vi": name_vi, "name_en": name_en, "order": sector_order}
        )
        for order, (cat_slug, cat_vi, cat_en) in enumerate(category_rows, start=1):
            Category.objects.update_or_create(
                slug=cat_slug, defaults={"sector": sector, "name_vi": cat_vi, "name_en": cat_en, "order": order}
            )
            categories += 1
    return f"{len(SECTORS)} sectors, {categories} categories"
