"""vCard import under arbitrary input: only VCardError escapes, and values stay plain text."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.vcard import VCardContact, VCardError, decode_vcard_file, parse_vcards, to_vcard
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
