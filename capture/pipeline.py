"""decode → find card → straighten → prepare → OCR → upright → fields: one card photo read."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
from rapidfuzz import fuzz

from capture import ocr
from capture.decode import decode_image
from capture.enhance import median_letter_height, prepare_for_ocr
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
from capture.result import FIELD_NAMES, CardFields, ScanResult, Word

log = logging.getLogger(__name__)

# Long side of the straightened card handed to Tesseract. Text on a 85 mm card is then
# about 20–40 px high, where Tesseract's LSTM reads best, and a call stays well under 1 s.
WORK_SIDE = int(os.environ.get("KLICK_CAPTURE_WORK_SIDE", "1600"))
PREPARE_MODE = os.environ.get("KLICK_CAPTURE_PREPARE", "grey")
TARGET_LETTER_PX = float(os.environ.get("KLICK_CAPTURE_LETTER_PX", "20"))
MIN_WORK_SIDE, MAX_WORK_SIDE = 1000, 2600
# The second look runs on a smaller copy: it is there for cards the first call could not
# binarise, which are usually large type on a coloured ground, and it must stay cheap.
SECOND_LOOK_SIDE = int(os.environ.get("KLICK_CAPTURE_SECOND_SIDE", "1200"))
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


@dataclass(frozen=True)
class Reading:
    """What one Tesseract call made of the card."""

    words: tuple[Word, ...]
    lines: list[TextLine]
    turns: int
    fields: CardFields
    confidence: dict[str, float]


def _read(prepared: np.ndarray, languages: str, timeout_s: float, region: str | None,
          config: str) -> Reading:
    raw = ocr.run_tesseract(prepared, languages, timeout_s, config)
    height, width = prepared.shape[:2]
    turns = _upright_turns(raw) if raw else 0
    words = build_words(raw, turns, width, height)
    lines = build_lines(words)
    fields, confidence = parse_lines(lines, region)
    return Reading(words, lines, turns, fields, confidence)


def _resize_to(image: np.ndarray, long_side: int) -> np.ndarray:
    scale = long_side / max(image.shape[:2])
    if abs(scale - 1.0) < 0.05:
        return image
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    return cv2.resize(image, None, fx=scale, fy=scale, interpolation=interpolation)


def _shrink(image: np.ndarray, long_side: int) -> np.ndarray:
    scale = long_side / max(image.shape[:2])
    if scale >= 1.0:
        return image
    return cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)


def _needs_second_look(reading: Reading) -> bool:
    """A card that already gave a name or company and a way to reach them is done."""
    fields = reading.fields
    reachable = bool(fields.emails or fields.phones)
    return not (reachable and (fields.name or fields.company))


def _same_item(field: str, a: str, b: str) -> bool:
    """Two readings of one printed item (OCR disagreeing in a character or two)."""
    if field == "phones":
        da, db = "".join(c for c in a if c.isdigit()), "".join(c for c in b if c.isdigit())
        if da[-9:] == db[-9:]:
            return True
        tail_a, tail_b = da[-8:], db[-8:]
        return len(tail_a) == len(tail_b) and sum(x != y for x, y in zip(tail_a, tail_b,
                                                                         strict=True)) <= 2
    a, b = a.lower(), b.lower()
    if field == "emails" and a.partition("@")[2] == b.partition("@")[2]:
        # "ma@x.com" beside "fatima@x.com": the second call lost the start of the address.
        local_a, local_b = a.partition("@")[0], b.partition("@")[0]
        if local_a.endswith(local_b) or local_b.endswith(local_a):
            return True
    if field == "websites" and (a.startswith(b) or b.startswith(a)):
        return True
    return fuzz.ratio(a, b) >= 80


def merge_readings(first: Reading, second: Reading) -> Reading:
    """Per field, the more confident reading; lists joined without near-duplicates."""
    better = first if _weight(first) >= _weight(second) else second
    other = second if better is first else first
    values: dict[str, object] = {}
    confidence: dict[str, float] = {}
    for name in FIELD_NAMES:
        a, b = getattr(better.fields, name), getattr(other.fields, name)
        ca, cb = better.confidence.get(name, 0.0), other.confidence.get(name, 0.0)
        if isinstance(a, tuple):
            merged = list(a)
            for item in b:
                twin = next((i for i, kept in enumerate(merged)
                             if _same_item(name, item, kept)), None)
                if twin is None:
                    merged.append(item)
                elif name != "phones" and len(item) > len(merged[twin]):
                    merged[twin] = item  # the fuller reading of the same address
            values[name] = tuple(merged)
            confidence[name] = max(ca, cb) if merged else 0.0
        else:
            values[name], confidence[name] = (a, ca) if (a and ca >= cb) or not b else (b, cb)
    fields = CardFields(**values)  # type: ignore[arg-type]
    return Reading(better.words, better.lines, better.turns, fields, confidence)


def _weight(reading: Reading) -> float:
    """Confident characters read: the better reading decides the card's rotation and text."""
    return sum(len(w.text) for w in reading.words if w.conf >= 60)


