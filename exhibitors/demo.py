"""Demo rows for the catalogue: the sectors and categories of EXPO-FACTS.md, then invented
exhibitors (exhibitors/demo_data.py) with stands, exhibits, specifications and drawn images.
"""

import random

from PIL import Image, ImageDraw, ImageEnhance

from common import demo_registry, images
from common.text import fold
from exhibitors.demo_data import EXHIBITORS, KINDS, PALETTES, SPECIFICATIONS
from exhibitors.models import Category, Exhibitor, Product, ProductImage, ProductSpecification, Sector, Stand
from expo.demo_artwork import demo_font

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


@demo_registry.register(order=10, label="Catalogue sectors and categories")
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


def _drawing(size, palette, titles, shape):
    """A flat illustration: sky and ground, a silhouette, the word DEMO and the category's names
    (Vietnamese, then English). Never a real photo."""
    width, height = size
    dark, light = palette
    image = Image.new("RGB", size, light)
    draw = ImageDraw.Draw(image)
    for y in range(height // 2):
        mix = y / (height / 2)
        draw.line(
            [(0, y), (width, y)], fill=tuple(round(d + (ll - d) * mix) for d, ll in zip(dark, light, strict=True))
        )
    draw.rectangle([0, height * 2 // 3, width, height], fill=tuple(round(c * 0.7) for c in light))
    cx, cy, s = width // 2, height * 3 // 5, height // 5
    ink = (30, 34, 32)
    if shape == "air-defence-air-force":
        draw.polygon([(cx - 3 * s, cy), (cx + 3 * s, cy - s // 4), (cx + 3 * s, cy + s // 4)], fill=ink)
        draw.polygon([(cx - s // 2, cy), (cx + s, cy - 2 * s), (cx + s * 3 // 2, cy)], fill=ink)
    elif shape == "naval":
        draw.polygon([(cx - 3 * s, cy), (cx + 3 * s, cy), (cx + 2 * s, cy + s), (cx - 2 * s, cy + s)], fill=ink)
        draw.rectangle([cx - s, cy - s, cx + s // 2, cy], fill=ink)
    elif shape == "ground-forces":
        draw.rounded_rectangle([cx - 2 * s, cy - s // 2, cx + 2 * s, cy + s // 2], radius=s // 3, fill=ink)
        draw.rectangle([cx - s // 2, cy - s, cx + s, cy - s // 2], fill=ink)
        draw.rectangle([cx + s, cy - s * 4 // 5, cx + 3 * s, cy - s * 3 // 5], fill=ink)
    else:
        draw.rounded_rectangle([cx - s, cy - 2 * s, cx + s, cy + s // 2], radius=s // 2, outline=ink, width=s // 5)
        draw.rectangle([cx - s * 3 // 2, cy - s // 2, cx + s * 3 // 2, cy + s * 3 // 2], fill=ink)
    margin = height // 20
    # A darker band under the names, so they read over the silhouette too.
    band = (0, height - margin - len(titles) * (height // 13) - margin // 2, width, height)
    image.paste(ImageEnhance.Brightness(image.crop(band)).enhance(0.55), band[:2])
    draw.text((margin, margin), "DEMO", fill=(255, 255, 255), font=demo_font("Bold", height // 14))
    for line, (title, weight) in enumerate(zip(titles, ("Bold", "Regular"), strict=True)):
        size = height // 16
        while size > 12 and draw.textlength(title, font=demo_font(weight, size)) > width - 2 * margin:
            size -= 2  # long names ("Counter-terrorism and internal state-security systems") stay whole
        baseline = height - margin - (len(titles) - 1 - line) * (height // 13)
        draw.text((margin, baseline), title, fill=(255, 255, 255), font=demo_font(weight, size), anchor="ls")
    return image


def _logo(name, index):
    """A company mark: an emblem in one of five colours and four shapes, the initials, DEMO below."""
    image = Image.new("RGB", (320, 320), (246, 245, 240))
    draw = ImageDraw.Draw(image)
    hue = [(31, 77, 58), (184, 134, 43), (28, 70, 110), (120, 40, 40), (70, 70, 90)][index % 5]
    shape = (index // 5) % 4
    if shape == 0:
        draw.ellipse([40, 16, 280, 256], fill=hue)
    elif shape == 1:  # shield
        draw.polygon([(44, 20), (276, 20), (276, 160), (160, 262), (44, 160)], fill=hue)
    elif shape == 2:  # hexagon
        draw.polygon([(160, 14), (270, 76), (270, 198), (160, 260), (50, 198), (50, 76)], fill=hue)
    else:
        draw.rounded_rectangle([44, 20, 276, 252], radius=48, fill=hue)
    draw.line([(100, 186), (220, 186)], fill=(246, 245, 240), width=8)  # a stripe under the initials
    # "Công ty …", "Nhà máy …": the initials of the name proper, not of the company form.
    words = [word for word in name.split() if fold(word).lower() not in {"cong", "ty", "nha", "may"}]
    initials = fold("".join(word[0] for word in words[:2])).upper()
    draw.text((160, 124), initials, fill=(255, 255, 255), font=demo_font("Bold", 104), anchor="mm")
    draw.text((160, 292), "DEMO", fill=hue, font=demo_font("Bold", 40), anchor="mm")
    return image


def _display_mode(sector_slug, n):
    if sector_slug == "air-defence-air-force":
        return [Product.DisplayMode.STATIC, Product.DisplayMode.FLYING][n % 2]
    if sector_slug == "ground-forces":
        return [Product.DisplayMode.STATIC, Product.DisplayMode.GROUND][n % 2]
    return Product.DisplayMode.STATIC


def _number(rng, low, high):
    value = rng.randint(low, high)
    # A narrow no-break space groups thousands the same way in Vietnamese and English (SI style).
    return f"{value:,}".replace(",", "\u202f") if value >= 10000 else str(value)


@demo_registry.register(order=20, label="Catalogue exhibitors, stands and exhibits")
def load_catalogue(*, edition, progress):
    rng = random.Random(2024)  # noqa: S311 -- the same "random" catalogue on every load
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    venues = {venue.code: venue for venue in edition.venues.all()}
    halls = {"air-defence-air-force": "A", "naval": "B", "ground-forces": "C", "security": "A"}
    exhibitors_by_sector = {slug: [] for slug in sectors}
    stand_numbers = {}
    rows = progress.iterate(EXHIBITORS, total=len(EXHIBITORS), label="Exhibitors")
    for index, (slug, name, country, sector_slugs) in enumerate(rows):
        logo = images.save_renditions(_logo(name, index), stem=f"catalogue/demo/logo-{slug}", image_format="PNG")
        exhibitor, _ = Exhibitor.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "country": country,
                "logo": logo[0],
                "logo_width": logo[1],
                "logo_height": logo[2],
                "logo_renditions": logo[3],
                "website": f"https://{slug}.example",
                "press_contact": f"Press office · press@{slug}.example",
                "description_vi": f"Đơn vị trưng bày minh họa, không có thật: {name} chỉ để trình diễn trang web.",
                "description_en": f"An invented demo exhibitor: {name} exists only to demonstrate this site.",
            },
        )
        exhibitor.sectors.set([sectors[s] for s in sector_slugs])
        for sector_slug in sector_slugs:
            exhibitors_by_sector[sector_slug].append(exhibitor)
        # Big ground and air systems stand outside on the static display, every third one.
        code = (
            "S"
            if index % 3 == 0 and sector_slugs[0] in ("ground-forces", "air-defence-air-force")
            else halls[sector_slugs[0]]
        )
        stand_numbers[code] = stand_numbers.get(code, 0) + 1
        Stand.objects.update_or_create(
            exhibitor=exhibitor,
            edition=edition,
            defaults={"venue": venues[code], "code": f"{code}-{stand_numbers[code]:02d}"},
        )

    pictures = {}
    for category in Category.objects.select_related("sector"):
        pictures[category.slug] = images.save_renditions(
            _drawing(
                (1200, 800), PALETTES[category.sector.slug], (category.name_vi, category.name_en), category.sector.slug
            ),
            stem=f"catalogue/demo/{category.slug}",
            image_format="JPEG",
        )
    products = specs = 0
    categories = list(Category.objects.select_related("sector").order_by("sector__order", "order"))
    for cat_index, category in enumerate(progress.iterate(categories, total=len(categories), label="Exhibits")):
        makers = exhibitors_by_sector[category.sector.slug]
        kinds = KINDS[category.slug]
        for n in range(8 if cat_index < 10 else 7):
            maker = makers[(n + cat_index) % len(makers)]
            kind_vi, kind_en = kinds[n % len(kinds)]
            designation = f"{maker.slug[:2].upper()}-{10 + cat_index * 8 + n}"
            product, _ = Product.objects.update_or_create(
                slug=f"{designation.lower()}-{category.slug}",
                defaults={
                    "exhibitor": maker,
                    "category": category,
                    "name_vi": f"{kind_vi} {designation}",
                    "name_en": f"{designation} {kind_en}",
                    "summary_vi": f"{kind_vi} minh họa do {maker.name} giới thiệu (nội dung demo).",
                    "summary_en": f"A demo {kind_en} shown by {maker.name} (invented content).",
                    "description_vi": "Sản phẩm minh họa, không có thật. Thông số chỉ để trình diễn trang web.",
                    "description_en": "An invented exhibit. The figures only demonstrate the site.",
                    "display_mode": _display_mode(category.sector.slug, n),
                    "is_published": (products + 1) % 15 != 0,
                },
            )
            products += 1
            for order, (label_vi, label_en, pattern, (low, high)) in enumerate(SPECIFICATIONS[category.sector.slug]):
                ProductSpecification.objects.update_or_create(
                    product=product,
                    order=order,
                    defaults={
                        "label_vi": label_vi,
                        "label_en": label_en,
                        "value": pattern.format(n=_number(rng, low, high)),
                    },
                )
                specs += 1
            name, width, height, renditions = pictures[category.slug]
            ProductImage.objects.update_or_create(
                product=product,
                order=0,
                defaults={
                    "image": name,
                    "image_width": width,
                    "image_height": height,
                    "image_renditions": renditions,
                    "alt_text_vi": f"Hình vẽ minh họa: {category.name_vi.lower()}",
                    "alt_text_en": f"Demo drawing: {category.name_en.lower()}",
                    "caption_vi": "Hình vẽ minh họa, không phải ảnh thật.",
                    "caption_en": "Demo drawing, not a photograph.",
                },
            )
    return (
        f"{len(EXHIBITORS)} exhibitors with stands, {products} exhibits, {specs} specifications, {len(pictures)} images"
    )
