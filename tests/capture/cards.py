"""Business cards the tests render themselves, and phone-photo distortions of them.

Fonts: DejaVu, which Debian ships in fonts-dejavu-core (the project's scripts install it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
SANS = FONT_DIR / "DejaVuSans.ttf"
SANS_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"

CARD_W, CARD_H = 1050, 600  # 85 × 55 mm at about 300 dpi


@dataclass(frozen=True)
class CardSpec:
    """What a rendered card says, line by line: (text, size in px, bold)."""

    lines: tuple[tuple[str, int, bool], ...]


GERMAN = CardSpec((
    ("Feldmann & Söhne GmbH", 46, True),
    ("", 20, False),
    ("Dr. Jürgen Weiß", 40, True),
    ("Geschäftsführer", 30, False),
    ("", 20, False),
    ("Tel. +49 911 1234567", 28, False),
    ("Mobil 0171 2345678", 28, False),
    ("juergen.weiss@feldmann-soehne.de", 28, False),
    ("www.feldmann-soehne.de", 28, False),
    ("Georg-Benda-Straße 1, 90763 Fürth", 28, False),
))
GERMAN_FIELDS = {
    "name": "Jürgen Weiß",
    "title": "Geschäftsführer",
    "company": "Feldmann & Söhne GmbH",
    "emails": ["juergen.weiss@feldmann-soehne.de"],
    "phones": ["+499111234567", "+491712345678"],
    "websites": ["www.feldmann-soehne.de"],
}

ENGLISH = CardSpec((
    ("Northwind Analytics Ltd", 46, True),
    ("", 20, False),
    ("Margaret Holloway", 40, True),
    ("Senior Data Engineer", 30, False),
    ("", 20, False),
    ("Phone +44 20 7946 0958", 28, False),
    ("margaret.holloway@northwind.co.uk", 28, False),
    ("www.northwind.co.uk", 28, False),
    ("12 Baker Street, London W1U 3BW", 28, False),
))
ENGLISH_FIELDS = {
    "name": "Margaret Holloway",
    "title": "Senior Data Engineer",
    "company": "Northwind Analytics Ltd",
    "emails": ["margaret.holloway@northwind.co.uk"],
    "phones": ["+442079460958"],
    "websites": ["www.northwind.co.uk"],
}


def require_fonts() -> None:
    if not (SANS.is_file() and SANS_BOLD.is_file()):
        pytest.skip("DejaVu fonts missing (apt-get install fonts-dejavu-core)")


def render_card(
    spec: CardSpec,
    *,
    background: tuple[int, int, int] = (250, 248, 242),
    ink: tuple[int, int, int] = (25, 25, 35),
) -> np.ndarray:
    """The card as a flat BGR image, text left-aligned like most cards (RGB colours)."""
    require_fonts()
    image = Image.new("RGB", (CARD_W, CARD_H), background)
    draw = ImageDraw.Draw(image)
    y = 45
    for text, size, bold in spec.lines:
        font = ImageFont.truetype(str(SANS_BOLD if bold else SANS), size)
        if text:
            draw.text((60, y), text, font=font, fill=ink)
        y += int(size * 1.35)
    return np.asarray(image)[:, :, ::-1].copy()


def wood_background(width: int, height: int, seed: int = 1, clutter: bool = True) -> np.ndarray:
    """A cluttered, wood-like table: grain, knots and a few dark objects."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    grain = np.sin((y + 12 * np.sin(x / 90.0)) / 7.0) * 18 + rng.normal(0, 6, (height, width))
    base = np.stack([70 + grain * 0.5, 110 + grain * 0.8, 150 + grain], axis=2)
    table = np.clip(base, 0, 255).astype(np.uint8)
    if not clutter:
        return table
    for _ in range(4):
        cx, cy = int(rng.integers(0, width)), int(rng.integers(0, height))
        cv2.circle(table, (cx, cy), int(rng.integers(20, 60)), (30, 40, 50), -1)
    cv2.rectangle(table, (width - 260, 30), (width - 60, 90), (40, 40, 160), -1)  # a pen case
    return table


def photograph(card: np.ndarray, *, angle_deg: float = 0.0, perspective: float = 0.0,
               blur: int = 0, uneven_light: bool = False, seed: int = 1,
               clutter: bool = True) -> np.ndarray:
    """The card placed on a table and photographed: tilt, perspective, blur, lighting."""
    height, width = card.shape[:2]
    photo_w, photo_h = int(width * 1.9), int(height * 2.3)
    table = wood_background(photo_w, photo_h, seed, clutter)
    cx, cy = photo_w / 2, photo_h / 2
    corners = np.array([[-width / 2, -height / 2], [width / 2, -height / 2],
                        [width / 2, height / 2], [-width / 2, height / 2]], dtype=np.float32)
    # Perspective: the far edge (top) is shorter, as when the phone is held at an angle.
    corners[:2, 0] *= 1 - perspective
    theta = np.deg2rad(angle_deg)
    rotation = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    target = (corners @ rotation.T + [cx, cy]).astype(np.float32)
    source = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(source, target)
    warped = cv2.warpPerspective(card, matrix, (photo_w, photo_h))
    mask = cv2.warpPerspective(np.full((height, width), 255, np.uint8), matrix, (photo_w, photo_h))
    photo = np.where(mask[:, :, None] > 0, warped, table)
    if uneven_light:
        gradient = np.linspace(0.55, 1.05, photo_w, dtype=np.float32)[None, :, None]
        photo = np.clip(photo.astype(np.float32) * gradient, 0, 255).astype(np.uint8)
    if blur:
        photo = cv2.GaussianBlur(photo, (blur | 1, blur | 1), 0)
    return photo


def encode(image: np.ndarray, ext: str = ".jpg") -> bytes:
    ok, buffer = cv2.imencode(ext, image, [cv2.IMWRITE_JPEG_QUALITY, 90])
    assert ok
    return buffer.tobytes()
