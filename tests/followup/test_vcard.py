"""vCard and CSV export: typed phones and e-mails, umlauts intact, a lossless round trip."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
import vobject

from followup.csv_export import contacts_csv, defuse
from followup.vcard import (
    VCardContact,
    VCardError,
    decode_vcard_file,
    parse_vcards,
    phone_types,
    to_vcard,
    to_vcards,
)
from storage.kinds import ContactStatus, Rating
from storage.records import ContactDetails, ContactRecord

JOERG = VCardContact(
    details=ContactDetails(
        name="Jörg Müller-Lüdenscheidt",
        title="Geschäftsführer",
        company="Müller, Söhne & Töchter GmbH",
        emails=("joerg@mueller-soehne.de", "j.mueller@gmx.de"),
        phones=("+49 176 12345678", "+49 911 123456"),
        websites=("www.mueller-soehne.de",),
        address="Königstraße 12\n90402 Nürnberg",
    ),
    note="Wants to digitise his grandfather's ledgers; we both row on the Pegnitz; ÄÖÜß.",
    they_need="a scanner; someone who reads Sütterlin",
    i_offer="intro to the Stadtarchiv",
    rating=Rating.YES,
)


def test_phones_and_emails_are_typed_and_the_note_is_included() -> None:
    card = vobject.readOne(to_vcard(JOERG))
    phones = {line.value: line.params["TYPE"] for line in card.contents["tel"]}
    assert phones == {"+49 176 12345678": ["CELL", "VOICE"], "+49 911 123456": ["WORK", "VOICE"]}
    assert all(line.params["TYPE"] == ["INTERNET", "WORK"] for line in card.contents["email"])
    assert card.note.value == JOERG.note
    assert card.n.value.family == "Müller-Lüdenscheidt" and card.n.value.given == "Jörg"


def test_umlauts_survive_as_utf8_text() -> None:
    text = to_vcard(JOERG)
    assert "FN:Jörg Müller-Lüdenscheidt" in text
    assert "ÄÖÜß" in text.replace("\r\n ", "")  # unfolded
    assert text.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert parse_vcards(text.encode("utf-8").decode("utf-8"))[0].note == JOERG.note


def test_export_then_import_is_a_round_trip() -> None:
    pitch = VCardContact(
        details=ContactDetails(name="Dora Verkauf", emails=("dora@verkauf.example",)),
        note="Only talked about her insurance products.",
        rating=Rating.NO,
        is_pitch=True,
    )
    back = parse_vcards(to_vcards([JOERG, pitch]))
    assert back[1] == pitch
    joerg = back[0]
    assert joerg.details == ContactDetails(
        name=JOERG.details.name,
        title=JOERG.details.title,
        company=JOERG.details.company,
        emails=JOERG.details.emails,
        phones=JOERG.details.phones,
        websites=JOERG.details.websites,
        address="Königstraße 12, 90402 Nürnberg",  # one line in ADR
    )
    assert (joerg.note, joerg.they_need, joerg.i_offer, joerg.rating, joerg.is_pitch) == (
        JOERG.note,
        JOERG.they_need,
        JOERG.i_offer,
        Rating.YES,
        False,
    )


def test_a_foreign_vcard_with_only_n_and_latin1_is_read() -> None:
    text = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Schäfer;Anna;;;\r\nORG:Kofferfabrik\r\n"
        "TEL;CELL:0176 99887766\r\nEMAIL;INTERNET:anna@kofferfabrik.de\r\nEND:VCARD\r\n"
    )
    (anna,) = parse_vcards(decode_vcard_file(text.encode("cp1252")))
    assert anna.details.name == "Anna Schäfer"
    assert anna.details.company == "Kofferfabrik"
    assert anna.details.phones == ("0176 99887766",)
    assert anna.rating is None and anna.note == ""


@pytest.mark.parametrize("text", ["", "hello", "<html>BEGIN</html>"])
def test_what_is_no_vcard_is_refused_with_a_message(text: str) -> None:
    with pytest.raises(VCardError, match="no vCard"):
        parse_vcards(text)


@pytest.mark.parametrize(
    "text", ["BEGIN:VCARD\r\nFN:broken", "BEGIN:VCARD\r\nVERSION:3.0\r\n:::\r\nEND:VCARD"]
)
def test_a_broken_vcard_is_refused_or_yields_nothing_but_never_crashes(text: str) -> None:
    try:
        assert parse_vcards(text) == []
    except VCardError as error:
        assert "could not be read" in str(error)


def test_phone_types_fall_back_to_voice() -> None:
    assert phone_types("not a number") == ["VOICE"]
    assert phone_types("0176 12345678") == ["CELL", "VOICE"]


def _record(name: str, note: str) -> ContactRecord:
    return ContactRecord(
        id=1,
        event_id=7,
        details=ContactDetails(name=name, phones=("+49 911 123456",), emails=("a@b.de",)),
        rating=Rating.YES,
        note=note,
        they_need="",
        i_offer="",
        is_pitch=False,
        status=ContactStatus.KEPT,
        language="de",
        address_form="sie",
        created_at=datetime(2026, 11, 23, 20, 0, tzinfo=UTC),
        answered_at=datetime(2026, 11, 23, 20, 1, tzinfo=UTC),
    )


def test_csv_has_a_header_keeps_umlauts_and_defuses_formulas() -> None:
    text = contacts_csv(
        [_record("Jörg Müller", '=HYPERLINK("http://evil")'), _record("Ana", "plain")],
        {7: "Gründerabend"},
    )
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["name"] == "Jörg Müller" and rows[0]["event"] == "Gründerabend"
    assert rows[0]["note"].startswith("'=")
    assert rows[0]["phones"] == "+49 911 123456", "a phone number is not a formula"
    assert rows[1]["met_on"] == "2026-11-23" and rows[1]["status"] == "kept"
    assert defuse("-1+2") == "'-1+2" and defuse("@SUM(A1)") == "'@SUM(A1)"
