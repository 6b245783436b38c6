"""The queue around the composer: what is due, marking one done, next check-ins, calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy.orm import Session

from capture.translation import LANGUAGES, N_, Translator
from followup.checkin import NotOrdinary, nearest_ordinary_day, next_check_in, why_not_ordinary
from followup.ics import build_ics, check_in_uid, follow_up_uid
from followup.model import CalendarItem, Channel
from storage import contacts, events, followups
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


def check_in_objection(day: date, country: str) -> tuple[NotOrdinary, date] | None:
    """Why a hand-picked check-in day is no ordinary day, and the ordinary day to offer."""
    reason = why_not_ordinary(day, country=country)
    if reason is None:
        return None
    return reason, nearest_ordinary_day(day, country=country)


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


# Calendar titles and descriptions, worded in the user's language when the file is made.
FOLLOW_UP_SUMMARY = {
    Channel.CARD: N_("Follow up with {name} (card)"),
    Channel.EMAIL: N_("Follow up with {name} (e-mail)"),
    Channel.CALL: N_("Follow up with {name} (call)"),
}
CHECK_IN_SUMMARY = N_("Check in with {name}")
CHANNEL_WORDS = {
    Channel.CARD: N_("card"),
    Channel.EMAIL: N_("e-mail"),
    Channel.CALL: N_("call"),
}
# A check-in is a day, not a moment; the calendar entry starts at this hour (UTC).
CHECK_IN_HOUR_UTC = 9


@dataclass(frozen=True)
class CheckIn:
    contact_id: int
    contact_name: str
    on: date
    channel: Channel = Channel.EMAIL  # how the latest follow-up went out


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
        CheckIn(f.contact_id, f.contact_name or f"#{f.contact_id}", f.next_check_in, f.channel)
        for f in latest.values()
        if f.next_check_in is not None and f.next_check_in >= today
    ]
    return sorted(check_ins, key=lambda c: (c.on, c.contact_id))


@dataclass(frozen=True)
class _Who:
    """What a calendar entry says about a contact: never the note, never what they need."""

    name: str
    company: str
    event: str


def _who(session: Session, _: Translator, owner_id: int, contact_id: int, name: str) -> _Who:
    contact = contacts.get_contact(session, owner_id, contact_id)
    if contact is None:
        return _Who(name, "", "")
    event = events.get_event(session, owner_id, contact.event_id) if contact.event_id else None
    met = ""
    if event is not None:
        met = f"{event.name}, {_.day(event.held_on)}" + (f", {event.place}" if event.place else "")
    return _Who(name, contact.details.company, met)


def _description(_: Translator, who: _Who, channel: Channel) -> str:
    lines = [_("Who: {name}", name=who.name)]
    if who.company:
        lines[0] = _("Who: {name}, {company}", name=who.name, company=who.company)
    if who.event:
        lines.append(_("Met at: {event}", event=who.event))
    lines.append(_("Channel: {channel}", channel=_(CHANNEL_WORDS[channel])))
    return "\n".join(lines)


def due_calendar(
    database: Database,
    owner_id: int,
    *,
    language: str,
    stamp: datetime | None = None,
    today: date | None = None,
) -> bytes:
    """An .ics of queued follow-ups and next check-ins, each with a reminder; no notes.

    UIDs come from the follow-up's id and the contact's id (for its next check-in), so a
    re-import updates the events instead of adding them again.
    """
    _ = Translator(language if language in LANGUAGES else "en")
    check_ins = upcoming_check_ins(database, owner_id, today=today or date.today())
    items = []
    with database.read() as session:
        queued = followups.list_follow_ups(session, owner_id, status=FollowUpStatus.QUEUED)
        for follow_up in queued:
            name = follow_up.contact_name or f"#{follow_up.contact_id}"
            who = _who(session, _, owner_id, follow_up.contact_id, name)
            item = CalendarItem(
                uid=follow_up_uid(follow_up.id, owner_id),
                summary=_(FOLLOW_UP_SUMMARY[Channel(follow_up.channel)], name=name),
                due=follow_up.due_at,
                description=_description(_, who, Channel(follow_up.channel)),
            )
            items.append(item)
        for check_in in check_ins:
            who = _who(session, _, owner_id, check_in.contact_id, check_in.contact_name)
            item = CalendarItem(
                uid=check_in_uid(check_in.contact_id, owner_id),
                summary=_(CHECK_IN_SUMMARY, name=check_in.contact_name),
                due=datetime.combine(check_in.on, time(CHECK_IN_HOUR_UTC), tzinfo=UTC),
                description=_description(_, who, check_in.channel),
            )
            items.append(item)
    return build_ics(items, stamp=stamp)
