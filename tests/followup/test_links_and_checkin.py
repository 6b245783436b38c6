"""mailto:/tel: links and the next check-in date."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import parse_qs, unquote, urlsplit

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.checkin import (
    NotOrdinary,
    add_months,
    in_quiet_season,
    nearest_ordinary_day,
    next_check_in,
    why_not_ordinary,
)
from followup.links import mailto_link, tel_link


def test_mailto_round_trips_subject_and_body_with_umlauts_and_reserved_characters() -> None:
    body = "Hallo Anna,\nwie geht's mit „Kita & Co“? 100 % – 5 €\n\nGrüße"
    link = mailto_link("anna.m@example.de", "Fürth: Kita?", body)
    parts = urlsplit(link)
    assert parts.scheme == "mailto" and unquote(parts.path) == "anna.m@example.de"
    assert " " not in link and "\n" not in link and "%0D%0A" in link
    query = parse_qs(parts.query)
    assert query["subject"] == ["Fürth: Kita?"]
    assert query["body"] == [body.replace("\n", "\r\n")]


@pytest.mark.parametrize("bad", ["", "not-an-address", "a@b.de?cc=x@y.de", "a@b.de, c@d.de"])
def test_mailto_refuses_anything_but_one_address(bad: str) -> None:
    with pytest.raises(ValueError):
        mailto_link(bad, "s", "b")


def test_tel_links() -> None:
    assert tel_link("+49 (911) 123-456") == "tel:+49911123456"
    assert tel_link("0049 911 123456") == "tel:+49911123456"
    assert tel_link("0911 / 12 34 56") == "tel:0911123456"
    # The reader's "ext." and a typed "x" become RFC 3966's extension parameter.
    assert tel_link("+551132410322 ext. 240") == "tel:+551132410322;ext=240"
    assert tel_link("030 1234567 x12") == "tel:0301234567;ext=12"
    with pytest.raises(ValueError):
        tel_link("n/a")


def test_add_months_clamps_the_day() -> None:
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


def test_check_in_skips_the_christmas_season() -> None:
    assert next_check_in(date(2026, 9, 20)) == date(2027, 1, 7)
    assert next_check_in(date(2026, 10, 1)) == date(2027, 1, 7)


def test_check_in_skips_public_holidays_and_weekends() -> None:
    # 1 May 2026 is a Friday and Labour Day; the next ordinary day is Monday 4 May.
    assert next_check_in(date(2026, 2, 1)) == date(2026, 5, 4)


def test_check_in_uses_the_users_country() -> None:
    # 4 July 2029 is a Wednesday: a holiday in the US, not in Germany.
    assert next_check_in(date(2029, 4, 4), country="US") == date(2029, 7, 5)
    assert next_check_in(date(2029, 4, 4)) == date(2029, 7, 4)


def test_an_ordinary_day_stays() -> None:
    assert next_check_in(date(2026, 3, 10), months=2) == date(2026, 5, 11)
    with pytest.raises(ValueError):
        next_check_in(date(2026, 3, 10), months=0)


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2035, 12, 31)), st.integers(1, 12))
def test_check_in_is_always_an_ordinary_day_months_later(done_on: date, months: int) -> None:
    proposed = next_check_in(done_on, months=months)
    assert proposed.weekday() < 5
    assert not in_quiet_season(proposed)
    assert proposed not in holidays.country_holidays("DE", years=proposed.year)
    earliest = add_months(done_on, months)
    assert earliest <= proposed <= earliest + timedelta(days=30)


def test_christmas_gets_a_note_and_the_first_ordinary_day_after_6_january() -> None:
    assert why_not_ordinary(date(2026, 12, 25)) is NotOrdinary.QUIET_SEASON
    assert nearest_ordinary_day(date(2026, 12, 25)) == date(2027, 1, 7)  # a Thursday
    assert why_not_ordinary(date(2026, 12, 15)) is NotOrdinary.QUIET_SEASON
    assert why_not_ordinary(date(2027, 1, 6)) is NotOrdinary.QUIET_SEASON
    assert why_not_ordinary(date(2026, 12, 14)) is None  # a Monday before the season


def test_a_weekend_day_gets_a_note_and_the_monday() -> None:
    assert why_not_ordinary(date(2027, 3, 13)) is NotOrdinary.WEEKEND  # Saturday
    assert nearest_ordinary_day(date(2027, 3, 13)) == date(2027, 3, 15)
    assert why_not_ordinary(date(2027, 3, 14)) is NotOrdinary.WEEKEND  # Sunday
    assert why_not_ordinary(date(2027, 3, 15)) is None


def test_a_public_holiday_gets_a_note_and_the_next_ordinary_day() -> None:
    # 3 October 2028, German Unity Day, is a Tuesday.
    assert why_not_ordinary(date(2028, 10, 3)) is NotOrdinary.HOLIDAY
    assert nearest_ordinary_day(date(2028, 10, 3)) == date(2028, 10, 4)
    # 4 July is no holiday in Germany, but in the US; Good Friday 2027 runs into Easter Monday.
    assert why_not_ordinary(date(2029, 7, 4)) is None
    assert why_not_ordinary(date(2029, 7, 4), country="US") is NotOrdinary.HOLIDAY
    assert nearest_ordinary_day(date(2027, 3, 26)) == date(2027, 3, 30)


def test_an_ordinary_day_is_its_own_nearest() -> None:
    assert nearest_ordinary_day(date(2027, 2, 22)) == date(2027, 2, 22)


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2035, 12, 31)))
def test_the_offered_day_is_ordinary_and_never_earlier(day: date) -> None:
    offered = nearest_ordinary_day(day)
    assert why_not_ordinary(offered) is None
    assert day <= offered <= day + timedelta(days=30)
    assert (offered == day) == (why_not_ordinary(day) is None)
