"""Drawn stand-ins for release photos in the demo (Pillow): labelled DEMO, never real photos."""

from PIL import Image, ImageDraw, ImageFont

from common import images
from common.text import fold
from press.models import ReleasePhoto

SIZE = (1600, 1000)
SKY = ((22, 52, 82), (176, 200, 214))


def draw_scene(title, seed):
    """An airfield under a sky: a runway, a hangar row, flags and an aircraft. Labelled DEMO."""
    width, height = SIZE
    image = Image.new("RGB", SIZE, SKY[1])
    draw = ImageDraw.Draw(image)
    horizon = height * 3 // 5
    for y in range(horizon):
        mix = y / horizon
        draw.line([(0, y), (width, y)], fill=tuple(round(a + (b - a) * mix) for a, b in zip(*SKY, strict=True)))
    draw.rectangle([0, horizon, width, height], fill=(92, 110, 84))
    draw.polygon(
        [(width * 0.35, height), (width * 0.48, horizon), (width * 0.52, horizon), (width * 0.65, height)],
        fill=(70, 72, 74),
    )
    for n in range(6):  # hangars along the horizon
        left = 60 + n * 250 + (seed * 37) % 60
        draw.rectangle([left, horizon - 90, left + 200, horizon], fill=(210, 208, 200))
        draw.pieslice([left, horizon - 150, left + 200, horizon - 30], 180, 360, fill=(190, 188, 180))
    for n in range(9):  # flag poles
        x = 80 + n * 170
        draw.line([(x, horizon + 40), (x, horizon - 120)], fill=(240, 240, 240), width=5)
        draw.rectangle(
            [x, horizon - 120, x + 60, horizon - 80], fill=[(200, 30, 40), (31, 77, 58), (184, 134, 43)][n % 3]
        )
    cx, cy, s = width * (0.3 + 0.1 * (seed % 4)), height * 0.28, 60
    draw.polygon([(cx - 4 * s, cy), (cx + 4 * s, cy - s // 3), (cx + 4 * s, cy + s // 3)], fill=(34, 38, 40))
    draw.polygon([(cx - s, cy), (cx + s, cy - 3 * s), (cx + 2 * s, cy)], fill=(34, 38, 40))
    font = ImageFont.load_default(size=64)
    draw.text((40, 30), "DEMO", fill=(255, 255, 255), font=font)
    # The default bitmap font lacks some Vietnamese letters: the title is drawn folded.
    draw.text((40, height - 100), fold(title).upper()[:48], fill=(255, 255, 255), font=ImageFont.load_default(size=44))
    return image


def ensure_photo(release, *, slug, title_vi, title_en):
    """One drawn photo per demo release, replaced on every load (idempotent)."""
    name, width, height, renditions = images.save_renditions(
        draw_scene(title_en, len(slug)), stem=f"press/photos/demo-{slug}", image_format="JPEG"
    )
    ReleasePhoto.objects.update_or_create(
        release=release,
        order=0,
        defaults={
            "image": name,
            "image_width": width,
            "image_height": height,
            "image_renditions": renditions,
            "caption_vi": f"Hình vẽ minh họa cho bản tin “{title_vi}” (nội dung demo, không phải ảnh thật).",
            "caption_en": f"Demo drawing for the release “{title_en}” (not a photograph).",
            "credit": "Demo · Expo CMS",
        },
    )
