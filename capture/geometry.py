"""Find the card's outline in a photo, straighten it by perspective, turn it upright."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np

log = logging.getLogger(__name__)

# Outlines are searched on a small copy: edges of a card survive downscaling and it is fast.
SEARCH_SIDE = 640
MIN_CARD_FRACTION = 0.06
MAX_CARD_FRACTION = 0.97
MIN_INK_COVERAGE = 0.8
# ISO 7810 ID-1 / business cards are about 1.4–1.9 : 1; allow for perspective foreshortening.
MIN_ASPECT, MAX_ASPECT = 1.1, 2.6


@dataclass(frozen=True)
class Quad:
    """Four corners in image pixels, ordered top-left, top-right, bottom-right, bottom-left."""

    points: tuple[tuple[float, float], ...]

    def as_array(self) -> np.ndarray:
        return np.array(self.points, dtype=np.float32)


def order_corners(points: np.ndarray) -> np.ndarray:
    """Order four points as top-left, top-right, bottom-right, bottom-left."""
    pts = np.asarray(points, dtype=np.float32).reshape(4, 2)
    centre = pts.mean(axis=0)
    angles = np.arctan2(pts[:, 1] - centre[1], pts[:, 0] - centre[0])
    pts = pts[np.argsort(angles)]  # clockwise in image coordinates, starting near top-left
    start = int(np.argmin(pts.sum(axis=1)))
    return np.roll(pts, -start, axis=0)


def quad_sides(pts: np.ndarray) -> tuple[float, float]:
    """Mean width and height of an ordered quadrilateral."""
    width = (np.linalg.norm(pts[1] - pts[0]) + np.linalg.norm(pts[2] - pts[3])) / 2
    height = (np.linalg.norm(pts[3] - pts[0]) + np.linalg.norm(pts[2] - pts[1])) / 2
    return float(width), float(height)


def _plausible(pts: np.ndarray, image_area: float) -> float:
    """A score for a candidate outline; 0 when it cannot be a card."""
    area = abs(cv2.contourArea(pts.astype(np.float32)))
    fraction = area / image_area
    if not MIN_CARD_FRACTION <= fraction <= MAX_CARD_FRACTION:
        return 0.0
    if not cv2.isContourConvex(pts.astype(np.float32).reshape(-1, 1, 2)):
        return 0.0
    width, height = quad_sides(pts)
    long_side, short_side = max(width, height), min(width, height)
    if short_side < 1 or not MIN_ASPECT <= long_side / short_side <= MAX_ASPECT:
        return 0.0
    return fraction


def _quad_from_contour(contour: np.ndarray) -> np.ndarray | None:
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    for epsilon in (0.02, 0.04, 0.06):
        approx = cv2.approxPolyDP(hull, epsilon * perimeter, True)
        if len(approx) == 4:
            return order_corners(approx.reshape(4, 2))
    # Rounded corners or a finger over one corner: the minimum rectangle is a fair outline
    # when the hull fills most of it.
    rect = cv2.minAreaRect(hull)
    box_area = rect[1][0] * rect[1][1]
    if box_area > 0 and cv2.contourArea(hull) / box_area > 0.85:
        return order_corners(cv2.boxPoints(rect))
    return None


def _edge_mask(small: np.ndarray) -> np.ndarray:
    """Edges from brightness and from colour, closed so a card's border becomes one contour."""
    lab = cv2.cvtColor(small, cv2.COLOR_BGR2LAB)
    edges: np.ndarray = np.zeros(small.shape[:2], np.uint8)
    for channel in cv2.split(lab):
        blurred = cv2.GaussianBlur(channel, (5, 5), 0)
        median = float(np.median(blurred))
        lower, upper = int(max(0, 0.66 * median)), int(min(255, 1.33 * median))
        edges = cv2.bitwise_or(edges, cv2.Canny(blurred, max(lower, 20), max(upper, 60)))
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5))
    return cv2.morphologyEx(edges, cv2.MORPH_CLOSE, kernel, iterations=2)


def _background_mask(small: np.ndarray) -> np.ndarray:
    """Pixels that differ from the photo's border colour: a card on a plain table."""
    lab = cv2.cvtColor(cv2.GaussianBlur(small, (7, 7), 0), cv2.COLOR_BGR2LAB).astype(np.float32)
    border = np.concatenate(
        [
            lab[:4].reshape(-1, 3),
            lab[-4:].reshape(-1, 3),
            lab[:, :4].reshape(-1, 3),
            lab[:, -4:].reshape(-1, 3),
        ]
    )
    background = np.median(border, axis=0)
    spread = np.median(np.abs(border - background), axis=0).sum()
    distance = np.linalg.norm(lab - background, axis=2)
    mask = (distance > max(10.0, 3.0 * spread)).astype(np.uint8) * 255
    small_kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5))
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, small_kernel)
    # Close generously: the card's own printing often matches the table's colour.
    big_kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (21, 21))
    return cv2.morphologyEx(mask, cv2.MORPH_CLOSE, big_kernel)


def _corners_on_border(quad: np.ndarray, shape: tuple[int, ...]) -> int:
    """How many corners touch the photo's edge: a shape leaking into the background does."""
    height, width = shape[:2]
    margin = 0.015 * max(height, width)
    return sum(1 for x, y in quad
               if x < margin or y < margin or x > width - margin or y > height - margin)


def _filled(mask: np.ndarray) -> np.ndarray:
    """The mask with every outer contour filled: text holes inside a card disappear."""
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    filled = np.zeros_like(mask)
    cv2.drawContours(filled, contours, -1, 255, thickness=cv2.FILLED)
    # Opening removes thin bridges to objects touching the card (a pen, a finger).
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (9, 9))
    return cv2.morphologyEx(filled, cv2.MORPH_OPEN, kernel)


