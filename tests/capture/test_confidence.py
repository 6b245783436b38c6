"""Confidences mean "what is shown, a value or nothing, is right": empty fields included."""

from __future__ import annotations

from capture.confidence import SURE_FROM, hard_to_read, settle, signs_on_card
from capture.fields import TextLine, parse_lines
from storage.records import ContactDetails

CLEAR_CARD = [
    TextLine("Lindner Orgelbau GmbH", 99.0, 80.0, 40.0),
    TextLine("Marta Lindner", 99.5, 60.0, 140.0),
    TextLine("Geschäftsführerin", 99.0, 45.0, 200.0),
    TextLine("Tel. 0911 4455660", 99.0, 40.0, 300.0),
    TextLine("marta.lindner@lindner-orgelbau.de", 99.0, 40.0, 350.0),
]


def test_a_clear_card_is_sure_of_its_values_and_of_what_it_lacks() -> None:
    fields, confidence = parse_lines(CLEAR_CARD, "DE")
    assert fields.name == "Marta Lindner" and fields.websites == ()
    assert all(value >= SURE_FROM for value in confidence.values()), confidence


def test_a_card_that_shows_an_address_but_gives_none_marks_the_empty_field() -> None:
    lines = [*CLEAR_CARD[:4], TextLine("E-Mail: marta.lindner(at)", 99.0, 40.0, 350.0)]
    fields, confidence = parse_lines(lines, "DE")
    assert fields.emails == ()
    assert confidence["emails"] < SURE_FROM


def test_signs_of_a_phone_a_website_and_a_name() -> None:
    texts = ["Fon: 0911 44 55 66", "www.", "ops@example-firm.de"]
    empty = ContactDetails(emails=("jdoe@example-firm.de",))
    assert signs_on_card(texts, empty) >= {"phones", "websites", "name"}
    role_only = ContactDetails(emails=("info@example-firm.de",))
    assert "name" not in signs_on_card([], role_only)


def test_a_hard_to_read_card_is_not_sure_that_anything_is_missing() -> None:
    few = [TextLine("Lindner", 99.0), TextLine("Orgelbau", 99.0)]
    shaky = [*CLEAR_CARD, TextLine("~r%", 40.0), TextLine("ll.", 55.0)]
    assert hard_to_read(few) and hard_to_read(shaky) and not hard_to_read(CLEAR_CARD)
    confidence = settle(few, ContactDetails(company="Lindner Orgelbau"),
                        {"name": 0.0, "company": 0.9, "emails": 0.0})
    assert confidence["name"] < SURE_FROM and confidence["emails"] < SURE_FROM


def test_a_company_read_shakily_or_cut_short_of_its_domain_is_marked() -> None:
    shaky = [TextLine("Lindnar Orgelbsu GmbH", 82.0, 80.0, 40.0), *CLEAR_CARD[1:]]
    assert parse_lines(shaky, "DE")[1]["company"] < SURE_FROM
    cut = [TextLine("ario", 98.0, 120.0, 40.0), TextLine("RESTAURANTE", 99.0, 60.0, 200.0),
           TextLine("Av. Paulista, 900 - São Paulo - SP", 99.0, 50.0, 300.0),
           TextLine("dimariorestaurante@gmail.com", 99.0, 40.0, 350.0)]
    fields, confidence = parse_lines(cut, "BR")
    assert fields.company and confidence["company"] < SURE_FROM


def test_a_whole_address_is_sure_a_fragment_is_marked() -> None:
    from capture.address import address_confidence

    assert address_confidence("1600 Amphitheatre Pkwy, Mountain View, CA 94043") >= SURE_FROM
    assert address_confidence("Georg-Benda-Straße 1, 90763 Fürth") >= SURE_FROM
    assert address_confidence("Suite 4") < SURE_FROM
