"""The queue around the composer: what is due, marking one done, next check-ins, calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy.orm import Session

from capture.translation import LANGUAGES, N_, Translator
from followup.checkin import next_check_in
from followup.ics import build_ics
from followup.model import CalendarItem, Channel
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


# Calendar titles, worded in the user's language when the file is made.
FOLLOW_UP_SUMMARY = {
    Channel.CARD: N_("Follow up with {name} (card)"),
    Channel.EMAIL: N_("Follow up with {name} (e-mail)"),
    Channel.CALL: N_("Follow up with {name} (call)"),
}
CHECK_IN_SUMMARY = N_("Check in with {name}")
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
    _ = Translator(language if language in LANGUAGES else "en")
    items = []
    for follow_up in queued:
        name = follow_up.contact_name or f"#{follow_up.contact_id}"
        summary = _(FOLLOW_UP_SUMMARY[Channel(follow_up.channel)], name=name)
        uid = f"follow-up-{follow_up.id}-{owner_id}"
        items.append(CalendarItem(uid=uid, summary=summary, due=follow_up.due_at))
    for check_in in upcoming_check_ins(database, owner_id, today=today or date.today()):
        items.append(
            CalendarItem(
                uid=f"check-in-{check_in.contact_id}-{check_in.on:%Y%m%d}-{owner_id}",
                summary=_(CHECK_IN_SUMMARY, name=check_in.contact_name),
                due=datetime.combine(check_in.on, time(CHECK_IN_HOUR_UTC), tzinfo=UTC),
            )
        )
    return build_ics(items, stamp=stamp)
