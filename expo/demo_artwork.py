"""The demo edition's key visual: an airfield at dusk with a formation pass, drawn, never a photo.

It carries the edition's name, dates and venue (from the edition itself) and a DEMO label in
its corner, so nobody mistakes it for the organisers' real poster.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from common import images
from expo.models import Edition

WIDTH, HEIGHT = 2400, 1350
FONTS = Path(__file__).parent / "static" / "expo" / "fonts"  # Noto Sans: every Vietnamese letter

ALT = {
    "vi": (
        "Ảnh nhận diện minh họa (DEMO): ba máy bay phản lực bay đội hình, kéo vệt khói qua đường băng lúc "
        "hoàng hôn; chữ trên ảnh: {words}."
    ),
    "en": (
        "Demo key visual (DEMO): three jets in formation trailing smoke over a runway at dusk; "
        "text on the picture: {words}."
    ),
}


def store_key_visual(edition):
    """Draw the key visual for `edition`, store it with its thumbnails; return the model's field values."""
    name, width, height, renditions = images.save_renditions(
        draw_key_visual(edition), stem=f"expo/demo/key-visual-{edition.slug}", image_format="JPEG"
    )
    fields = {
        "key_visual": name,
        "key_visual_width": width,
        "key_visual_height": height,
        "key_visual_renditions": renditions,
    }
    limit = Edition._meta.get_field("key_visual_alt").max_length
    for language, text in ALT.items():
        title, venue, city = (getattr(edition, f"{field}_{language}") for field in ("name", "venue_name", "city"))
        alt = text.format(words=", ".join(filter(None, [edition.acronym, title, _dates(edition), venue, city])))
        if len(alt) > limit:  # a long official name: the acronym says it
            alt = text.format(words=", ".join(filter(None, [edition.acronym, _dates(edition), venue, city])))
        fields[f"key_visual_alt_{language}"] = alt
    return fields


def _dates(edition):
    start, end = edition.start_date, edition.end_date
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day:02}–{end.day:02}.{end.month:02}.{end.year}"
    return f"{start:%d.%m.%Y} – {end:%d.%m.%Y}"


def demo_font(weight, size):
    """Noto Sans (Regular or Bold), for every drawing of the demo that writes words."""
    return ImageFont.truetype(str(FONTS / f"NotoSans-{weight}.ttf"), size)


def _mix(top, bottom, share):
    return tuple(round(a + (b - a) * share) for a, b in zip(top, bottom, strict=True))


