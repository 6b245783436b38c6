"""The handwritten-style card: a print-ready A6 PDF and a PNG preview in the same font."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

from followup.card_layout import (
    CARD_HEIGHT_MM,
    CARD_WIDTH_MM,
    PT_TO_MM,
    CardLayout,
    Measure,
    layout_text,
)

FONT_FAMILY = "Caveat"
INK_RGB = (28, 48, 112)  # fountain-pen blue reads as handwritten, black as printed
PAPER_RGB = (252, 249, 240)
# Measuring at a large size keeps rounding out of the widths; they scale linearly.
MEASURE_SIZE_PX = 1000
# Where the address goes on the envelope side: right half, lower part, like a postcard.
ADDRESS_BOX = {"left_mm": 72.0, "top_mm": 48.0, "width_mm": 66.0, "height_mm": 46.0}
ADDRESS_LARGEST_PT = 20.0
# A fixed date keeps the PDF byte-identical for the same text (no timestamp leaks either).
FIXED_CREATION_DATE = datetime(2000, 1, 1, tzinfo=UTC)


@lru_cache(maxsize=4)
def _measuring_font(font_path: str) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_path, MEASURE_SIZE_PX)


def font_measure(font_path: Path | str) -> Measure:
    """Text width in mm at a size in pt, from the TTF itself (same for PDF and preview)."""
    font = _measuring_font(str(font_path))

    def measure(text: str, size_pt: float) -> float:
        return font.getlength(text) / MEASURE_SIZE_PX * size_pt * PT_TO_MM

    return measure


def layout_card(body: str, font_path: Path | str) -> CardLayout:
    """The card's lines and font size; raises CardTooLongError when it cannot fit."""
    return layout_text(body, font_measure(font_path))


def layout_address(address: str, font_path: Path | str) -> CardLayout:
    return layout_text(
        address, font_measure(font_path), largest_pt=ADDRESS_LARGEST_PT, **ADDRESS_BOX
    )


def card_pdf(body: str, *, font_path: Path | str, recipient_address: str | None = None) -> bytes:
    """A6 landscape PDF with the body in Caveat, the font embedded; page 2 the address."""
    pages = [layout_card(body, font_path)]
    if recipient_address and recipient_address.strip():
        pages.append(layout_address(recipient_address, font_path))
    pdf = FPDF(orientation="L", unit="mm", format=(CARD_HEIGHT_MM, CARD_WIDTH_MM))
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.set_creation_date(FIXED_CREATION_DATE)
    pdf.set_creator("Klick")
    pdf.set_title("Card")
    pdf.add_font(FONT_FAMILY, "", str(font_path))
    pdf.set_text_color(*INK_RGB)
    for layout in pages:
        pdf.add_page()
        pdf.set_font(FONT_FAMILY, size=layout.size_pt)
        for line in layout.lines:
            pdf.text(line.x_mm, line.baseline_mm, line.text)
    return bytes(pdf.output())


def card_preview_png(body: str, *, font_path: Path | str, dpi: int = 150) -> bytes:
    """PNG of the card's front as it will print, drawn with Pillow (no PDF renderer needed)."""
    layout = layout_card(body, font_path)
    px_per_mm = dpi / 25.4
    size = (round(CARD_WIDTH_MM * px_per_mm), round(CARD_HEIGHT_MM * px_per_mm))
    image = Image.new("RGB", size, PAPER_RGB)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(font_path), round(layout.size_pt * PT_TO_MM * px_per_mm))
    for line in layout.lines:
        position = (line.x_mm * px_per_mm, line.baseline_mm * px_per_mm)
        draw.text(position, line.text, font=font, fill=INK_RGB, anchor="ls")
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()
