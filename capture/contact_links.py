"""A contact's phones and e-mails as Markdown links a phone can tap: `tel:` and `mailto:`.

For every page that shows a phone or an e-mail (contacts, capture, triage): render each
string with `st.markdown`. The link text is made inert (nothing a card printed or a user
typed becomes markup), and the URL is built only from what cannot break out of the link:
`tel:+` and the E.164 digits of the parsed number, `mailto:` and the percent-encoded
address. A phone that holds no number, or an e-mail that is no address, is shown as inert
text without a link.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from capture.phone_display import dial_uri, phone_for_humans
from capture.translation import inert
from storage.records import ContactDetails

PHONE_ICON = ":material/call:"
EMAIL_ICON = ":material/mail:"
# An address worth a link: a plain local part, and a domain of letters, digits, dots and dashes.
_ADDRESS = re.compile(r"[^@\s()\[\]<>\\,;:\"]+@[\w-]+(\.[\w-]+)+")


def _text(value: str) -> str:
    """Link text on one line (a blank line would end the link), every markup character escaped."""
    return inert(" ".join(value.split()))


def phone_link(stored: str, region: str) -> str:
    """`[0711 1234567](tel:+497111234567)` for the user's region; plain inert text for a value
    that holds no phone number."""
    text = _text(phone_for_humans(stored, region))
    uri = dial_uri(stored, region)
    return f"[{text}]({uri})" if uri else text


def email_link(address: str) -> str:
    """`[jo@example.org](mailto:jo@example.org)`, or plain inert text for what is no address."""
    address = address.strip()
    text = _text(address)
    if not _ADDRESS.fullmatch(address):
        return text
    # Only letters, digits, "-._~" and "@" stay as they are; everything else is %XX.
    return f"[{text}](mailto:{quote(address, safe='@')})"


def contact_links(details: ContactDetails, region: str) -> list[str]:
    """One Markdown line per phone, then one per e-mail, each with its icon in front.

    `region` is the user's region setting (`ctx.settings.region`): it decides national or
    international format for the phones (see capture/phone_display.py).
    """
    phones = [f"{PHONE_ICON} {phone_link(p, region)}" for p in details.phones if p.strip()]
    emails = [f"{EMAIL_ICON} {email_link(e)}" for e in details.emails if e.strip()]
    return phones + emails
