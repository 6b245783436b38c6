"""decode → find card → straighten → prepare → OCR → upright → fields: one card photo read."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import cv2
import numpy as np

from capture import ocr
from capture.decode import decode_image
from capture.enhance import median_letter_height, prepare_for_ocr
from capture.errors import NO_TEXT, CaptureError
from capture.geometry import (
    find_card,
    rotate_quarters,
    straighten,
)
from capture.levelling import ink_bounds, rotate_small, text_skew
from capture.neural_ocr import NeuralEngine, shared_engine
from capture.neural_reading import read_card_neural
from capture.reading import Reading, is_complete, merge_readings, read_card
from capture.result import ScanResult

log = logging.getLogger(__name__)

# The straightened card is first made this long, to measure its letters.
WORK_SIDE = 1600
# Then it is scaled so that its median letter is this high for Tesseract. Measured on
# ../shared/cards (field_acc by target: 15 px .535, 17 .505, 20 .541, 23 .487, 28 .469) and
# against one fixed 1600 px width (.489). The upper limit bounds the cost of a call: 2200 px
# reads as well as 2600 px (.541) for less CPU, 1900 px loses (.527).
TARGET_LETTER_PX = 20.0
MIN_OCR_SIDE, MAX_OCR_SIDE = 1000, 2200
# The second look runs on a smaller copy: it is there for cards the first call could not
# binarise, which are usually large type on a coloured ground, and it must stay cheap.
SECOND_LOOK_SIDE = 1200
CARD_JPEG_SIDE = 1200
CARD_JPEG_QUALITY = 82
OCR_TIMEOUT_S = 30.0
# The text layers `scan_image` can use; PP-OCRv6 is the default (README, "Benchmarks").
NEURAL, TESSERACT = "rapidocr", "tesseract"
ENGINES = (NEURAL, TESSERACT)


def _resize_to(image: np.ndarray, long_side: int) -> np.ndarray:
    scale = long_side / max(image.shape[:2])
    if abs(scale - 1.0) < 0.05:
        return image
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    return cv2.resize(image, None, fx=scale, fy=scale, interpolation=interpolation)


def cut_out_card(image: np.ndarray) -> tuple[np.ndarray, bool]:
    """The straightened card at WORK_SIDE, and whether its outline was found."""
    quad = find_card(image)
    if quad is None:
        # No outline: read the printed area only (a small card in a large photo stays
        # legible), levelled, because sparse OCR splits slanted lines into fragments.
        if (bounds := ink_bounds(image)) is not None:
            left, top, width, height = bounds
            image = image[top : top + height, left : left + width]
        if skew := text_skew(image):
            image = rotate_small(image, skew)
    return straighten(image, quad, WORK_SIDE), quad is not None


def prepare_sized(card: np.ndarray) -> np.ndarray:
    """The grey card scaled so that its letters reach Tesseract at TARGET_LETTER_PX."""
    prepared = prepare_for_ocr(card)
    letter = median_letter_height(prepared)
    if letter:
        side = max(card.shape[:2]) * TARGET_LETTER_PX / letter
        prepared = _resize_to(prepared, round(min(MAX_OCR_SIDE, max(MIN_OCR_SIDE, side))))
    return prepared


def encode_jpeg(card: np.ndarray) -> bytes:
    card = _resize_to(card, min(CARD_JPEG_SIDE, max(card.shape[:2])))
    ok, buffer = cv2.imencode(".jpg", card, [cv2.IMWRITE_JPEG_QUALITY, CARD_JPEG_QUALITY])
    if not ok:  # pragma: no cover - OpenCV encodes any uint8 BGR image
        raise CaptureError("The card image could not be saved.", code="encode_failed")
    return bytes(buffer.tobytes())


def _has_text(reading: Reading) -> bool:
    return any(sum(ch.isalnum() for ch in line.text) >= 2 for line in reading.lines)


def read_with_tesseract(card: np.ndarray, languages: str, timeout_s: float,
                        region: str | None, lap: Callable[[str], None]) -> Reading:
    """The Tesseract path: letters scaled to its liking, a second look where the first fails."""
    prepared = prepare_sized(card)
    lap("prepare")
    reading = read_card(prepared, languages, timeout_s, region)
    lap("ocr")
    if not is_complete(reading):
        # Tesseract binarises the whole card with one global threshold; a grey card on a
        # lighter table, or a photo with a shadow, then turns to solid black. A second call
        # with local (Sauvola) thresholding reads those; measured on ../shared/cards it
        # lifts field_acc from .516 to .541. Only incomplete readings pay for it.
        second = read_card(_resize_to(prepared, min(SECOND_LOOK_SIDE, max(prepared.shape[:2]))),
                           languages, timeout_s, region, ocr.LOCAL_THRESHOLD_CONFIG)
        reading = merge_readings(reading, second)
        lap("ocr_second_look")
    return reading


def choose_engine(name: str | None, neural: NeuralEngine | None) -> NeuralEngine | None:
    """The neural engine to read with, or None for Tesseract (asked for, or the only one)."""
    name = (name or NEURAL).strip().lower()
    if name not in ENGINES:
        raise ValueError(f"unknown OCR engine {name!r}; choose one of {', '.join(ENGINES)}")
    if name == TESSERACT:
        return None
    return neural or shared_engine()


def scan_image(
    data: bytes,
    *,
    region: str | None = "DE",
    languages: str = "deu+eng",
    timeout_s: float = OCR_TIMEOUT_S,
    engine: str | None = NEURAL,
    neural: NeuralEngine | None = None,
) -> ScanResult:
    """Read one card photo. Raises CaptureError (OcrError for engine trouble).

    `engine` names the text layer ("rapidocr", the default, or "tesseract"); where the neural
    engine cannot be loaded Tesseract reads instead. `neural` is an engine the caller already
    holds (the app keeps one per process). `languages` and `timeout_s` are Tesseract's.
    """
    timings: dict[str, float] = {}
    start = clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = round((now - clock) * 1000, 1)
        clock = now

    chosen = choose_engine(engine, neural)
    image = decode_image(data)
    lap("decode")
    card, outlined = cut_out_card(image)
    lap("find_card")
    region = region.strip().upper() or None if region else None
    if chosen is not None:
        reading = read_card_neural(chosen, card, region)
        lap("ocr")
    else:
        reading = read_with_tesseract(card, languages, timeout_s, region, lap)
    if not _has_text(reading):
        raise CaptureError(
            "No text was found on this photo. Please photograph the printed side of the card, "
            "or type the details.",
            code=NO_TEXT,
        )
    upright = _resize_to(rotate_quarters(card, reading.turns), CARD_JPEG_SIDE)
    card_jpeg = encode_jpeg(upright)
    lap("encode")
    timings["total"] = round((time.perf_counter() - start) * 1000, 1)
    log.debug("scan: %d words, %d lines, outlined=%s, turns=%d", len(reading.words),
              len(reading.lines), outlined, reading.turns)
    return ScanResult(
        fields=reading.fields,
        confidence=reading.confidence,
        card_jpeg=card_jpeg,
        raw_text="\n".join(line.text for line in reading.lines),
        words=reading.scaled_words(max(upright.shape[:2])),
        timings_ms=timings,
    )
