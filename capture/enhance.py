"""Prepare a straightened card for Tesseract: grey, even lighting, the right text size."""

from __future__ import annotations

import logging

import cv2
import numpy as np

log = logging.getLogger(__name__)


def to_grey(card: np.ndarray) -> np.ndarray:
    return card if card.ndim == 2 else cv2.cvtColor(card, cv2.COLOR_BGR2GRAY)


def flatten_illumination(grey: np.ndarray) -> np.ndarray:
    """Divide by a heavily blurred copy: removes shadows and vignetting, keeps strokes."""
    size = max(31, (min(grey.shape[:2]) // 8) | 1)
    background = cv2.morphologyEx(grey, cv2.MORPH_CLOSE,
                                  cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (15, 15)))
    background = cv2.GaussianBlur(background, (size, size), 0)
    flat = cv2.divide(grey, background, scale=255)
    return np.asarray(flat, dtype=np.uint8)


def prepare_for_ocr(card: np.ndarray, mode: str = "grey") -> np.ndarray:
    """The image handed to Tesseract. `mode` exists so the benchmark can compare variants."""
    grey = to_grey(card)
    if mode == "grey":
        return grey
    if mode == "flat":
        return flatten_illumination(grey)
    if mode == "denoise":
        return cv2.fastNlMeansDenoising(grey, None, 7, 7, 21)
    if mode == "otsu":
        blurred = cv2.GaussianBlur(grey, (3, 3), 0)
        return cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1]
    if mode == "adaptive":
        return cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C,
                                     cv2.THRESH_BINARY, 31, 15)
    raise ValueError(f"unknown preparation mode {mode!r}")


def median_letter_height(grey: np.ndarray) -> float | None:
    """Median height in pixels of letter-like blobs (dark on light and light on dark).

    Used to scale the card so that its body text reaches Tesseract at the size its models
    were trained on, instead of one fixed width for every card.
    """
    heights: list[int] = []
    for polarity in (cv2.THRESH_BINARY_INV, cv2.THRESH_BINARY):
        binary = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, polarity, 31, 12)
        count, _, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
        for _, _, w, h, area in stats[1:count]:
            if 6 <= h <= grey.shape[0] // 4 and 0.15 <= w / h <= 1.5 and area >= 0.2 * w * h:
                heights.append(int(h))
    if len(heights) < 15:
        return None
    return float(np.median(heights))
