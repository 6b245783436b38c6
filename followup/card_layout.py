"""Fit a card's text onto an A6 page: wrap the words and pick the largest size that fits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# A6 landscape, the size of a postcard and of a C6 envelope's content.
CARD_WIDTH_MM = 148.0
CARD_HEIGHT_MM = 105.0
MARGIN_X_MM = 13.0
MARGIN_Y_MM = 11.0
LARGEST_SIZE_PT = 24.0
SMALLEST_SIZE_PT = 10.0
SIZE_STEP_PT = 0.5
LINE_SPACING = 1.18  # Caveat's ascenders are tall; tighter lines touch
PARAGRAPH_GAP = 0.45  # of a line, between paragraphs
PT_TO_MM = 25.4 / 72

Measure = Callable[[str, float], float]
"""Width in mm of a text at a font size in pt."""


class CardTooLongError(ValueError):
    """The text does not fit on one card even in the smallest readable size."""

    def __init__(self) -> None:
        super().__init__("This text is too long for a handwritten card.")


@dataclass(frozen=True)
class PlacedLine:
    """One line of text and its baseline, in mm from the page's top-left corner."""

    text: str
    x_mm: float
    baseline_mm: float


@dataclass(frozen=True)
class CardLayout:
    size_pt: float
    lines: tuple[PlacedLine, ...]


def wrap(paragraph: str, measure: Measure, size_pt: float, width_mm: float) -> list[str]:
    """Greedy word wrap; a word longer than a line is cut where it must be."""
    lines: list[str] = []
    current = ""
    for word in paragraph.split():
        candidate = f"{current} {word}" if current else word
        if measure(candidate, size_pt) <= width_mm:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while measure(current, size_pt) > width_mm and len(current) > 1:
            cut = len(current) - 1
            while cut > 1 and measure(current[:cut], size_pt) > width_mm:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    return lines


def paragraphs_of(text: str) -> list[list[str]]:
    """Paragraphs (split at blank lines), each a list of its hard lines."""
    blocks = [block for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]
    return [[line for line in block.split("\n") if line.strip()] for block in blocks]


def layout_text(
    text: str,
    measure: Measure,
    *,
    left_mm: float = MARGIN_X_MM,
    top_mm: float = MARGIN_Y_MM,
    width_mm: float = CARD_WIDTH_MM - 2 * MARGIN_X_MM,
    height_mm: float = CARD_HEIGHT_MM - 2 * MARGIN_Y_MM,
    largest_pt: float = LARGEST_SIZE_PT,
) -> CardLayout:
    """The text at the largest size (≤ `largest_pt`) whose wrapped lines fit the box."""
    if not text.strip():
        raise ValueError("a card needs some text")
    size = largest_pt
    while size >= SMALLEST_SIZE_PT:
        placed = place(text, measure, size, left_mm, top_mm, width_mm)
        if placed and placed[-1].baseline_mm + descent_mm(size) <= top_mm + height_mm:
            return CardLayout(size, tuple(placed))
        size -= SIZE_STEP_PT
    raise CardTooLongError


def descent_mm(size_pt: float) -> float:
    return 0.3 * size_pt * PT_TO_MM


def place(
    text: str, measure: Measure, size_pt: float, left_mm: float, top_mm: float, width_mm: float
) -> list[PlacedLine]:
    line_mm = size_pt * PT_TO_MM * LINE_SPACING
    # A hand never starts every line at the same spot; a small fixed wobble, never random.
    wobble_mm = (0.0, 0.5, -0.2, 0.8, 0.1, -0.4, 0.6, 0.3)
    baseline = top_mm + size_pt * PT_TO_MM * 0.95
    placed: list[PlacedLine] = []
    for paragraph in paragraphs_of(text):
        if placed:
            baseline += line_mm * PARAGRAPH_GAP
        for hard_line in paragraph:
            for line in wrap(hard_line, measure, size_pt, width_mm - 1.0):
                x = left_mm + wobble_mm[len(placed) % len(wobble_mm)]
                placed.append(PlacedLine(line, x, baseline))
                baseline += line_mm
    return placed
