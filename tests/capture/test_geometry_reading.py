"""Pure helpers: outline ordering, skew, reading direction, merging two readings."""

from __future__ import annotations

import numpy as np
import pytest

from capture.fields import TextLine
from capture.geometry import order_corners, reading_direction
from capture.levelling import rotate_small, text_skew
from capture.reading import Reading, build_words, merge_readings, upright_turns
from capture.result import Word
from storage.records import ContactDetails
from tests.capture.cards import GERMAN, render_card


def test_corners_are_ordered_clockwise_from_top_left() -> None:
    shuffled = np.array([[90, 60], [10, 5], [12, 58], [95, 8]], dtype=np.float32)
    assert order_corners(shuffled).tolist() == [[10, 5], [95, 8], [90, 60], [12, 58]]


@pytest.mark.parametrize(("vector", "turns"), [((1, 0), 0), ((-1, 0), 2), ((0, 1), 3),
                                                ((0, -1), 1)])
def test_reading_direction(vector: tuple[int, int], turns: int) -> None:
    dx, dy = vector
    assert reading_direction([(100.0 * dx, 100.0 * dy, 3.0), (80.0 * dx, 5.0, 1.0)]) == turns


def test_upright_turns_from_tesseract_lines() -> None:
    # Words of one line placed top to bottom: the card was photographed turned clockwise.
    words = [{"text": t, "conf": 90.0, "left": 10, "top": 40 * i, "width": 20, "height": 35,
              "line": (1, 1, 1)} for i, t in enumerate(["Jane", "Roe", "GmbH"])]
    assert upright_turns(words) == 3
    boxes = build_words(words, 3, width=100, height=200)
    assert [w.top for w in boxes] == [70, 70, 70]  # now one horizontal line
    assert boxes[0].left < boxes[1].left < boxes[2].left


def test_text_skew_levels_a_slanted_card() -> None:
    card = render_card(GERMAN)
    assert text_skew(card) == 0.0
    slanted = rotate_small(card, -7.0)
    assert text_skew(slanted) == pytest.approx(7.0, abs=1.0)


def _reading(fields: ContactDetails, confidence: dict[str, float], words: int) -> Reading:
    ws = tuple(Word("word", 90.0, 10 * i, 0, 8, 10, 0) for i in range(words))
    return Reading(ws, [TextLine("x")], 0, 1000, fields, confidence)


def test_merge_takes_the_confident_field_and_joins_lists_without_near_copies() -> None:
    first = _reading(
        ContactDetails(name="Jane Roe", company="ACME", emails=("ma@hotmail.com",),
                   phones=("2294-9484",)),
        {"name": 0.9, "company": 0.3, "emails": 0.6, "phones": 0.6}, words=10)
    second = _reading(
        ContactDetails(name="Jane R0e", company="ACME Ltda.", emails=("fatima@hotmail.com",),
                   phones=("2294-9434", "9.9679-9468")),
        {"name": 0.5, "company": 0.8, "emails": 0.7, "phones": 0.7}, words=5)
    merged = merge_readings(first, second)
    assert merged.fields.name == "Jane Roe"
    assert merged.fields.company == "ACME Ltda."
    assert merged.fields.emails == ("fatima@hotmail.com",)  # the fuller reading of one address
    assert merged.fields.phones == ("2294-9484", "9.9679-9468")  # one digit apart: one number
    assert merged.words == first.words  # the reading with more confident text leads


def test_words_can_be_scaled_to_the_card_jpeg() -> None:
    reading = _reading(ContactDetails(), {}, words=2)
    scaled = reading.scaled_words(500)
    assert [(w.left, w.width) for w in scaled] == [(0, 4), (5, 4)]
