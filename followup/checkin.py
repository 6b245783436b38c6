"""The next check-in after a follow-up is done: an ordinary working day, months later."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from enum import StrEnum

import holidays

# Christmas greetings are what everybody sends; a check-in then drowns (background, art. 5).
QUIET_SEASON_START = (12, 15)
QUIET_SEASON_END = (1, 6)


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, the day of month clamped (31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def in_quiet_season(day: date) -> bool:
    """Between 15 December and 6 January, both included."""
    return (day.month, day.day) >= QUIET_SEASON_START or (day.month, day.day) <= QUIET_SEASON_END


def is_ordinary_day(day: date, public_holidays: holidays.HolidayBase) -> bool:
    """A weekday that is no public holiday and not in the Christmas season."""
    return day.weekday() < 5 and day not in public_holidays and not in_quiet_season(day)


class NotOrdinary(StrEnum):
    """Why a day is no good for a check-in; the page words it."""

    QUIET_SEASON = "quiet_season"
    HOLIDAY = "holiday"
    WEEKEND = "weekend"


def public_holidays_around(
    day: date, country: str, subdivision: str | None = None
) -> holidays.HolidayBase:
    """The public holidays of `country` (and `subdivision`) in `day`'s year and the next."""
    return holidays.country_holidays(
        country, subdiv=subdivision, years=range(day.year, day.year + 2)
    )


def why_not_ordinary(
    day: date, *, country: str = "DE", subdivision: str | None = None
) -> NotOrdinary | None:
    """None for an ordinary day, else the weightiest reason (season, holiday, weekend)."""
    if in_quiet_season(day):
        return NotOrdinary.QUIET_SEASON
    if day in public_holidays_around(day, country, subdivision):
        return NotOrdinary.HOLIDAY
    if day.weekday() >= 5:
        return NotOrdinary.WEEKEND
    return None


def nearest_ordinary_day(day: date, *, country: str = "DE", subdivision: str | None = None) -> date:
    """The first ordinary day on or after `day`: never earlier than what the user picked.

    Forward only, so the offer never lands before the date picker's earliest day and a
    Christmas pick moves past 6 January rather than back into mid-December.
    """
    public_holidays = public_holidays_around(day, country, subdivision)
    candidate = day
    while not is_ordinary_day(candidate, public_holidays):
        candidate += timedelta(days=1)
    return candidate


def next_check_in(
    done_on: date, *, country: str = "DE", subdivision: str | None = None, months: int = 3
) -> date:
    """Proposed next check-in: `months` after `done_on`, moved on to the next ordinary day.

    Never a weekend, a public holiday of `country` (and `subdivision`, e.g. "BY"), nor
    15 December to 6 January. Birthdays play no part: Klick never asks for them.
    """
    if months < 1:
        raise ValueError("the next check-in is at least a month later")
    return nearest_ordinary_day(
        add_months(done_on, months), country=country, subdivision=subdivision
    )
