"""Draw the program's icon: resources/icons/tnld.png (256 px) and tnld.ico (16–256 px), made here, no third
party artwork. Run again after changing the drawing: `.venv/bin/python packaging/make_icon.py`."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "LiberationSerif-Bold.ttf"

GREEN = (23, 105, 78, 255)
ORANGE = (239, 134, 30, 255)
WHITE = (255, 255, 255, 255)


def draw(size: int) -> Image.Image:
    """One size drawn on its own (not scaled down from 256), so the small ones stay sharp."""
    scale = 4  # drawn 4× larger, then reduced: smooth edges
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = big // 32
    pen.rounded_rectangle((margin, margin, big - margin, big - margin), radius=big // 6, fill=GREEN)
    with_text = size >= 48
    top = big * (0.16 if with_text else 0.2)
    bottom = big * (0.62 if with_text else 0.8)
    arm = (bottom - top) / 3
    middle = big / 2
    pen.rectangle((middle - arm / 2, top, middle + arm / 2, bottom), fill=WHITE)
    pen.rectangle((middle - arm * 1.5, top + arm, middle + arm * 1.5, top + 2 * arm), fill=WHITE)
    if with_text:
        band = (margin, big * 0.7, big - margin, big - margin)
        pen.rounded_rectangle(band, radius=big // 6, fill=ORANGE, corners=(False, False, True, True))
        font = ImageFont.truetype(str(FONT), int(big * 0.2))
        pen.text((middle, (band[1] + band[3]) / 2), "TNLĐ", font=font, fill=WHITE, anchor="mm")
    return image.resize((size, size), Image.LANCZOS)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    sizes = [16, 24, 32, 48, 64, 128, 256]
    images = [draw(size) for size in sizes]
    images[-1].save(ICONS / "tnld.png", optimize=True)
    images[-1].save(ICONS / "tnld.ico", sizes=[(s, s) for s in sizes], append_images=images[:-1])
    print("wrote", ICONS / "tnld.png", ICONS / "tnld.ico")


if __name__ == "__main__":
    main()
