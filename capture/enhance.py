"""Prepare a straightened card for Tesseract: grey, and the size of its letters measured."""

from __future__ import annotations

import logging

import cv2
import numpy as np

log = logging.getLogger(__name__)


def to_grey(card: np.ndarray) -> np.ndarray:
    return card if card.ndim == 2 else cv2.cvtColor(card, cv2.COLOR_BGR2GRAY)


def prepare_for_ocr(card: np.ndarray) -> np.ndarray:
    """The image handed to Tesseract: the grey card, nothing more.

    Measured on ../shared/cards against plain grey (field_acc .444 at the time): dividing by
    the blurred background .395, adaptive thresholding .352, Otsu .403; Tesseract's own
    binarisation does better on these cards. Local thresholding helps only where the global
    one fails, so it is the second look's job (see pipeline.scan_image), not a fixed step.
    """
    return to_grey(card)


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
