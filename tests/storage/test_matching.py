"""No-thanks keys: the same person's e-mail or phone in any spelling, salted, keeping no data."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.matching import no_thanks_key, no_thanks_keys, normalise_contact_value

SALT = b"test-salt"


def test_phone_numbers_in_national_and_international_form_match() -> None:
    assert no_thanks_key("+49 911 123456", SALT) == no_thanks_key("0911 123456", SALT)
    assert no_thanks_key("+49 (0)911 / 12 34 56", SALT) == no_thanks_key("0911-123456", SALT)
    assert no_thanks_key("0911 123457", SALT) != no_thanks_key("0911 123456", SALT)


def test_emails_match_whatever_the_case_and_spacing() -> None:
    assert no_thanks_key("  Max.Vertrieb@Example.COM ", SALT) == no_thanks_key(
        "max.vertrieb@example.com", SALT
    )
    assert normalise_contact_value("mailto:A@B.de") == normalise_contact_value("a@b.de")


def test_the_key_keeps_no_data_and_depends_on_the_salt() -> None:
    key = no_thanks_key("max@example.com", SALT)
    assert "max" not in key
    assert len(key) == 64
    assert key != no_thanks_key("max@example.com", b"other-salt")


def test_nothing_to_hash_is_refused() -> None:
    with pytest.raises(ValueError):
        no_thanks_key("no number here", SALT)
    with pytest.raises(ValueError):
        no_thanks_key("max@example.com", b"")


PHONE_TEXT = st.text(alphabet="0123456789 -/()", min_size=9).filter(
    lambda text: sum(c.isdigit() for c in text) >= 9
)


@given(PHONE_TEXT)
def test_any_prefix_before_the_last_nine_digits_is_ignored(number: str) -> None:
    assert no_thanks_key("+49 " + number, SALT) == no_thanks_key("0" + number, SALT)


def test_all_values_of_a_card_give_keys_and_junk_is_skipped() -> None:
    keys = no_thanks_keys(["max@example.com", "+49 911 123456", "", "n/a"], SALT)
    assert keys == {no_thanks_key("MAX@example.com", SALT), no_thanks_key("0911 123456", SALT)}
    with pytest.raises(ValueError):
        no_thanks_keys(["max@example.com"], b"")
