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


def tel_link(phone: str) -> str:
    """A tel: URI: a leading + kept, everything but digits dropped."""
    digits = re.sub(r"\D", "", phone)
    if not digits:
        raise ValueError("not a phone number")
    prefix = "+" if phone.strip().startswith(("+", "00")) else ""
    if phone.strip().startswith("00"):
        digits = digits[2:]
    return f"tel:{prefix}{digits}"
