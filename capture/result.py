"""The values capture/ hands out: the scan of a card around its fields (a `ContactDetails`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storage.records import ContactDetails

FIELD_NAMES = ("name", "title", "company", "emails", "phones", "websites", "address")


@dataclass(frozen=True)
class Word:
    """One word as Tesseract read it, in the upright card's pixel coordinates."""

    text: str
    conf: float  # 0..100 as Tesseract reports it
    left: int
    top: int
    width: int
    height: int
    line: int  # index of the text line the word belongs to, in reading order


def fields_as_dict(fields: ContactDetails) -> dict[str, Any]:
    """The fields read from a card, JSON-ready: tuples become lists."""
    return {
        name: list(value) if isinstance(value, tuple) else value
        for name, value in ((n, getattr(fields, n)) for n in FIELD_NAMES)
    }


@dataclass(frozen=True)
class ScanResult:
    """Everything one scan of a card photo produced."""

    fields: ContactDetails  # the one contact value type, shared with storage
    confidence: dict[str, float]  # one per FIELD_NAMES key, 0..1
    card_jpeg: bytes  # the straightened, upright card
    raw_text: str
    words: tuple[Word, ...] = ()
    timings_ms: dict[str, float] = field(default_factory=dict)
