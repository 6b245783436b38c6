"""A contact's default language and form of address, guessed from the card's own text."""

from __future__ import annotations

import re

from followup.model import AddressForm, Language

# Signs that a card is German-speaking (Germany, Austria, Switzerland). One is enough:
# an English card rarely has an umlaut, a GmbH, a +49 number or a .de address. ("Tel."
# and "Fax" are on English cards too, so they are no sign.)
GERMAN_SIGNS = (
    r"[äöüßÄÖÜ]",
    r"\b(?:GmbH|mbH|e\.\s?K\.|e\.\s?V\.|UG|KG|OHG|GbR)\b",
    r"(?i:str\.|straße|strasse|platz\b|gasse\b|allee\b)",
    r"\b(?:Geschäftsführer(?:in)?|Inhaber(?:in)?|Vertrieb|Leiter(?:in)?|Beratung|Telefon|"
    r"Mobil)\b",
    r"(?:\+|00)\s?(?:49|43|41)\b",
    r"[\w.-]+\.(?:de|at|ch)\b",
    r"\b\d{5}\s+[A-ZÄÖÜ][a-zäöüß]+",  # postcode and town: 90402 Nürnberg
)
GERMAN_PATTERN = re.compile("|".join(f"(?:{sign})" for sign in GERMAN_SIGNS))


def language_from_card(card_text: str) -> Language:
    """German when the card shows a German-speaking sign, else English; the user may change it."""
    return Language.DE if GERMAN_PATTERN.search(card_text) else Language.EN


def default_address_form(language: Language) -> AddressForm:
    """Sie: the polite form for a business contact met once; du only when the user says so."""
    del language  # English has no choice to make; German starts with Sie
    return AddressForm.SIE