def encode_jpeg(card: np.ndarray) -> bytes:
    scale = min(1.0, CARD_JPEG_SIDE / max(card.shape[:2]))
    if scale < 1.0:
        card = cv2.resize(card, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ok, buffer = cv2.imencode(".jpg", card, [cv2.IMWRITE_JPEG_QUALITY, CARD_JPEG_QUALITY])
    if not ok:  # pragma: no cover - OpenCV encodes any uint8 BGR image
        raise CaptureError("The card image could not be saved.", code="encode_failed")
    return bytes(buffer.tobytes())


def scan_image(
    data: bytes,
    *,
    region: str | None = "DE",
    languages: str = "deu+eng",
    timeout_s: float = OCR_TIMEOUT_S,
) -> ScanResult:
    """Read one card photo. Raises CaptureError (OcrError for Tesseract trouble).

    `timeout_s` bounds the Tesseract run (the app passes its `ocr_timeout_s` setting).
    """
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
    if TARGET_LETTER_PX and (letter := median_letter_height(prepared)):
        side = max(card.shape[:2]) * TARGET_LETTER_PX / letter
        side = min(MAX_WORK_SIDE, max(MIN_WORK_SIDE, side))
        prepared = _resize_to(prepared, round(side))
    region = region.upper() if region else None
    lap("prepare")
    reading = _read(prepared, languages, timeout_s, region, ocr.DEFAULT_CONFIG)
    lap("ocr")
    if _needs_second_look(reading):
        # Tesseract binarises the whole card with one global threshold; a grey card on a
        # lighter table, or a photo with a shadow, then turns to solid black. A second call
        # with local (Sauvola) thresholding reads those; measured on ../shared/cards it adds
        # e-mails and names the first call missed. Only incomplete readings pay for it.
        second = _read(_shrink(prepared, SECOND_LOOK_SIDE), languages, timeout_s, region,
                       ocr.LOCAL_THRESHOLD_CONFIG)
        reading = merge_readings(reading, second)
        lap("ocr_second_look")
    if not reading.lines or not any(
        sum(ch.isalnum() for ch in line.text) >= 2 for line in reading.lines
    ):
        raise CaptureError(
            "No text was found on this photo. Please photograph the printed side of the card, "
            "or type the details.",
            code=NO_TEXT,
        )
    card_jpeg = encode_jpeg(rotate_quarters(card, reading.turns))
    lap("encode")
    timings["total"] = round((time.perf_counter() - start) * 1000, 1)
    log.debug("scan: %d words, %d lines, quad=%s, turns=%d", len(reading.words),
              len(reading.lines), quad is not None, reading.turns)
    return ScanResult(
        fields=reading.fields,
        confidence=reading.confidence,
        card_jpeg=card_jpeg,
        raw_text="\n".join(line.text for line in reading.lines),
        words=reading.words,
        timings_ms=timings,
    )