def _printing(small: np.ndarray) -> np.ndarray:
    """Crisp edges of the printing, the photo's border cleared.

    Printing makes edges; a table, a wall or a hand hardly any. An outline that leaves much
    of the printing outside is a logo or a panel of the card, and cropping to it would lose
    text: better to read the whole photo then. High thresholds: printing is crisp, while wood
    grain or fabric gives weak edges that would count as text lying outside the card.
    """
    ink = cv2.Canny(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY), 100, 250)
    ink[:6, :] = 0
    ink[-6:, :] = 0
    ink[:, :6] = 0
    ink[:, -6:] = 0
    return ink


def _outline_masks(small: np.ndarray) -> tuple[tuple[np.ndarray, bool], ...]:
    """Candidate card regions, each with whether it must keep clear of the photo's edge."""
    edges = _edge_mask(small)
    background = _background_mask(small)
    union = _filled(
        cv2.morphologyEx(
            edges | background, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (15, 15))
        )
    )
    grey = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY), (7, 7), 0)
    # A white card on a darker desk or wood separates by brightness alone.
    bright = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1]
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE,
                              cv2.getStructuringElement(cv2.MORPH_RECT, (15, 15)))
    # White paper is bright *and* colourless: wood or a coloured desk lit as brightly is not.
    hsv = cv2.cvtColor(cv2.GaussianBlur(small, (7, 7), 0), cv2.COLOR_BGR2HSV)
    colourless = ((hsv[:, :, 1] < 40) & (hsv[:, :, 2] > 120)).astype(np.uint8) * 255
    paper = cv2.morphologyEx(colourless, cv2.MORPH_CLOSE,
                             cv2.getStructuringElement(cv2.MORPH_RECT, (15, 15)))
    return ((union, False), (_filled(background), False), (_filled(edges), False),
            (_filled(bright), True), (_filled(paper), True))


def find_card(image: np.ndarray) -> Quad | None:
    """The card's outline in `image` (BGR), or None when no plausible outline is found."""
    height, width = image.shape[:2]
    scale = min(1.0, SEARCH_SIDE / max(height, width))
    small = cv2.resize(
        image,
        (max(1, round(width * scale)), max(1, round(height * scale))),
        interpolation=cv2.INTER_AREA,
    )
    area = float(small.shape[0] * small.shape[1])
    ink = _printing(small)
    total_ink = float(np.count_nonzero(ink)) or 1.0
    best: tuple[float, np.ndarray] | None = None
    for mask, strict in _outline_masks(small):
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:5]:
            if cv2.contourArea(contour) < MIN_CARD_FRACTION * area:
                break
            quad = _quad_from_contour(contour)
            if quad is None:
                continue
            fraction = _plausible(quad, area)
            # A brightness blob reaching the photo's edge is lit background, not a card.
            if fraction == 0 or (strict and _corners_on_border(quad, small.shape) >= 2):
                continue
            inside = np.zeros_like(ink)
            cv2.fillConvexPoly(inside, quad.astype(np.int32), 255)
            coverage = np.count_nonzero(cv2.bitwise_and(ink, inside)) / total_ink
            if coverage < MIN_INK_COVERAGE:
                continue
            score = coverage - 0.3 * fraction
            if best is None or score > best[0]:
                best = (score, quad)
    if best is None:
        return None
    points = best[1] / scale
    return Quad(tuple((float(x), float(y)) for x, y in points))


def straighten(image: np.ndarray, quad: Quad | None, long_side: int) -> np.ndarray:
    """Warp the card inside `quad` to a flat rectangle whose longer side is `long_side` px.

    Without a quad the whole image is only resized (a flat scan or a card filling the frame).
    """
    if quad is None:
        height, width = image.shape[:2]
        scale = long_side / max(height, width)
        interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
        return cv2.resize(
            image,
            (max(1, round(width * scale)), max(1, round(height * scale))),
            interpolation=interpolation,
        )
    pts = quad.as_array()
    width, height = quad_sides(pts)
    scale = long_side / max(width, height, 1.0)
    out_w, out_h = max(1, round(width * scale)), max(1, round(height * scale))
    target = np.array(
        [[0, 0], [out_w - 1, 0], [out_w - 1, out_h - 1], [0, out_h - 1]], dtype=np.float32
    )
    matrix = cv2.getPerspectiveTransform(pts, target)
    return cv2.warpPerspective(
        image, matrix, (out_w, out_h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )


def rotate_quarters(image: np.ndarray, turns: int) -> np.ndarray:
    """Rotate by `turns` × 90° clockwise."""
    turns %= 4
    if turns == 0:
        return image
    codes = {1: cv2.ROTATE_90_CLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(image, codes[turns])


def reading_direction(vectors: list[tuple[float, float, float]]) -> int:
    """Clockwise quarter turns that make text upright, from word-to-word reading vectors.

    Each vector is (dx, dy, weight): from the first to the last word of a line in image
    pixels. Upright text reads towards +x; text read towards +y needs a quarter turn
    anticlockwise (3 clockwise), and so on.
    """
    totals = np.zeros(2)
    for dx, dy, weight in vectors:
        norm = (dx * dx + dy * dy) ** 0.5
        if norm > 0:
            totals += weight * np.array([dx, dy]) / norm
    dx, dy = totals
    if abs(dx) >= abs(dy):
        return 0 if dx >= 0 else 2
    return 3 if dy > 0 else 1
