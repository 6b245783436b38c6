"""The contact's default language from the card."""

from __future__ import annotations

import pytest

from followup.language import default_address_form, language_from_card
from followup.model import AddressForm, Language


@pytest.mark.parametrize(
    "card",
    [
        "Jürgen Weiß\nGeschäftsführer",
        "Holzbau Kern GmbH\nMax Kern",
        "Telefon 0911 123456",
        "+49 911 123456",
        "anna@werft-berger.de",
        "Hauptstr. 5\n90402 Nuernberg",
        "Bahnhofplatz 1, 8001 Zürich",
    ],
)
def test_german_cards(card: str) -> None:
    assert language_from_card(card) is Language.DE


@pytest.mark.parametrize(
    "card",
    [
        "Ada Byron\nHead of Engineering\nada@example.com\n+44 20 7946 0000",
        "Chiara Rossi, Code Club Leeds, 12 Park Lane",
        "Tel. +1 555 0100, Fax +1 555 0101",
        "",
    ],
)
def test_other_cards_default_to_english(card: str) -> None:
    assert language_from_card(card) is Language.EN


def test_german_starts_with_sie() -> None:
    assert default_address_form(Language.DE) is AddressForm.SIE
