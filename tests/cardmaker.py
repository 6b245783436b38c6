"""Business cards the tests render themselves, with known fields, as a phone would see them."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu"


@dataclass(frozen=True)
class CardText:
    name: str = "Anna Schäfer"
    title: str = "Leiterin Einkauf"
    company: str = "Kofferfabrik Fürth GmbH"
    email: str = "anna.schaefer@kofferfabrik.de"
    phone: str = "+49 911 7654321"
    address: str = "Lange Straße 81, 90762 Fürth"


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(f"{FONT_DIR}/{name}", size)


def render_card(text: CardText = CardText(), *, scale: float = 1.0) -> Image.Image:
    """A flat, upright 85×55 mm card at about 300 dpi."""
    width, height = int(1004 * scale), int(650 * scale)
    card = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(card)
    x, y = int(70 * scale), int(70 * scale)
    draw.text((x, y), text.company, font=font(int(40 * scale), bold=True), fill=(20, 60, 120))
    draw.text(
        (x, y + int(140 * scale)), text.name, font=font(int(58 * scale), bold=True), fill="black"
    )
    draw.text((x, y + int(215 * scale)), text.title, font=font(int(36 * scale)), fill=(60, 60, 60))
    lines = [text.phone, text.email, text.address]
    for i, line in enumerate(lines):
        draw.text(
            (x, y + int((330 + i * 55) * scale)), line, font=font(int(34 * scale)), fill="black"
        )
    return card


def on_table(
    card: Image.Image, *, margin: int = 160, colour: tuple[int, int, int] = (92, 64, 40)
) -> Image.Image:
    """The card lying on a dark table, as a phone photo frames it."""
    table = Image.new("RGB", (card.width + 2 * margin, card.height + 2 * margin), colour)
    table.paste(card, (margin, margin))
    return table


def jpeg_bytes(image: Image.Image, quality: int = 90) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def photo_of_card(text: CardText = CardText()) -> bytes:
    return jpeg_bytes(on_table(render_card(text)))
