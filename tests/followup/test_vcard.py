"""vCard and CSV export: typed phones and e-mails, umlauts intact, a lossless round trip."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
import vobject

from followup.address_parts import AddressParts, join_address, split_address
from followup.csv_export import contacts_csv, defuse
from followup.vcard import (
    VCardContact,
    VCardError,
    decode_vcard_file,
    fax_number,
    parse_vcards,
    phone_types,
    to_vcard,
    to_vcards,
)
from followup.vcard_text import repair_text, tel_uri_number
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
    assert rows[1]["met_on"] == "2026-11-23" and rows[1]["status"] == "kept"
    assert defuse("-1+2") == "'-1+2" and defuse("@SUM(A1)") == "'@SUM(A1)"


# --- issue 15: structured ADR, fax, escaping, vCard 4.0, tel: URIs, repairs -----------------


@pytest.mark.parametrize(
    ("stored", "parts", "one_line"),
    [
        (
            "Königstraße 12\n90402 Nürnberg",
            AddressParts(street="Königstraße 12", city="Nürnberg", code="90402"),
            "Königstraße 12, 90402 Nürnberg",
        ),
        (
            "c/o Stadtarchiv, Hauptstraße 1, D-10115 Berlin, Deutschland",
            AddressParts("c/o Stadtarchiv, Hauptstraße 1", "Berlin", "", "10115", "Deutschland"),
            "c/o Stadtarchiv, Hauptstraße 1, 10115 Berlin, Deutschland",
        ),
        (
            "Bahnhofstrasse 3\n8001 Zürich\nSchweiz",
            AddressParts("Bahnhofstrasse 3", "Zürich", "", "8001", "Schweiz"),
            "Bahnhofstrasse 3, 8001 Zürich, Schweiz",
        ),
        (
            "One Microsoft Way, Redmond, WA 98052",
            AddressParts("One Microsoft Way", "Redmond", "WA", "98052"),
            "One Microsoft Way, Redmond, WA 98052",
        ),
        (
            "350 Fifth Avenue, Suite 300\nNew York NY 10118-0110\nUSA",
            AddressParts("350 Fifth Avenue, Suite 300", "New York", "NY", "10118-0110", "USA"),
            "350 Fifth Avenue, Suite 300, New York, NY 10118-0110, USA",
        ),
        # Nothing parses: all of it stays in the street, as one line.
        (
            "Av. Paulista, 1000 - São Paulo - SP",
            AddressParts(street="Av. Paulista, 1000 - São Paulo - SP"),
            "Av. Paulista, 1000 - São Paulo - SP",
        ),
        ("Messe Nürnberg\nHalle 7", AddressParts(street="Messe Nürnberg, Halle 7"), None),
        ("90402 Nürnberg", AddressParts(street="90402 Nürnberg"), None),
        ("Redmond, WA 98052", AddressParts(street="Redmond, WA 98052"), None),
    ],
)
def test_an_address_is_split_into_adr_parts_or_kept_as_the_street(
    stored: str, parts: AddressParts, one_line: str | None
) -> None:
    assert split_address(stored) == parts
    assert join_address(parts) == (one_line or parts.street)
    card = vobject.readOne(
        to_vcard(VCardContact(details=ContactDetails(name="Ida Ort", address=stored)))
    )
    adr = card.adr.value
    assert (adr.street, adr.city, adr.region, adr.code, adr.country) == (
        parts.street,
        parts.city,
        parts.region,
        parts.code,
        parts.country,
    )


def test_a_fax_is_exported_as_fax_and_imported_as_one() -> None:
    details = ContactDetails(
        name="Fritz Fax", phones=("+49 911 123456", "Fax +49 911 99713-399", "+49 30 1 (Telefax)")
    )
    assert phone_types("Fax: +49 911 99713-399") == ["FAX", "WORK"]
    assert fax_number("+49 30 1 (Telefax)") == "+49 30 1" and fax_number("+49 30 1") == ""
    card = vobject.readOne(to_vcard(VCardContact(details=details)))
    typed = {line.value: line.params["TYPE"] for line in card.contents["tel"]}
    assert typed == {
        "+49 911 123456": ["WORK", "VOICE"],
        "+49 911 99713-399": ["FAX", "WORK"],
        "+49 30 1": ["FAX", "WORK"],
    }
    (back,) = parse_vcards(to_vcard(VCardContact(details=details), version="4.0"))
    assert back.details.phones == ("+49 911 123456", "Fax +49 911 99713-399", "Fax +49 30 1")
    foreign = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ida\r\nTEL;TYPE=WORK,FAX:0911 1\r\nEND:VCARD\r\n"
    assert parse_vcards(foreign)[0].details.phones == ("Fax 0911 1",)


def test_commas_and_semicolons_are_escaped_in_both_versions() -> None:
    contact = VCardContact(
        details=ContactDetails(
            name="Sören Weiß", company="Weiß; Söhne, KG", title="CEO, CTO", address="A; B, C"
        ),
        note="one, two; three",
    )
    for version in ("3.0", "4.0"):
        text = to_vcard(contact, version=version).replace("\r\n ", "")
        assert "ORG:Weiß\\; Söhne\\, KG\r\n" in text
        assert "TITLE:CEO\\, CTO\r\n" in text and "NOTE:one\\, two\\; three\r\n" in text
        assert ";;A\\; B\\, C;;;;\r\n" in text
        (back,) = parse_vcards(text)
        assert back == contact


def test_vcard_4_is_written_with_tel_uris_and_lowercase_types() -> None:
    text = to_vcard(JOERG, version="4.0")
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert "TEL;TYPE=cell,voice;VALUE=uri:tel:+49-176-12345678\r\n" in text
    assert "EMAIL;TYPE=work:joerg@mueller-soehne.de\r\n" in text
    local = VCardContact(details=ContactDetails(name="Ida Ort", phones=("0911 12-34",)))
    assert "TEL;TYPE=work,voice;VALUE=text:0911 12-34\r\n" in to_vcard(local, version="4.0")
    with pytest.raises(ValueError, match=r"2\.1"):
        to_vcard(JOERG, version="2.1")


FOREIGN_4 = (
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Weiß, Sören\r\n"
    "N:Weiß;Sören;;;\r\n"
    "ORG:Weiß, Söhne & Co\r\n"
    'TEL;VALUE=uri;TYPE="cell,voice":tel:+33-6-12-34-56-78\r\n'
    "TEL;VALUE=uri;TYPE=work:tel:+1-201-555-0123;ext=1234\r\n"
    "TEL;TYPE=fax;VALUE=uri:tel:+49.911.99713399\r\n"
    "ADR;TYPE=work:;;Königstraße 12;Nürnberg;;90402;Deutschland\r\n"
    "NOTE:Met at the Gründerabend, talked about rowing; and\r\n"
    "  about the Pegnitz.\r\n"
    "EMAIL;TYPE=work:soeren@weiss.example\r\n"
    "END:VCARD\r\n"
)


def test_a_foreign_vcard_4_is_read_with_uris_commas_and_folded_lines_repaired() -> None:
    (soeren,) = parse_vcards(FOREIGN_4)
    assert soeren.details == ContactDetails(
        name="Weiß, Sören",
        company="Weiß, Söhne & Co",
        emails=("soeren@weiss.example",),
        phones=("+33 6 12 34 56 78", "+1 201 555 0123 ext. 1234", "Fax +49 911 99713399"),
        address="Königstraße 12, 90402 Nürnberg, Deutschland",
    )
    assert soeren.note == "Met at the Gründerabend, talked about rowing; and about the Pegnitz."


def test_repairs_keep_escaped_commas_and_backslashes() -> None:
    assert repair_text("FN:a\\,b,c\r\nN:x,y;z;;;\r\nNOTE:d\\\\,e\r\n f") == (
        "FN:a\\,b\\,c\r\nN:x,y;z;;;\r\nNOTE:d\\\\\\,ef"
    )
    assert tel_uri_number("tel:+49-911-123456") == "+49 911 123456"
    assert tel_uri_number("TEL:(0911) 1234") == "(0911) 1234"


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_the_export_round_trips_through_vobject_and_imports_unchanged(version: str) -> None:
    text = to_vcards(
        [JOERG, VCardContact(details=ContactDetails(company="Nur Firma"))], version=version
    )
    again = "".join(card.serialize() for card in vobject.readComponents(text))
    assert parse_vcards(again) == parse_vcards(text)
    first = parse_vcards(text)
    assert parse_vcards(to_vcards(first, version=version)) == first
    assert first[0].details.address == "Königstraße 12, 90402 Nürnberg"
    assert first[1].details == ContactDetails(company="Nur Firma")
