"""Triage rules of the morning after: which decisions are allowed, suggested, and when due."""

from __future__ import annotations

from datetime import datetime, timedelta

from followup.model import Decision, Rating

DEFAULT_FOLLOW_UP_HOURS = 48


def as_rating(rating: Rating | str | None) -> Rating | None:
    """Accept the enum or its stored string value."""
    return None if rating is None else Rating(rating)


def allowed_decisions(rating: Rating | str | None, is_pitch: bool) -> set[Decision]:
    """Decisions triage may offer; a follow-up only for a genuine connection.

    An unanswered capture (rating None) gets none: it must be rated first. A Not sure
    is not offered a follow-up, but it can be re-rated (see `can_rerate`).
    """
    rating = as_rating(rating)
    if rating is None:
        return set()
    if rating is Rating.YES and not is_pitch:
        return {Decision.FOLLOW_UP, Decision.KEEP, Decision.DISCARD}
    return {Decision.KEEP, Decision.DISCARD}


def suggested_decision(rating: Rating | str | None, is_pitch: bool) -> Decision | None:
    """The pre-selected decision: Discard for a No or a pitch, Follow up for a Yes."""
    rating = as_rating(rating)
    if rating is None:
        return None
    if is_pitch or rating is Rating.NO:
        return Decision.DISCARD
    if rating is Rating.YES:
        return Decision.FOLLOW_UP
    return None


def can_rerate(rating: Rating | str | None) -> bool:
    """Only a Not sure (or an unanswered capture) may be rated again the next morning."""
    rating = as_rating(rating)
    return rating is None or rating is Rating.NOT_SURE


def follow_up_due(now: datetime, hours: int = DEFAULT_FOLLOW_UP_HOURS) -> datetime:
    """When a queued follow-up is due: `hours` after `now` (48 h unless configured)."""
    if hours <= 0:
        raise ValueError("the follow-up window must be at least one hour")
    return now + timedelta(hours=hours)
