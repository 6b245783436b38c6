"""vCard 3.0 for contacts: build one or many, and read them back (vobject does the format)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

import phonenumbers
import vobject

from storage.kinds import Rating
from storage.records import ContactDetails

log = logging.getLogger(__name__)

MAX_CARDS = 5_000
# Klick's own properties: what a plain vCard has no field for, so a round trip keeps it.
X_RATING, X_PITCH = "x-klick-rating", "x-klick-pitch"
X_NEED, X_OFFER = "x-klick-need", "x-klick-offer"


class VCardError(ValueError):
    """A file that is not a readable vCard; the message is for the user."""


@dataclass(frozen=True)
class VCardContact:
    """What a vCard carries: the card's fields and, from Klick, the user's answers."""

    details: ContactDetails
    note: str = ""
    they_need: str = ""
    i_offer: str = ""
    rating: Rating | None = None
    is_pitch: bool = False


def phone_types(number: str, region: str = "DE") -> list[str]:
    """CELL for a mobile number, WORK for a landline (a business card's), VOICE always."""
    try:
        parsed = phonenumbers.parse(number, region or None)
    except phonenumbers.NumberParseException:
        return ["VOICE"]
    kind = phonenumbers.number_type(parsed)
    if kind == phonenumbers.PhoneNumberType.MOBILE:
        return ["CELL", "VOICE"]
    if kind == phonenumbers.PhoneNumberType.FIXED_LINE:
        return ["WORK", "VOICE"]
    return ["VOICE"]


def _split_name(name: str) -> tuple[str, str]:
    """(family, given): the last word is taken as the family name."""
    words = name.split()
    if len(words) < 2:
        return name, ""
    return words[-1], " ".join(words[:-1])


def _add(card: vobject.base.Component, name: str, value: object) -> vobject.base.ContentLine:
    line = card.add(name)
    line.value = value
    return line


def build_vcard(contact: VCardContact, *, region: str = "DE") -> vobject.base.Component:
    details = contact.details
    card = vobject.vCard()
    display = details.name or details.company or (details.emails[0] if details.emails else "")
    _add(card, "fn", display)
    family, given = _split_name(details.name)
    _add(card, "n", vobject.vcard.Name(family=family, given=given))
    if details.company:
        _add(card, "org", [details.company])
    if details.title:
        _add(card, "title", details.title)
    for email in details.emails:
        _add(card, "email", email).type_paramlist = ["INTERNET", "WORK"]
    for phone in details.phones:
        _add(card, "tel", phone).type_paramlist = phone_types(phone, region)
    for website in details.websites:
        _add(card, "url", website)
    if details.address:
        street = ", ".join(line.strip() for line in details.address.splitlines() if line.strip())
        _add(card, "adr", vobject.vcard.Address(street=street)).type_paramlist = ["WORK"]
    if contact.note:
        _add(card, "note", contact.note)
    if contact.rating is not None:
        _add(card, X_RATING, contact.rating.value)
    if contact.is_pitch:
        _add(card, X_PITCH, "true")
    if contact.they_need:
        _add(card, X_NEED, contact.they_need)
    if contact.i_offer:
        _add(card, X_OFFER, contact.i_offer)
    return card


def to_vcard(contact: VCardContact, *, region: str = "DE") -> str:
    """One contact as vCard 3.0 text (CRLF lines, folded, UTF-8 safe)."""
    return str(build_vcard(contact, region=region).serialize())


def to_vcards(contacts: Iterable[VCardContact], *, region: str = "DE") -> str:
    return "".join(to_vcard(c, region=region) for c in contacts)


def _values(card: vobject.base.Component, name: str) -> list[str]:
    found = []
    for line in card.contents.get(name, []):
        value = line.value
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        text = str(value).strip()
        if text:
            found.append(text)
    return found


def _first(card: vobject.base.Component, name: str) -> str:
    values = _values(card, name)
    return values[0] if values else ""


def _address(card: vobject.base.Component) -> str:
    for line in card.contents.get("adr", []):
        value = line.value
        parts = [value.box, value.extended, value.street, value.code, value.city]
        parts += [value.region, value.country]
        flat = [", ".join(p) if isinstance(p, list) else p for p in parts]
        return ", ".join(p.strip() for p in flat if p and p.strip())
    return ""


def _name(card: vobject.base.Component) -> str:
    name = _first(card, "fn")
    if name:
        return name
    for line in card.contents.get("n", []):
        value = line.value
        words = [value.prefix, value.given, value.additional, value.family, value.suffix]
        flat = [" ".join(w) if isinstance(w, list) else w for w in words]
        return " ".join(w.strip() for w in flat if w and w.strip())
    return ""


def _rating(card: vobject.base.Component) -> Rating | None:
    try:
        return Rating(_first(card, X_RATING).lower())
    except ValueError:
        return None


def read_card(card: vobject.base.Component) -> VCardContact:
    name = _name(card)
    org = _first(card, "org")
    details = ContactDetails(
        name=name if name != org else "",
        title=_first(card, "title"),
        company=org,
        emails=tuple(_values(card, "email")),
        phones=tuple(_values(card, "tel")),
        websites=tuple(_values(card, "url")),
        address=_address(card),
    )
    return VCardContact(
        details=details,
        note=_first(card, "note"),
        they_need=_first(card, X_NEED),
        i_offer=_first(card, X_OFFER),
        rating=_rating(card),
        is_pitch=_first(card, X_PITCH).lower() == "true",
    )


def parse_vcards(text: str) -> list[VCardContact]:
    """Every vCard in the text; anything that is not one is refused as a whole."""
    if "BEGIN:VCARD" not in text.upper():
        raise VCardError("This file holds no vCard.")
    found: list[VCardContact] = []
    try:
        for component in vobject.readComponents(text, ignoreUnreadable=True):
            if component.name.upper() != "VCARD":
                continue
            if len(found) >= MAX_CARDS:
                raise VCardError(f"A file may hold at most {MAX_CARDS} vCards.")
            contact = read_card(component)
            details = contact.details
            if details.name or details.company or details.emails or details.phones:
                found.append(contact)
    except VCardError:
        raise
    except Exception as error:  # vobject raises a variety of errors on broken input
        log.info("unreadable vCard: %s", type(error).__name__)
        raise VCardError("This vCard file could not be read.") from error
    return found


def decode_vcard_file(data: bytes) -> str:
    """vCard files are UTF-8 (3.0/4.0); older exports are often Latin-1."""
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise VCardError("This vCard file could not be read.")  # pragma: no cover (latin-1)