def draw_key_visual(edition):
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    horizon = round(HEIGHT * 0.68)

    # Dusk sky: deep green-blue above, brass near the horizon.
    stops = [(0.0, (16, 42, 52)), (0.55, (58, 92, 96)), (0.85, (196, 146, 72)), (1.0, (238, 196, 120))]
    for y in range(horizon):
        share = y / horizon
        for (at, colour), (next_at, next_colour) in zip(stops, stops[1:], strict=False):
            if at <= share <= next_at:
                draw.line([(0, y), (WIDTH, y)], fill=_mix(colour, next_colour, (share - at) / (next_at - at)))
                break

    # A low sun, softened.
    glow = Image.new("L", (WIDTH, HEIGHT), 0)
    ImageDraw.Draw(glow).ellipse([1640, horizon - 260, 2040, horizon + 140], fill=255)
    glow = glow.filter(ImageFilter.GaussianBlur(60))
    image.paste(Image.new("RGB", (WIDTH, HEIGHT), (255, 226, 160)), mask=glow.point(lambda v: v * 3 // 4))

    # The airfield: grass, a runway in perspective, its edge and centre lines.
    draw = ImageDraw.Draw(image)
    for y in range(horizon, HEIGHT):
        draw.line([(0, y), (WIDTH, y)], fill=_mix((62, 74, 52), (30, 42, 30), (y - horizon) / (HEIGHT - horizon)))
    vanish_x = 1500
    draw.polygon([(vanish_x - 40, horizon), (vanish_x + 40, horizon), (2300, HEIGHT), (700, HEIGHT)], fill=(70, 72, 70))
    for side in (-1, 1):
        draw.line([(vanish_x + side * 40, horizon), (1500 + side * 800, HEIGHT)], fill=(224, 220, 204), width=6)
    for step in range(12):
        near, far = (step + 0.5) / 12, (step + 0.8) / 12
        y1, y2 = horizon + (HEIGHT - horizon) * near**2, horizon + (HEIGHT - horizon) * far**2
        draw.line([(vanish_x, y1), (vanish_x, y2)], fill=(236, 232, 214), width=max(2, round(14 * far)))

    # Hangars and a control tower on the horizon.
    ink = (22, 30, 28)
    for left, right, rise in ((120, 520, 70), (560, 860, 54), (2000, 2360, 64)):
        draw.chord([left, horizon - rise, right, horizon + rise], 180, 360, fill=ink)
    draw.rectangle([930, horizon - 170, 960, horizon], fill=ink)
    draw.rectangle([900, horizon - 210, 990, horizon - 160], fill=ink)

    # Three jets climbing to the right, trailing smoke in brass, white and green.
    smoke = Image.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0))
    smoke_draw = ImageDraw.Draw(smoke)
    jets = [(1720, 330), (1580, 420), (1860, 430)]
    colours = [(255, 255, 255, 200), (214, 170, 90, 190), (150, 200, 170, 190)]
    for (x, y), colour in zip(jets, colours, strict=True):
        trail = [(x - 840 + t * 14, y + 360 - t * 6) for t in range(61)]
        smoke_draw.line(trail, fill=colour, width=26, joint="curve")
    smoke = smoke.filter(ImageFilter.GaussianBlur(8))
    image.paste(smoke, mask=smoke)
    draw = ImageDraw.Draw(image)
    for x, y in jets:
        _jet(draw, x, y, 1.0, ink)

    # The words: acronym, name in both languages, dates and place.
    left = 120
    draw.text((left, 120), edition.acronym, font=demo_font("Bold", 190), fill=(255, 255, 255))
    draw.text((left, 360), edition.name_vi, font=demo_font("Bold", 58), fill=(246, 232, 200))
    draw.text((left, 440), edition.name_en, font=demo_font("Regular", 50), fill=(226, 232, 226))
    place = " · ".join(filter(None, [edition.venue_name_vi, edition.city_vi]))
    draw.text((left, 560), _dates(edition), font=demo_font("Bold", 84), fill=(255, 255, 255))
    draw.text((left, 670), place, font=demo_font("Regular", 56), fill=(246, 232, 200))

    # The DEMO label: a brass band across the top right corner, unmissable at any size.
    label_font = demo_font("Bold", 64)
    label = "DEMO · MINH HỌA"
    box = draw.textbbox((0, 0), label, font=label_font)
    pad = 30
    x1, y1 = WIDTH - (box[2] - box[0]) - 2 * pad - 60, 60
    draw.rounded_rectangle(
        [x1, y1, WIDTH - 60, y1 + (box[3] - box[1]) + 2 * pad],
        radius=18,
        fill=(184, 134, 43),
        outline=(255, 255, 255),
        width=6,
    )
    draw.text((x1 + pad - box[0], y1 + pad - box[1]), label, font=label_font, fill=(27, 31, 29))
    return image


def _jet(draw, x, y, scale, ink):
    """A delta-wing jet seen from the side, nose up and to the right."""

    def at(dx, dy):
        # Pitched up about 23 degrees: rotate the flat outline.
        cos, sin = 0.92, -0.39
        return (x + (dx * cos - dy * sin) * scale, y + (dx * sin + dy * cos) * scale)

    body = [(-120, -8), (40, -12), (140, 0), (40, 12), (-120, 10)]
    wing = [(-90, 0), (50, 0), (-40, 30), (-110, 30)]
    fin = [(-120, -6), (-70, -8), (-112, -52), (-124, -52)]
    for outline in (body, wing, fin):
        draw.polygon([at(dx, dy) for dx, dy in outline], fill=ink)
