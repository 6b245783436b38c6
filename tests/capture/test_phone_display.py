"""Phones as people read them, and phones and e-mails as links no stored text can break."""

from __future__ import annotations

import re

import pytest

from capture.contact_links import contact_links, email_link, phone_link
from capture.phone_display import dial_uri, phone_for_humans
from storage.records import ContactDetails

# A link's URL in Markdown: `](` up to the closing parenthesis.
URL = re.compile(r"\]\(([^)]*)\)")
SAFE_URL = re.compile(r"tel:\+\d+|mailto:[A-Za-z0-9%@._~-]+")


@pytest.mark.parametrize(
    ("stored", "region", "shown"),
    [
        ("+497111234567", "DE", "0711 1234567"),  # at home: national, with the trunk 0
        ("+4917612345678", "de", "0176 12345678"),  # the region setting in any case
        ("+33612345678", "DE", "+33 6 12 34 56 78"),  # abroad: international
        ("+497111234567", "US", "+49 711 1234567"),  # a German number to a US user
        ("+12125550100", "US", "(212) 555-0100"),
        ("+14165550100", "US", "+1 416-555-0100"),  # Canada shares +1 but is not the US
        ("+49 176 12345678", "DE", "0176 12345678"),  # stored with spaces (older rows)
    ],
)
def test_a_phone_reads_as_people_dial_it(stored: str, region: str, shown: str) -> None:
    assert phone_for_humans(stored, region) == shown


@pytest.mark.parametrize(
    "stored",
    ["call me maybe", "12", "", "+49711123456789012345", "0711 1234567 ext. " + "9" * 80],
)
def test_what_is_no_phone_number_is_shown_as_stored(stored: str) -> None:
    assert phone_for_humans(stored, "DE") == stored
    assert dial_uri(stored, "DE") is None


def test_a_national_number_typed_by_hand_is_read_in_the_users_region() -> None:
    assert phone_for_humans("0711 1234567", "DE") == "0711 1234567"
    assert dial_uri("0711 1234567", "DE") == "tel:+497111234567"
    assert phone_for_humans("0711 1234567", "") == "0711 1234567"  # no region: as typed
    assert dial_uri("0711 1234567", "") is None


def test_links_show_human_numbers_and_dial_e164() -> None:
    details = ContactDetails(
        name="Jörg", phones=("+497111234567", "+33612345678"), emails=("jo@example.org",)
    )
    assert contact_links(details, "DE") == [
        ":material/call: [0711 1234567](tel:+497111234567)",
        r":material/call: [\+33 6 12 34 56 78](tel:+33612345678)",
        r":material/mail: [jo@example\.org](mailto:jo@example.org)",
    ]


HOSTILE_PHONES = [
    "+49 711 1234567](javascript:alert(1))",
    "[+497111234567](http://127.0.0.1:9/x)",
    "<img src=http://127.0.0.1:9/x.png>",
    "![x](http://127.0.0.1:9/n.png)",
    "+49 711\n\n1234567",
    "+49 711 123\\",
]
HOSTILE_EMAILS = [
    "a)(b@example.org",
    "x@example.org)[y](javascript:alert(1)",
    "<script>@x.de",
    "![x](http://127.0.0.1:9/n.png)@example.org",
    "jo@example.org\n\n# Heading",
    "Müller+tag@ex.org",
    "a\\@b.de",
    "a@b.de?subject=x&body=y",
]


def _text_of(link: str) -> str:
    """The visible text of a one-link line, or the whole line when it is no link."""
    whole = re.fullmatch(r"\[(.*)\]\(([^)]*)\)", link)
    return whole.group(1) if whole else link


def _markup(text: str) -> set[str]:
    """Markdown and HTML characters left unescaped in `text`."""
    return set(re.sub(r"\\.", "", text)) & set("[]()<>!`*_#|")


@pytest.mark.parametrize("phone", HOSTILE_PHONES)
def test_no_stored_phone_breaks_out_of_its_link(phone: str) -> None:
    link = phone_link(phone, "DE")
    for url in URL.findall(link):
        assert SAFE_URL.fullmatch(url), url
    assert "\n" not in link
    assert not _markup(_text_of(link)), link


@pytest.mark.parametrize("address", HOSTILE_EMAILS)
def test_no_stored_email_breaks_out_of_its_link(address: str) -> None:
    link = email_link(address)
    urls = URL.findall(link)
    assert len(urls) <= 1
    for url in urls:
        assert SAFE_URL.fullmatch(url), url
    assert "\n" not in link
    assert not _markup(_text_of(link)), link


@pytest.mark.parametrize(
    ("address", "link"),
    [
        ("Müller+tag@ex.org", r"[Müller\+tag@ex\.org](mailto:M%C3%BCller%2Btag@ex.org)"),
        ("o'neil@example.org", r"[o'neil@example\.org](mailto:o%27neil@example.org)"),
        (" jo@example.org ", r"[jo@example\.org](mailto:jo@example.org)"),
        ("a@b.de?subject=x&body=y", r"a@b\.de?subject\=x&body\=y"),  # no link to that
        ("<script>@x.de", r"\<script\>@x\.de"),
        ("jo at example dot org", "jo at example dot org"),
    ],
)
def test_an_address_is_linked_percent_encoded_or_not_at_all(address: str, link: str) -> None:
    assert email_link(address) == link


def test_a_hostile_contact_gives_exactly_one_line_per_value() -> None:
    details = ContactDetails(name="x", phones=tuple(HOSTILE_PHONES), emails=tuple(HOSTILE_EMAILS))
    lines = contact_links(details, "DE")
    assert len(lines) == len(HOSTILE_PHONES) + len(HOSTILE_EMAILS)
    for line in lines:
        for url in URL.findall(line):
            assert SAFE_URL.fullmatch(url), url
