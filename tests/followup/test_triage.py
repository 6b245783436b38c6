"""Triage rules: a follow-up only for a genuine connection; no-thanks keys keep no data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.model import Decision, Rating
from followup.triage import (
    allowed_decisions,
    can_rerate,
    follow_up_due,
    no_thanks_key,
    no_thanks_keys,
    normalise_contact_value,
    suggested_decision,
)

SALT = b"test-salt"


def test_follow_up_is_offered_only_for_a_yes_that_is_no_pitch() -> None:
    assert Decision.FOLLOW_UP in allowed_decisions(Rating.YES, is_pitch=False)
    assert Decision.FOLLOW_UP not in allowed_decisions(Rating.YES, is_pitch=True)
    assert Decision.FOLLOW_UP not in allowed_decisions(Rating.NOT_SURE, is_pitch=False)
    assert Decision.FOLLOW_UP not in allowed_decisions(Rating.NO, is_pitch=False)


@pytest.mark.parametrize("rating", list(Rating))
@pytest.mark.parametrize("is_pitch", [False, True])
def test_keep_and_discard_are_always_possible_once_rated(rating: Rating, is_pitch: bool) -> None:
    assert {Decision.KEEP, Decision.DISCARD} <= allowed_decisions(rating, is_pitch)


def test_an_unanswered_capture_must_be_rated_before_any_decision() -> None:
    assert allowed_decisions(None, is_pitch=False) == set()
    assert suggested_decision(None, is_pitch=True) is None
    assert can_rerate(None)


def test_suggestions() -> None:
    assert suggested_decision(Rating.YES, is_pitch=False) is Decision.FOLLOW_UP
    assert suggested_decision(Rating.YES, is_pitch=True) is Decision.DISCARD
    assert suggested_decision(Rating.NO, is_pitch=False) is Decision.DISCARD
    assert suggested_decision(Rating.NOT_SURE, is_pitch=True) is Decision.DISCARD
    assert suggested_decision(Rating.NOT_SURE, is_pitch=False) is None


def test_only_not_sure_can_be_rerated() -> None:
    assert can_rerate(Rating.NOT_SURE)
    assert not can_rerate(Rating.YES)
    assert not can_rerate(Rating.NO)


@pytest.mark.parametrize("rating", list(Rating))
@pytest.mark.parametrize("is_pitch", [False, True])
def test_the_suggestion_is_always_allowed(rating: Rating, is_pitch: bool) -> None:
    suggestion = suggested_decision(rating, is_pitch)
    assert suggestion is None or suggestion in allowed_decisions(rating, is_pitch)


def test_follow_up_is_due_in_48_hours_by_default_and_configurable() -> None:
    now = datetime(2026, 11, 24, 22, 30, tzinfo=UTC)
    assert follow_up_due(now) == now + timedelta(hours=48)
    assert follow_up_due(now, hours=24) == now + timedelta(hours=24)
    with pytest.raises(ValueError):
        follow_up_due(now, hours=0)


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


def test_ratings_are_compared_by_value_so_storage_enums_and_strings_work() -> None:
    from enum import StrEnum

    class StoredRating(StrEnum):  # storage.kinds keeps a copy of the enum
        YES = "yes"
        NOT_SURE = "not_sure"

    assert Decision.FOLLOW_UP in allowed_decisions(StoredRating.YES, is_pitch=False)
    assert suggested_decision("yes", is_pitch=False) is Decision.FOLLOW_UP
    assert can_rerate(StoredRating.NOT_SURE)
    with pytest.raises(ValueError):
        allowed_decisions("maybe", is_pitch=False)
