"""The values capture/ hands out: the fields read from a card and the scan around them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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


@dataclass(frozen=True)
class CardFields:
    """The contact details printed on a card; empty where nothing was found."""

    name: str = ""
    title: str = ""
    company: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    websites: tuple[str, ...] = ()
    address: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: tuples become lists."""
        return {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in ((n, getattr(self, n)) for n in FIELD_NAMES)
        }


@dataclass(frozen=True)
class ScanResult:
    """Everything one scan of a card photo produced."""

    fields: CardFields
    confidence: dict[str, float]  # one per FIELD_NAMES key, 0..1
    card_jpeg: bytes  # the straightened, upright card
    raw_text: str
    words: tuple[Word, ...] = ()
    timings_ms: dict[str, float] = field(default_factory=dict)
