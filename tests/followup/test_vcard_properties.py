"""vCard import under arbitrary input (only VCardError escapes) and export round trips."""

from __future__ import annotations

import contextlib

import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.address_parts import join_address, split_address
from followup.vcard import (
    VCardContact,
    VCardError,
    decode_vcard_file,
    parse_vcards,
    to_vcard,
    to_vcards,
)
from storage.kinds import Rating
from storage.records import ContactDetails

LINES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "BEGIN:VCARD",
                "END:VCARD",
                "VERSION:3.0",
                "VERSION:2.1",
                "N:;;;;",
                "FN:",
                "EMAIL;TYPE=INTERNET:",
                "TEL;TYPE=CELL:",
                "ADR:;;",
                "NOTE:",
                "X-KLICK-RATING:",
                "PHOTO;ENCODING=b:",
                "BEGIN:VCALENDAR",
                " ",
            ]
        ),
        st.text(max_size=40),
    ),
    max_size=30,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_contacts_or_a_vcard_error(data: bytes) -> None:
    with contextlib.suppress(VCardError):
        parse_vcards(decode_vcard_file(data))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(LINES)
def test_vcard_shaped_garbage_gives_contacts_or_a_vcard_error(lines: list[str]) -> None:
    with contextlib.suppress(VCardError):
        parse_vcards("\r\n".join(lines))


PLAIN = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip() == s and s.strip())


@settings(max_examples=150, deadline=None)
@given(name=PLAIN, note=PLAIN)
def test_hostile_values_come_back_as_the_same_text(name: str, note: str) -> None:
    contact = VCardContact(
        details=ContactDetails(name=name, emails=("x@example.org",)),
        note=note,
        they_need="",
        i_offer="",
        rating=Rating.YES,
        is_pitch=False,
    )
    (again,) = parse_vcards(to_vcard(contact))
    assert again.note == note
    assert again.details.emails == ("x@example.org",)


# Words as people and cards write them: letters of several scripts, digits and punctuation that
# vCard must escape (",", ";", "\\"), but no line breaks (a stored field is one line).
WORD = (
    st.text(
        alphabet=st.characters(
            whitelist_categories=("L", "N", "Zs", "P", "S"), blacklist_characters="\u2028\u2029\x85"
        ),
        min_size=1,
        max_size=30,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
TOWN = (
    st.text(
        alphabet="abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZ ",
        min_size=2,
        max_size=20,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(lambda s: s[:1].isalpha())
)
STREET = st.builds("{} {}".format, TOWN, st.integers(1, 999))
ADDRESS = st.one_of(
    st.builds("{}\n{} {}".format, STREET, st.from_regex(r"[0-9]{5}", fullmatch=True), TOWN),
    st.builds(
        "{}, {}, {} {}".format,
        STREET,
        TOWN,
        st.sampled_from(["WA", "NY", "CA", "TX"]),
        st.from_regex(r"[0-9]{5}(-[0-9]{4})?", fullmatch=True),
    ),
    WORD,
    st.just(""),
)
PHONE = st.builds(
    "{}+{} {} {}".format,
    st.sampled_from(["", "Fax "]),
    st.sampled_from(["49", "1", "33", "55"]),
    st.integers(10, 999),
    st.integers(1000, 99999999),
)
EMAIL = st.from_regex(r"[a-z][a-z0-9.]{0,10}@[a-z]{2,10}\.(de|com|org)", fullmatch=True)
DETAILS = st.builds(
    ContactDetails,
    name=WORD,
    title=st.one_of(st.just(""), WORD),
    company=st.one_of(st.just(""), WORD),
    emails=st.lists(EMAIL, max_size=2, unique=True).map(tuple),
    phones=st.lists(PHONE, max_size=3, unique=True).map(tuple),
    websites=st.lists(
        st.sampled_from(["www.klick.example", "https://a.example/x"]), max_size=1, unique=True
    ).map(tuple),
    address=ADDRESS,
).filter(lambda d: d.name != d.company)
CONTACTS = st.builds(
    VCardContact,
    details=DETAILS,
    note=st.one_of(st.just(""), WORD),
    they_need=st.one_of(st.just(""), WORD),
    i_offer=st.one_of(st.just(""), WORD),
    rating=st.one_of(st.none(), st.sampled_from(list(Rating))),
    is_pitch=st.booleans(),
)


@settings(max_examples=200, deadline=None)
@given(contact=CONTACTS, version=st.sampled_from(["3.0", "4.0"]))
def test_any_contact_round_trips_through_vobject_and_into_itself(
    contact: VCardContact, version: str
) -> None:
    text = to_vcard(contact, version=version)
    (back,) = parse_vcards(text)
    address = join_address(split_address(contact.details.address))
    assert back.details == ContactDetails(**{**vars(contact.details), "address": address})
    assert back == VCardContact(**{**vars(contact), "details": back.details})
    (through_vobject,) = [card.serialize() for card in vobject.readComponents(text)]
    assert parse_vcards(through_vobject) == [back]
    assert parse_vcards(to_vcards([back], version=version)) == [back]
