"""Contacts as CSV for a spreadsheet: one row each, lists joined, formulas defused."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping

from storage.records import ContactRecord

COLUMNS = (
    "name",
    "title",
    "company",
    "emails",
    "phones",
    "websites",
    "address",
    "rating",
    "pitch",
    "note",
    "they_need",
    "i_offer",
    "event",
    "status",
    "met_on",
)
# A phone number starts with "+" and is no formula; anything else starting like one is.
_PHONE_LIKE = re.compile(r"^\+[\d\s()./-]+$")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(value: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (CSV injection)."""
    if value.startswith(_FORMULA_START) and not _PHONE_LIKE.match(value):
        return "'" + value
    return value


def contact_row(contact: ContactRecord, event_name: str = "") -> dict[str, str]:
    details = contact.details
    row = {
        "name": details.name,
        "title": details.title,
        "company": details.company,
        "emails": "; ".join(details.emails),
        "phones": "; ".join(details.phones),
        "websites": "; ".join(details.websites),
        "address": details.address.replace("\r", ""),
        "rating": contact.rating.value if contact.rating else "",
        "pitch": "yes" if contact.is_pitch else "",
        "note": contact.note,
        "they_need": contact.they_need,
        "i_offer": contact.i_offer,
        "event": event_name,
        "status": contact.status.value,
        "met_on": f"{contact.created_at:%Y-%m-%d}",
    }
    return {key: defuse(value) for key, value in row.items()}


def contacts_csv(
    contacts: Iterable[ContactRecord], event_names: Mapping[int, str] | None = None
) -> str:
    """CSV text with a header row; encode with "utf-8-sig" so spreadsheets keep umlauts."""
    names = event_names or {}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for contact in contacts:
        event = names.get(contact.event_id, "") if contact.event_id is not None else ""
        writer.writerow(contact_row(contact, event))
    return buffer.getvalue()
