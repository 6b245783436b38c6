"""mailto: and tel: links for the e-mail and call channels, properly percent-encoded."""

from __future__ import annotations

import re
from urllib.parse import quote

# Characters RFC 6068 allows unencoded in an address part.
ADDRESS_SAFE = "@+.-_~!$'*"


def mailto_link(to: str, subject: str, body: str) -> str:
    """A mailto: URI (RFC 6068) with subject and body; line breaks become %0D%0A."""
    address = to.strip()
    if not address or "@" not in address or re.search(r"[\s,;?&]", address):
        raise ValueError("not a single e-mail address")
    # RFC 6068 wants CRLF for line breaks in the body.
    crlf_body = re.sub(r"\r\n|\r|\n", "\r\n", body)
    query = f"subject={quote(subject, safe='')}&body={quote(crlf_body, safe='')}"
    return f"mailto:{quote(address, safe=ADDRESS_SAFE)}?{query}"


# "+49 30 1234567 ext. 12" as the reader writes it, or "x12" as people type it.
EXTENSION_RE = re.compile(r"\s*(?:ext\.?|x)\s*(\d{1,6})\s*$", re.IGNORECASE)


def tel_link(phone: str) -> str:
    """A tel: URI: a leading + kept, everything but digits dropped, an extension as ";ext="."""
    number, suffix = phone.strip(), ""
    if extension := EXTENSION_RE.search(number):
        number, suffix = number[: extension.start()], f";ext={extension.group(1)}"
    digits = re.sub(r"\D", "", number)
    if not digits:
        raise ValueError("not a phone number")
    prefix = "+" if number.startswith(("+", "00")) else ""
    if number.startswith("00"):
        digits = digits[2:]
    return f"tel:{prefix}{digits}{suffix}"
