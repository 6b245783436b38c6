"""Postal addresses in card text: German, Swiss, UK, US and Brazilian forms."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

log = logging.getLogger(__name__)

STREET_RE = re.compile(
    r"(\b\w[\wäöüß.\-]*(straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|markt)\s*\d+"
    r"|\b(rua|av\.?|avenida|alameda|al\.|travessa|tv\.|praça|pça\.?|estrada|rodovia)\s+\S+"
    r"|\br\.\s*\S+(?=.*\d)"  # "R. Pinhal, 283"; without a number "R. OLIVEIRA" is a name
    r"|\b\d+[a-z]?\s+\w[\w .'-]*\b(street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|"
    r"way|court|ct|place|pl|square|sq|terrace|parkway|pkwy|highway|hwy)\b\.?"
    r"|\b(suite|ste\.?|floor|postfach|p\.?o\.? box)\b)",
    re.IGNORECASE,
)
PHONE_LABEL_RE = re.compile(r"\b(tel|fax|fone|phone|mobil\w*|cel\w*|whats\w*|handy)\b|^[TMF]\s",
                            re.IGNORECASE)
POSTCODE_RE = re.compile(
    r"(\b(?:D-|CH-|A-)?\d{4,5}\s+[A-ZÄÖÜ][\wäöüß.\-]+"  # DE 90763 Fürth, CH 8001 Zürich
    r"|\bcep[:\s]*\d{5}-?\d{3}|\b\d{5}-\d{3}\b"  # BR CEP
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b"  # UK W2 6BD
    r"|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b"  # US WA 98052
    r"|\s-\s?[A-Z]{2}\b$)",  # BR "… - SP"
)


# A house number right after the street's name, with whatever digits follow it on the line.
HOUSE_NUMBER_RE = re.compile(
    r"(?:(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|markt)\s*"
    r"|\b(?:rua|r\.|av\.?|avenida|alameda|travessa|estrada|rodovia)\s+[^\d,]+,\s*)"
    r"(\d[\d\s·•.,/-]*\d)",
    re.IGNORECASE,
)


def house_number_digits(text: str) -> str:
    """Digits from a street's house number on ("Hauptstraße 180 80331" → "18080331"), or ""."""
    match = HOUSE_NUMBER_RE.search(text)
    return re.sub(r"\D", "", match.group(1)) if match else ""


def _looks_like_phone_line(text: str) -> bool:
    """ "Fax 0911 99713-399" has a CEP-shaped tail but is a phone number."""
    return bool(PHONE_LABEL_RE.search(text)) or sum(ch.isdigit() for ch in text) > 9


def find_address(lines: Sequence[str]) -> tuple[str, list[int]]:
    """The address joined with ", " and the indexes of the lines it came from."""
    picked = [
        i for i, text in enumerate(lines)
        if "@" not in text and (STREET_RE.search(text) or (
            POSTCODE_RE.search(text) and not _looks_like_phone_line(text)))
    ]
    if not picked:
        return "", []
    # Keep the first run of neighbouring address lines; a second block is usually a branch.
    run = [picked[0]]
    for i in picked[1:]:
        if i - run[-1] <= 2:
            run.append(i)
        else:
            break
    parts = [lines[i].strip(" ,|") for i in run]
    return ", ".join(p for p in parts if p), run


def address_confidence(address: str) -> float:
    """A street with its postcode and town is a whole address; a lone part may be a fragment."""
    whole = bool(STREET_RE.search(address)) and bool(POSTCODE_RE.search(address))
    return 0.8 if whole else 0.45
