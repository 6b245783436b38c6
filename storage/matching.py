"""Normalised keys for recognising the same person again by e-mail or phone.

The no-thanks list keeps these keys salted and hashed, so a discarded pitch is recognised at the
next event without keeping its data.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable

# National and international forms of one number differ in their prefix ("+49 911", "0911"),
# so numbers are compared by their last nine digits, as the card labels are scored too.
PHONE_DIGITS_COMPARED = 9
MIN_PHONE_DIGITS = 6


def email_key(email: str) -> str | None:
    cleaned = email.strip().lower().removeprefix("mailto:")
    return f"e:{cleaned}" if "@" in cleaned else None


def phone_key(phone: str) -> str | None:
    digits = re.sub(r"\D", "", phone)
    if len(digits) < MIN_PHONE_DIGITS:
        return None
    return f"p:{digits[-PHONE_DIGITS_COMPARED:]}"


def contact_keys(emails: Iterable[str], phones: Iterable[str]) -> list[str]:
    """Every usable key of a contact, without duplicates, in a stable order."""
    keys = [email_key(e) for e in emails] + [phone_key(p) for p in phones]
    return list(dict.fromkeys(k for k in keys if k))


def normalise_contact_value(value: str) -> str:
    """The same key duplicates are matched by: so "+49 911 123456" and "0911 123456" agree."""
    key = email_key(value) or phone_key(value)
    if key is None:
        raise ValueError("neither an e-mail address nor a phone number")
    return key


def no_thanks_key(value: str, salt: bytes) -> str:
    """Salted HMAC-SHA256 of a normalised e-mail or phone: recognises a pitch, keeps no data."""
    if not salt:
        raise ValueError("the no-thanks list needs a secret salt")
    normalised = normalise_contact_value(value)
    return hmac.new(salt, normalised.encode("utf-8"), hashlib.sha256).hexdigest()


def no_thanks_keys(values: Iterable[str], salt: bytes) -> set[str]:
    """Keys of all e-mails and phones of a card; values that are neither are skipped."""
    if not salt:
        raise ValueError("the no-thanks list needs a secret salt")
    keys = set()
    for value in values:
        try:
            keys.add(no_thanks_key(value, salt))
        except ValueError:
            continue
    return keys
