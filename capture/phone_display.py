"""A stored phone number as people read and dial it (pure core: no Streamlit, no database).

Klick stores phones in E.164 ("+497111234567"); people read "0711 1234567" at home and
"+33 6 12 34 56 78" abroad. Which one is shown depends on the user's region setting
(`ctx.settings.region`, "DE" unless KLICK_REGION says otherwise). A stored value that is no
phone number at all (typed by hand, an old import) is shown exactly as stored.

Used by every page that shows a phone: `phone_for_humans` for the text, `dial_uri` for a
`tel:` link (see capture/contact_links.py for the Markdown).
"""

from __future__ import annotations

import phonenumbers

_LONGEST = 64  # longer than any phone number: not worth parsing


def _parse(stored: str, region: str) -> phonenumbers.PhoneNumber | None:
    """The number a stored value holds, or None when it holds none (or an impossible one)."""
    text = stored.strip()
    if not text or len(text) > _LONGEST:
        return None
    try:
        # "+49 ..." needs no region; a national "0711 ..." is read as the user's own.
        number = phonenumbers.parse(text, region.upper() or None)
    except phonenumbers.NumberParseException:
        return None
    # A number dialable from anywhere; a too-short one ("12") is not a phone to call.
    reason = phonenumbers.is_possible_number_with_reason(number)
    return number if reason == phonenumbers.ValidationResult.IS_POSSIBLE else None


def phone_for_humans(e164: str, region: str) -> str:
    """How to show a stored phone to a user whose region is `region` (ISO 3166, e.g. "DE").

    National format when the number belongs to that region ("+497111234567" -> "0711 1234567"
    for "DE"), international otherwise ("+33612345678" -> "+33 6 12 34 56 78"); a value that
    is no phone number is returned unchanged.
    """
    number = _parse(e164, region)
    if number is None:
        return e164
    own = phonenumbers.region_code_for_number(number) == region.upper()
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if own
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return str(phonenumbers.format_number(number, style))


def dial_uri(e164: str, region: str) -> str | None:
    """`tel:+<digits>` for a stored phone, or None when it holds no phone number.

    Built from the parsed number's E.164 form only: nothing of the stored text but its
    digits can reach the link.
    """
    number = _parse(e164, region)
    if number is None:
        return None
    digits = "".join(
        c
        for c in phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if c.isdigit()
    )
    return f"tel:+{digits}" if digits else None
