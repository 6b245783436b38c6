"""vCard 3.0 and 4.0 for contacts: build one or many, and read them back (vobject does the format).

Reading repairs what other programs write: folded lines, unescaped commas in text values (a
4.0 "FN:Weiß, Sören" is one name, not two), `tel:` URIs and TYPE lists in quotes.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

import phonenumbers
import vobject

from followup.address_parts import AddressParts, join_address, split_address
from followup.vcard_text import FAX_PREFIX, TEL_URI_RE, fax_number, repair_text, tel_uri_number
from storage.kinds import Rating
from storage.records import ContactDetails

log = logging.getLogger(__name__)

MAX_CARDS = 5_000
VERSIONS = ("3.0", "4.0")
PLAIN_GLOBAL_NUMBER_RE = re.compile(r"^\+\d[\d ]*\d$")
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
    """FAX for a labelled fax, CELL for a mobile number, WORK for a landline, VOICE otherwise."""
    if fax_number(number):
        return ["FAX", "WORK"]
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


def _add_phone(card: vobject.base.Component, phone: str, region: str, version: str) -> None:
    types = phone_types(phone, region)
    number = fax_number(phone) or phone.strip()
    if version == "3.0":
        _add(card, "tel", number).type_paramlist = types
        return
    line = _add(card, "tel", number)
    if PLAIN_GLOBAL_NUMBER_RE.match(number):  # RFC 3966: a global number, "-" between groups
        line.value = "tel:" + "-".join(number.split())
        line.params["VALUE"] = ["uri"]
    else:
        line.params["VALUE"] = ["text"]
    line.type_paramlist = [t.lower() for t in types]


def _add_address(card: vobject.base.Component, address: str, version: str) -> None:
    parts = split_address(address)
    value = vobject.vcard.Address(
        street=parts.street,
        city=parts.city,
        region=parts.region,
        code=parts.code,
        country=parts.country,
    )
    _add(card, "adr", value).type_paramlist = ["WORK" if version == "3.0" else "work"]


def build_vcard(
    contact: VCardContact, *, region: str = "DE", version: str = "3.0"
) -> vobject.base.Component:
    if version not in VERSIONS:
        raise ValueError(version)
    details = contact.details
    card = vobject.vCard()
    _add(card, "version", version)
    display = details.name or details.company or (details.emails[0] if details.emails else "")
    _add(card, "fn", display)
    family, given = _split_name(details.name)
    _add(card, "n", vobject.vcard.Name(family=family, given=given))
    if details.company:
        _add(card, "org", [details.company])
    if details.title:
        _add(card, "title", details.title)
    email_types = ["INTERNET", "WORK"] if version == "3.0" else ["work"]
    for email in details.emails:
        _add(card, "email", email).type_paramlist = email_types
    for phone in details.phones:
        _add_phone(card, phone, region, version)
    for website in details.websites:
        _add(card, "url", website)
    if details.address.strip():
        _add_address(card, details.address, version)
    for name, value in (
        ("note", contact.note),
        (X_RATING, contact.rating.value if contact.rating is not None else ""),
        (X_PITCH, "true" if contact.is_pitch else ""),
        (X_NEED, contact.they_need),
        (X_OFFER, contact.i_offer),
    ):
        if value:
            _add(card, name, value)
    return card


def to_vcard(contact: VCardContact, *, region: str = "DE", version: str = "3.0") -> str:
    """One contact as vCard 3.0 or 4.0 text (CRLF lines, folded, UTF-8 safe)."""
    return str(build_vcard(contact, region=region, version=version).serialize())


def to_vcards(contacts: Iterable[VCardContact], *, region: str = "DE", version: str = "3.0") -> str:
    return "".join(to_vcard(c, region=region, version=version) for c in contacts)


def _types(line: vobject.base.ContentLine) -> set[str]:
    listed = [*line.params.get("TYPE", []), *line.singletonparams]
    return {t.strip().lower() for item in listed for t in item.split(",")}


def _phones(card: vobject.base.Component) -> list[str]:
    found = []
    for line in card.contents.get("tel", []):
        value = str(line.value).strip()
        uri = [v.lower() for v in line.params.get("VALUE", [])] == ["uri"]
        if TEL_URI_RE.match(value) or uri:
            value = tel_uri_number(value)
        if value and "fax" in _types(line) and not fax_number(value):
            value = FAX_PREFIX + value
        if value:
            found.append(value)
    return found


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


def _flat(value: object) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value or "")


def _address(card: vobject.base.Component) -> str:
    for line in card.contents.get("adr", []):
        value = line.value
        street = [_flat(p).strip() for p in (value.box, value.extended, value.street)]
        parts = AddressParts(
            street=", ".join(p for p in street if p),
            city=_flat(value.city).strip(),
            region=_flat(value.region).strip(),
            code=_flat(value.code).strip(),
            country=_flat(value.country).strip(),
        )
        return join_address(parts)
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
        phones=tuple(_phones(card)),
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
    """Every vCard in the text (2.1, 3.0 or 4.0); anything that is not one is refused whole."""
    if "BEGIN:VCARD" not in text.upper():
        raise VCardError("This file holds no vCard.")
    found: list[VCardContact] = []
    try:
        for component in vobject.readComponents(repair_text(text), ignoreUnreadable=True):
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
