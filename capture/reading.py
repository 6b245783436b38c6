"""One Tesseract reading of a prepared card: upright words, lines, fields; and merging two."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from rapidfuzz import fuzz

from capture import ocr
from capture.fields import TextLine, parse_lines
from capture.geometry import reading_direction
from capture.ocr import WordDict
from capture.result import FIELD_NAMES, Word
from storage.records import ContactDetails

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reading:
    """What one Tesseract call made of the card; word boxes in the upright read image."""

    words: tuple[Word, ...]
    lines: list[TextLine]
    turns: int  # clockwise quarter turns that made the card upright
    long_side: int  # of the image Tesseract read, to map boxes onto other sizes
    fields: ContactDetails
    confidence: dict[str, float]

    def scaled_words(self, long_side: int) -> tuple[Word, ...]:
        """The word boxes in an image of the same card whose longer side is `long_side`."""
        factor = long_side / self.long_side
        return tuple(
            replace(w, left=round(w.left * factor), top=round(w.top * factor),
                    width=round(w.width * factor), height=round(w.height * factor))
            for w in self.words
        )


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


def upright_turns(words: Sequence[WordDict]) -> int:
    """Quarter turns that make the text upright, from the direction Tesseract read lines in."""
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


def read_card(image: np.ndarray, languages: str, timeout_s: float, region: str | None,
              config: str = ocr.DEFAULT_CONFIG) -> Reading:
    """Run Tesseract once on the prepared card and interpret what it read."""
    raw = ocr.run_tesseract(image, languages, timeout_s, config)
    height, width = image.shape[:2]
    turns = upright_turns(raw) if raw else 0
    words = build_words(raw, turns, width, height)
    lines = build_lines(words)
    fields, confidence = parse_lines(lines, region)
    return Reading(words, lines, turns, max(height, width), fields, confidence)


def is_complete(reading: Reading) -> bool:
    """A card that gave a name or company and a way to reach them needs no second look."""
    fields = reading.fields
    return bool((fields.emails or fields.phones) and (fields.name or fields.company))


def _same_item(field: str, a: str, b: str) -> bool:
    """Two readings of one printed item (OCR disagreeing in a character or two)."""
    if field == "phones":
        da, db = "".join(c for c in a if c.isdigit()), "".join(c for c in b if c.isdigit())
        if da[-9:] == db[-9:]:
            return True
        tail_a, tail_b = da[-8:], db[-8:]
        return len(tail_a) == len(tail_b) and sum(
            x != y for x, y in zip(tail_a, tail_b, strict=True)) <= 2
    a, b = a.lower(), b.lower()
    if field == "emails" and a.partition("@")[2] == b.partition("@")[2]:
        # "ma@x.com" beside "fatima@x.com": one call lost the start of the address.
        local_a, local_b = a.partition("@")[0], b.partition("@")[0]
        if local_a.endswith(local_b) or local_b.endswith(local_a):
            return True
    if field == "websites" and (a.startswith(b) or b.startswith(a)):
        return True
    return fuzz.ratio(a, b) >= 80


def _weight(reading: Reading) -> float:
    """Confident characters read: the better reading decides rotation, words and text."""
    return sum(len(w.text) for w in reading.words if w.conf >= 60)


def merge_readings(first: Reading, second: Reading) -> Reading:
    """Per field the more confident reading; lists joined without near-duplicates."""
    better, other = (first, second) if _weight(first) >= _weight(second) else (second, first)
    values: dict[str, str | tuple[str, ...]] = {}
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
            # Empty in both: the more cautious judgement of the empty field (confidence.py).
            confidence[name] = max(ca, cb) if merged else min(ca, cb)
        else:
            values[name], confidence[name] = (a, ca) if (a and ca >= cb) or not b else (b, cb)
    fields = ContactDetails(**values)  # type: ignore[arg-type]
    return replace(better, fields=fields, confidence=confidence)
