"""Triage rules: a follow-up only for a genuine connection, due within 48 hours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from followup.model import Decision, Rating
from followup.triage import (
    allowed_decisions,
    can_rerate,
    follow_up_due,
    suggested_decision,
)


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
