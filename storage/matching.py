"""Normalised keys for recognising the same person again by e-mail or phone."""

from __future__ import annotations

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
