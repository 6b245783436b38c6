"""The queue around the composer: what is due, marking one done, next check-ins, calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy.orm import Session

from followup.checkin import next_check_in
from followup.ics import build_ics, follow_up_item
from followup.model import CalendarItem, Language
from storage import followups
from storage.db import Database
from storage.followups import FollowUpRecord
from storage.kinds import FollowUpStatus


@dataclass(frozen=True)
class QueueItem:
    follow_up: FollowUpRecord
    overdue: bool
    ready: bool


def _now() -> datetime:
    return datetime.now(UTC)


def list_queue(
    database: Database, owner_id: int, *, now: datetime | None = None
) -> list[QueueItem]:
    """Queued follow-ups, earliest due first, the overdue and the ready ones marked."""
    moment = now or _now()
    with database.read() as session:
        queued = followups.list_follow_ups(session, owner_id, status=FollowUpStatus.QUEUED)
        ready = followups.ready_follow_up_ids(session, owner_id)
    return [QueueItem(f, f.due_at < moment, f.id in ready) for f in queued]


def proposed_check_in(done_on: date, country: str) -> date:
    return next_check_in(done_on, country=country)


def finish(
    database: Database, owner_id: int, follow_up_id: int, *, done_on: date, check_in: date | None
) -> None:
    """Mark the follow-up done with the next check-in the user accepted (or none)."""
    if check_in is not None and check_in <= done_on:
        raise ValueError("the next check-in lies in the future")
    def work(session: Session) -> None:
        followups.mark_done(
            session, owner_id, follow_up_id, done_on=done_on, next_check_in=check_in
        )

    database.write_with_retry(work)


CHECK_IN_SUMMARY = {Language.EN: "Check in with {name}", Language.DE: "Melden bei {name}"}
# A check-in is a day, not a moment; the calendar entry starts at this hour (UTC).
CHECK_IN_HOUR_UTC = 9


@dataclass(frozen=True)
class CheckIn:
    contact_id: int
    contact_name: str
    on: date


def upcoming_check_ins(database: Database, owner_id: int, *, today: date) -> list[CheckIn]:
    """The next check-in per contact (from its latest done follow-up), from today on."""
    with database.read() as session:
        done = followups.list_follow_ups(session, owner_id, status=FollowUpStatus.DONE)
    latest: dict[int, FollowUpRecord] = {}
    for follow_up in done:
        known = latest.get(follow_up.contact_id)
        if known is None or (follow_up.done_on or date.min, follow_up.id) > (
            known.done_on or date.min,
            known.id,
        ):
            latest[follow_up.contact_id] = follow_up
    check_ins = [
        CheckIn(f.contact_id, f.contact_name or f"#{f.contact_id}", f.next_check_in)
        for f in latest.values()
        if f.next_check_in is not None and f.next_check_in >= today
    ]
    return sorted(check_ins, key=lambda c: (c.on, c.contact_id))


def due_calendar(
    database: Database,
    owner_id: int,
    *,
    language: str,
    stamp: datetime | None = None,
    today: date | None = None,
) -> bytes:
    """An .ics of queued follow-ups and next check-ins, each with a reminder; no notes."""
    with database.read() as session:
        queued = followups.list_follow_ups(session, owner_id, status=FollowUpStatus.QUEUED)
    lang = Language(language) if language in tuple(Language) else Language.EN
    items = [
        follow_up_item(
            f"follow-up-{f.id}-{owner_id}",
            f.contact_name or f"#{f.contact_id}",
            f.channel,
            f.due_at,
            language=lang,
        )
        for f in queued
    ]
    for check_in in upcoming_check_ins(database, owner_id, today=today or date.today()):
        items.append(
            CalendarItem(
                uid=f"check-in-{check_in.contact_id}-{check_in.on:%Y%m%d}-{owner_id}",
                summary=CHECK_IN_SUMMARY[lang].format(name=check_in.contact_name),
                due=datetime.combine(check_in.on, time(CHECK_IN_HOUR_UTC), tzinfo=UTC),
            )
        )
    return build_ics(items, stamp=stamp)
