"""Contacts as CSV for a spreadsheet: one row each, lists joined, formulas defused.

CSV injection: Excel, LibreOffice Calc and Google Sheets run a cell as a formula when it
starts with "=", "+", "-", "@", a tab or a carriage return; "|" starts a DDE link in old
Excel (``=cmd|' /C calc'!A0``), and some readers skip leading spaces, zero-width characters
or take the full-width forms (＝ ＋ － ＠) for the real ones. Every such cell, in every
column, gets one leading apostrophe, the neutraliser the spreadsheets document: what
follows is text. A program that takes it as its text marker hides it; Excel and LibreOffice
opening a .csv directly are reported to keep it, so a cell reads ``'=1+2`` - text either
way, never run (not verified against those programs here: none is installed).

The same happens at the start of every line and after every ";" inside a cell: German
Excel opens a .csv by double-click with ";" as the separator and ignores quotes that do
not open a field, so each such piece becomes a cell (or row) of its own. A note with a
dashed list therefore exports as ``'- first`` on each line; the price of that safety.

Phone numbers are no exception ("+1-2" is a formula, and a company or note may be just
that). A phone keeps every digit, space and its "+" and is only preceded by the apostrophe:
``'+49 911 7654321``, a second one in the cell ``; '+49 30 1234567`` - still a phone number
to a person, and to a program that drops the apostrophe. Rewriting it as "0049 ..." was
rejected: the international prefix is not "00" everywhere (US: 011), and digits without
spaces would turn into a number that loses its leading zeros.
"""

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
# What a spreadsheet may read as the start of a formula (full-width forms included) ...
FORMULA_TRIGGERS = "=+-@|\t\r\uff1d\uff0b\uff0d\uff20"
# ... also behind blanks and invisible characters, ...
_SKIPPED = r"[\s\u200b-\u200d\u2060\ufeff]*"
_TRIGGER = f"[{re.escape(FORMULA_TRIGGERS)}]"
# ... at the start of the cell (the apostrophe goes first) and at the start of each line
# and ";"-separated piece in it (the apostrophe goes behind plain spaces: "; '+49 ...").
_LIVE_CELL = re.compile(rf"^(?={_SKIPPED}{_TRIGGER})")
_LIVE_PIECE = re.compile(rf"(?:(?<=[\n;])|(?<=\r)(?!\n))( *)(?={_SKIPPED}{_TRIGGER})")


def defuse(value: str) -> str:
    """Keep a spreadsheet from running a cell, or a piece of it, as a formula."""
    return _LIVE_CELL.sub("'", _LIVE_PIECE.sub(r"\1'", value))


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
