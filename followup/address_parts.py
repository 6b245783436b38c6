"""A stored address (one line or several) split into a vCard ADR's parts, and joined back."""

from __future__ import annotations

import re
from dataclasses import dataclass

from capture.region import COUNTRY_NAMES, US_STATES

# "12345 Stadt", "D-12345 Stadt", "8001 Zürich": German, Austrian and Swiss order.
EU_TOWN_RE = re.compile(r"^(?:(?:D|A|CH)-)?(\d{4,5})\s+([^\W\d_]\D*)$")
# "Redmond, WA 98052" (the town is the part before) or "Redmond WA 98052".
US_TOWN_RE = re.compile(rf"^(?:(\D+?),?\s+)?({US_STATES})\s+(\d{{5}}(?:-\d{{4}})?)$")


@dataclass(frozen=True)
class AddressParts:
    street: str = ""
    city: str = ""
    region: str = ""
    code: str = ""
    country: str = ""


def _pieces(address: str) -> list[str]:
    return [p.strip() for line in address.splitlines() for p in line.split(",") if p.strip()]


def _country(pieces: list[str]) -> tuple[list[str], str]:
    if len(pieces) > 1 and pieces[-1].lower() in COUNTRY_NAMES:
        return pieces[:-1], pieces[-1]
    return pieces, ""


def split_address(address: str) -> AddressParts:
    """German "Straße 1, 12345 Stadt" and US "City, ST 12345"; else all of it is the street."""
    pieces, country = _country(_pieces(address))
    if not pieces:
        return AddressParts()
    last = pieces[-1]
    eu = EU_TOWN_RE.match(last)
    if eu and len(pieces) > 1:
        street = ", ".join(pieces[:-1])
        return AddressParts(street=street, code=eu.group(1), city=eu.group(2), country=country)
    us = US_TOWN_RE.match(last)
    if us and (us.group(1) or len(pieces) > 2):
        city = us.group(1) or pieces[-2]
        before = pieces[:-1] if us.group(1) else pieces[:-2]
        if before:
            return AddressParts(
                street=", ".join(before),
                city=city.strip(),
                region=us.group(2),
                code=us.group(3),
                country=country,
            )
    lines = (line.strip() for line in address.splitlines())
    return AddressParts(street=", ".join(line for line in lines if line))


def join_address(parts: AddressParts) -> str:
    """One line in the order the parts' country writes it ("street, 12345 City" or US)."""
    if parts.region and re.fullmatch(r"\d{5}(?:-\d{4})?", parts.code):
        town = ", ".join(p for p in (parts.city, f"{parts.region} {parts.code}") if p)
    else:
        town = " ".join(p for p in (parts.code, parts.city, parts.region) if p)
    return ", ".join(p for p in (parts.street, town, parts.country) if p)
