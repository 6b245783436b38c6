"""One PP-OCRv6 reading of a straightened card: turned upright, lines recognised, fields parsed."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import cv2
import numpy as np

from capture.fields import TextLine, parse_lines
from capture.geometry import order_corners, rotate_quarters
from capture.neural_ocr import NeuralEngine, TextBox
from capture.reading import Reading
from capture.result import Word

log = logging.getLogger(__name__)

# A box is a line of text when it is clearly longer than high; squarish boxes (a logo, one
# letter) say nothing about the direction text runs in.
LINE_ASPECT = 2.0
# The classifier's "180" must win by this share of the weighted votes to turn a card around:
# a handful of short, shaky crops on an upright card must not flip it.
UPSIDE_DOWN_SHARE = 0.6


def shrink(image: np.ndarray, long_side: int) -> tuple[np.ndarray, float]:
    """`image` at most `long_side` long, and the factor from its pixels to the original's."""
    scale = long_side / max(image.shape[:2])
    if scale >= 1.0:
        return image, 1.0
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return small, 1.0 / scale


def box_axes(points: np.ndarray) -> tuple[np.ndarray, float, float]:
    """The direction of a box's long side (unit vector), its length and its thickness."""
    first = points[1] - points[0]
    second = points[3] - points[0]
    a, b = float(np.linalg.norm(first)), float(np.linalg.norm(second))
    if a >= b:
        return first / max(a, 1e-6), a, b
    return second / max(b, 1e-6), b, a


def runs_sideways(boxes: Sequence[TextBox]) -> bool:
    """Whether most of the text runs up or down the image (a card photographed sideways)."""
    across = along = 0.0
    for box in boxes:
        direction, length, thickness = box_axes(box.points)
        if length < LINE_ASPECT * thickness:
            continue
        if abs(direction[1]) > abs(direction[0]):
            along += length
        else:
            across += length
    return along > across


def turn_points(points: np.ndarray, turns: int, width: int, height: int) -> np.ndarray:
    """Corners in the frame of the image rotated by `turns` clockwise quarter turns."""
    pts = np.asarray(points, dtype=np.float32).copy()
    for _ in range(turns % 4):
        x, y = pts[:, 0].copy(), pts[:, 1].copy()
        pts[:, 0], pts[:, 1] = height - y, x
        width, height = height, width
    return order_corners(pts)


def crop_line(image: np.ndarray, points: np.ndarray) -> np.ndarray:
    """The line inside `points`, cut out and levelled, as the recogniser wants it."""
    width = int(max(np.linalg.norm(points[0] - points[1]), np.linalg.norm(points[2] - points[3])))
    height = int(max(np.linalg.norm(points[0] - points[3]), np.linalg.norm(points[1] - points[2])))
    width, height = max(width, 1), max(height, 1)
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(points.astype(np.float32), target)
    return cv2.warpPerspective(image, matrix, (width, height), flags=cv2.INTER_CUBIC,
                               borderMode=cv2.BORDER_REPLICATE)


def is_upside_down(votes: Sequence[tuple[bool, float]], crops: Sequence[np.ndarray]) -> bool:
    """The classifier's votes, weighted by how much text each crop holds and how sure it is."""
    turned = upright = 0.0
    for (flipped, score), crop in zip(votes, crops, strict=True):
        weight = score * crop.shape[1] / max(crop.shape[0], 1)
        if flipped:
            turned += weight
        else:
            upright += weight
    total = turned + upright
    return total > 0 and turned / total >= UPSIDE_DOWN_SHARE


def reading_order(boxes: Sequence[np.ndarray]) -> list[int]:
    """Indexes of the boxes top to bottom, left to right within a row."""
    if not boxes:
        return []
    tops = [float(b[:, 1].min()) for b in boxes]
    heights = sorted(float(b[:, 1].max() - b[:, 1].min()) for b in boxes)
    tolerance = 0.5 * heights[len(heights) // 2]
    order = sorted(range(len(boxes)), key=lambda i: tops[i])
    rows: list[list[int]] = []
    for i in order:
        if rows and abs(tops[i] - tops[rows[-1][0]]) <= tolerance:
            rows[-1].append(i)
        else:
            rows.append([i])
    return [i for row in rows for i in sorted(row, key=lambda j: float(boxes[j][:, 0].min()))]


def line_words(text: str, score: float, points: np.ndarray, line: int) -> list[Word]:
    """The line's words, each given its share of the box by its number of characters."""
    left, top = float(points[:, 0].min()), float(points[:, 1].min())
    width = float(points[:, 0].max()) - left
    height = float(points[:, 1].max()) - top
    words = text.split()
    total = max(1, len(text))
    out, offset = [], 0
    for word in words:
        start = text.index(word, offset)
        offset = start + len(word)
        out.append(Word(word, round(score * 100, 1), round(left + width * start / total),
                        round(top), max(1, round(width * len(word) / total)), round(height),
                        line))
    return out


def read_card_neural(engine: NeuralEngine, card: np.ndarray, region: str | None) -> Reading:
    """Detect on a small copy, decide the orientation, recognise crops of the full card."""
    small, factor = shrink(card, engine.detect_side)
    boxes = engine.detect(small)
    turns = 0
    small_h, small_w = small.shape[:2]
    if boxes and runs_sideways(boxes):
        turns = 1
    points = [turn_points(b.points, turns, small_w, small_h) * factor for b in boxes]
    upright = rotate_quarters(card, turns)
    crops = [crop_line(upright, p) for p in points]
    if crops and is_upside_down(engine.upside_down_votes(crops), crops):
        height, width = upright.shape[:2]
        turns = (turns + 2) % 4
        upright = rotate_quarters(upright, 2)
        points = [turn_points(p, 2, width, height) for p in points]
        crops = [cv2.rotate(c, cv2.ROTATE_180) for c in crops]
    recognised = engine.recognise(crops)
    words: list[Word] = []
    lines: list[TextLine] = []
    for index in reading_order(points):
        text, score = recognised[index]
        text = " ".join(text.split())
        if not text:
            continue
        line_no = len(lines)
        words.extend(line_words(text, score, points[index], line_no))
        _, _, thickness = box_axes(points[index])
        lines.append(TextLine(text, round(score * 100, 1), thickness,
                              float(points[index][:, 1].min())))
    fields, confidence = parse_lines(lines, region)
    height, width = upright.shape[:2]
    return Reading(tuple(words), lines, turns, max(height, width), fields, confidence)
