"""How far to trust each field read from a card, empty fields included.

A field's confidence is the chance that what the reader shows, a value or nothing, is what
the card says. The capture page marks every field below SURE_FROM for the user to compare
with the card: a value read from shaky evidence, and an empty field where the card shows
signs of one (an "@" but no e-mail address, a long run of digits but no phone number).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from capture.line_text import TextLine
from storage.records import ContactDetails

# The capture page marks a field for checking below this (capture/page_form.py).
SURE_FROM = 0.6
# An empty field on a card without any sign of one: sure there is none. Measured on the
# recorded PP-OCRv6 lines of ../shared/cards: a missing name, e-mail or phone always left
# a trace (an address's local part, a digit run, a label) that the reader could not use.
NOTHING_THERE = 0.9
# An empty field on a card that shows signs of one: mark it.
SIGNS_BUT_EMPTY = 0.25
# Nearly every card names a firm; a card read without a company is worth a second look.
NO_COMPANY = 0.3
# On a card the reader could hardly read (few lines, or several it was unsure of) an empty
# field may be text it missed: shown, but marked.
HARD_TO_READ = 0.5
MIN_LEGIBLE_LINES = 4
SHAKY_LINE_CONF = 80.0

EMAIL_SIGN_RE = re.compile(r"@|\be-?mail\b|\b(?:gmail|hotmail|yahoo|outlook|gmx)\b", re.I)
PHONE_SIGN_RE = re.compile(
    r"\b(?:tel|telefon|telefone|phone|fone|fon|fax|mobil\w*|mobile|cel\w*|whats\s?app|handy)\b"
    r"|\d[\d ().\-/]{6,}\d",
    re.I,
)
WEB_SIGN_RE = re.compile(r"\bwww\b|https?:|\.(?:com|de|net|org)\b(?!\s*@)", re.I)
# Local parts that name a role, not a person: "info@", "contato@" say nothing about a name.
ROLE_LOCALS = {
    "info", "contact", "contato", "kontakt", "office", "mail", "sales", "vendas", "hello",
    "hallo", "service", "support", "atendimento", "comercial", "admin", "buero", "team",
}


def _person_in_email(emails: Sequence[str]) -> bool:
    """An address whose local part reads like a person ("jane.doe@", "jdoe@")."""
    for address in emails:
        local = address.split("@", 1)[0].lower()
        letters = re.sub(r"[^a-z]", "", local)
        if local not in ROLE_LOCALS and letters not in ROLE_LOCALS and len(letters) >= 3:
            return True
    return False


def signs_on_card(texts: Sequence[str], fields: ContactDetails) -> set[str]:
    """Fields that came out empty although the card's text shows signs of them."""
    signs = set()
    if not fields.emails and any(EMAIL_SIGN_RE.search(t) for t in texts):
        signs.add("emails")
    address = fields.address
    if not fields.phones and any(PHONE_SIGN_RE.search(t) and t not in address for t in texts):
        signs.add("phones")
    if not fields.websites and any(WEB_SIGN_RE.search(t) and "@" not in t for t in texts):
        signs.add("websites")
    if not fields.name and _person_in_email(fields.emails):
        signs.add("name")
    return signs


def hard_to_read(lines: Sequence[TextLine]) -> bool:
    """Few lines, or several the recogniser was unsure of: text may have been missed."""
    shaky = sum(1 for line in lines if line.conf < SHAKY_LINE_CONF)
    return len(lines) < MIN_LEGIBLE_LINES or shaky >= 2


def settle(lines: Sequence[TextLine], fields: ContactDetails,
           confidence: dict[str, float]) -> dict[str, float]:
    """The parser's confidences, with every empty field given its own (see the module doc)."""
    signs = signs_on_card([line.text for line in lines], fields)
    nothing_there = HARD_TO_READ if hard_to_read(lines) else NOTHING_THERE
    settled = dict(confidence)
    for name, value in confidence.items():
        if getattr(fields, name):
            continue
        if name in signs:
            settled[name] = SIGNS_BUT_EMPTY
        elif name == "company":
            settled[name] = NO_COMPANY
        else:
            settled[name] = max(value, nothing_there)
    return {name: round(value, 3) for name, value in settled.items()}
