"""A card photographed without a visible outline: the printed area, and its text levelled."""

from __future__ import annotations

import cv2
import numpy as np

from capture.geometry import SEARCH_SIDE


def ink_bounds(image: np.ndarray) -> tuple[int, int, int, int] | None:
    """(left, top, width, height) around the printing when no outline was found.

    A small card in a large photo then still reaches the text layer at a readable size: the
    0.5/99.5 percentiles of edge pixels ignore a stray crumb on the table.
    """
    height, width = image.shape[:2]
    scale = min(1.0, SEARCH_SIDE / max(height, width))
    small = cv2.resize(image, (max(1, round(width * scale)), max(1, round(height * scale))),
                       interpolation=cv2.INTER_AREA)
    ink = cv2.Canny(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY), 60, 160)
    ys, xs = np.nonzero(ink)
    if len(xs) < 50:
        return None
    x0, x1 = np.percentile(xs, [0.5, 99.5])
    y0, y1 = np.percentile(ys, [0.5, 99.5])
    margin = 0.04 * max(small.shape[:2])
    x0, y0 = max(0.0, x0 - margin), max(0.0, y0 - margin)
    x1, y1 = min(small.shape[1] - 1.0, x1 + margin), min(small.shape[0] - 1.0, y1 + margin)
    left, top = int(x0 / scale), int(y0 / scale)
    right, bottom = int(x1 / scale) + 1, int(y1 / scale) + 1
    if (right - left) * (bottom - top) > 0.9 * width * height:
        return None
    return left, top, right - left, bottom - top


def text_skew(image: np.ndarray) -> float:
    """Angle in degrees (counter-clockwise positive) that levels the text lines; 0 if unsure.

    Projection profile: rotated to the right angle, the rows of ink alternate sharply between
    text and gaps, so the variance of the row sums peaks. Only small angles are tried:
    quarter turns are left to Tesseract's orientation detection.
    """
    height, width = image.shape[:2]
    scale = min(1.0, 600 / max(height, width))
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    grey = small if small.ndim == 2 else cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    ink = cv2.Canny(grey, 60, 160)
    if np.count_nonzero(ink) < 200:
        return 0.0
    centre = (ink.shape[1] / 2, ink.shape[0] / 2)

    def sharpness(angle: float) -> float:
        matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
        rotated = cv2.warpAffine(ink, matrix, (ink.shape[1], ink.shape[0]))
        return float(np.var(rotated.sum(axis=1, dtype=np.float64)))

    angles = np.arange(-20.0, 20.5, 1.0)
    scores = np.array([sharpness(a) for a in angles])
    best = float(angles[int(np.argmax(scores))])
    if scores.max() < 1.15 * sharpness(0.0) or abs(best) < 1.0:
        return 0.0  # no clear improvement over leaving the image as it is
    return best


def rotate_small(image: np.ndarray, angle_deg: float) -> np.ndarray:
    """Rotate by a small angle (counter-clockwise positive), growing the canvas to keep corners."""
    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle_deg, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    new_w, new_h = int(height * sin + width * cos), int(height * cos + width * sin)
    matrix[0, 2] += new_w / 2 - width / 2
    matrix[1, 2] += new_h / 2 - height / 2
    return cv2.warpAffine(image, matrix, (new_w, new_h), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_REPLICATE)
