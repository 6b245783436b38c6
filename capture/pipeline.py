"""decode → find card → straighten → prepare → OCR → upright → fields: one card photo read."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Sequence

import cv2
import numpy as np

from capture import ocr
from capture.decode import decode_image
from capture.enhance import prepare_for_ocr
from capture.errors import NO_TEXT, CaptureError
from capture.fields import TextLine, parse_lines
from capture.geometry import (
    find_card,
    ink_bounds,
    reading_direction,
    rotate_quarters,
    rotate_small,
    straighten,
    text_skew,
)
from capture.ocr import WordDict
from capture.result import ScanResult, Word

log = logging.getLogger(__name__)

# Long side of the straightened card handed to Tesseract. Text on a 85 mm card is then
# about 20–40 px high, where Tesseract's LSTM reads best, and a call stays well under 1 s.
WORK_SIDE = int(os.environ.get("KLICK_CAPTURE_WORK_SIDE", "1600"))
PREPARE_MODE = os.environ.get("KLICK_CAPTURE_PREPARE", "grey")
CARD_JPEG_SIDE = 1200
CARD_JPEG_QUALITY = 82
OCR_TIMEOUT_S = 30.0


def _rotate_box(word: WordDict, turns: int, width: int, height: int) -> tuple[int, int, int, int]:
    """A word box in the frame rotated by `turns` clockwise quarter turns."""
    left, top, w, h = word["left"], word["top"], word["width"], word["height"]
    turns %= 4
    if turns == 1:
        return height - (top + h), left, h, w
    if turns == 2:
        return width - (left + w), height - (top + h), w, h
    if turns == 3:
        return top, width - (left + w), h, w
    return left, top, w, h


def _upright_turns(words: Sequence[WordDict]) -> int:
    lines: dict[tuple[int, int, int], list[WordDict]] = {}
    for word in words:
        lines.setdefault(word["line"], []).append(word)
    vectors = []
    for members in lines.values():
        if len(members) < 2:
            continue
        first, last = members[0], members[-1]
        dx = (last["left"] + last["width"] / 2) - (first["left"] + first["width"] / 2)
        dy = (last["top"] + last["height"] / 2) - (first["top"] + first["height"] / 2)
        vectors.append((dx, dy, float(len(members))))
    if not vectors:
        # Single-word lines only: a word box taller than wide is written sideways.
        tall = sum(1 for w in words if w["height"] > 1.5 * w["width"] and len(w["text"]) > 2)
        return 0 if tall <= len(words) / 2 else 3
    return reading_direction(vectors)


def build_words(raw: Sequence[WordDict], turns: int, width: int, height: int) -> tuple[Word, ...]:
    """Words in the upright card's coordinates, lines numbered in Tesseract's reading order."""
    line_ids: dict[tuple[int, int, int], int] = {}
    words = []
    for word in raw:
        line_id = line_ids.setdefault(word["line"], len(line_ids))
        left, top, w, h = _rotate_box(word, turns, width, height)
        words.append(Word(word["text"], float(word["conf"]), left, top, w, h, line_id))
    return tuple(words)


def build_lines(words: Sequence[Word]) -> list[TextLine]:
    grouped: dict[int, list[Word]] = {}
    for word in words:
        grouped.setdefault(word.line, []).append(word)
    lines = []
    for members in grouped.values():
        text = " ".join(w.text for w in members)
        conf = sum(w.conf for w in members) / len(members)
        # The median word height ignores a lone comma or a merged logo fragment.
        heights = sorted(w.height for w in members)
        lines.append(TextLine(text, conf, float(heights[len(heights) // 2]),
                              float(min(w.top for w in members))))
    return lines


def encode_jpeg(card: np.ndarray) -> bytes:
    scale = min(1.0, CARD_JPEG_SIDE / max(card.shape[:2]))
    if scale < 1.0:
        card = cv2.resize(card, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ok, buffer = cv2.imencode(".jpg", card, [cv2.IMWRITE_JPEG_QUALITY, CARD_JPEG_QUALITY])
    if not ok:  # pragma: no cover - OpenCV encodes any uint8 BGR image
        raise CaptureError("The card image could not be saved.", code="encode_failed")
    return bytes(buffer.tobytes())


def scan_image(data: bytes, *, region: str | None = "DE", languages: str = "deu+eng") -> ScanResult:
    """Read one card photo. Raises CaptureError (OcrError for Tesseract trouble)."""
    timings: dict[str, float] = {}
    start = clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = round((now - clock) * 1000, 1)
        clock = now

    image = decode_image(data)
    lap("decode")
    quad = find_card(image)
    if quad is None and (bounds := ink_bounds(image)) is not None:
        left, top, width, height = bounds
        image = image[top : top + height, left : left + width]
    if quad is None and (skew := text_skew(image)):
        # Without an outline nothing has levelled the text; sparse OCR needs level lines.
        image = rotate_small(image, skew)
    card = straighten(image, quad, WORK_SIDE)
    lap("find_card")
    prepared = prepare_for_ocr(card, PREPARE_MODE)
    lap("prepare")
    raw = ocr.run_tesseract(prepared, languages, OCR_TIMEOUT_S)
    lap("ocr")
    height, width = prepared.shape[:2]
    turns = _upright_turns(raw) if raw else 0
    words = build_words(raw, turns, width, height)
    upright = rotate_quarters(card, turns)
    lines = build_lines(words)
    if not any(sum(ch.isalnum() for ch in line.text) >= 2 for line in lines):
        raise CaptureError(
            "No text was found on this photo. Please photograph the printed side of the card, "
            "or type the details.",
            code=NO_TEXT,
        )
    region = region.upper() if region else None
    fields, confidence = parse_lines(lines, region)
    lap("fields")
    card_jpeg = encode_jpeg(upright)
    lap("encode")
    timings["total"] = round((time.perf_counter() - start) * 1000, 1)
    log.debug("scan: %d words, %d lines, quad=%s, turns=%d", len(words), len(lines),
              quad is not None, turns)
    return ScanResult(
        fields=fields,
        confidence=confidence,
        card_jpeg=card_jpeg,
        raw_text="\n".join(line.text for line in lines),
        words=words,
        timings_ms=timings,
    )
