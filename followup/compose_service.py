"""The follow-up edge: loads what a draft is made of, checks it, saves it, marks it done."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time

from sqlalchemy.orm import Session

from followup.card import card_pdf, card_preview_png
from followup.checkin import next_check_in
from followup.checks import check_text, open_findings
from followup.drafts import compose_draft
from followup.fonts import caveat_font_path
from followup.ics import build_ics, follow_up_item
from followup.model import (
    AddressForm,
    CalendarItem,
    Channel,
    Draft,
    DraftInput,
    EarlierFollowUp,
    Finding,
    Language,
)
from storage import contacts, events, followups, owners
from storage.db import Database
from storage.followups import DraftReview, FollowUpRecord
from storage.kinds import FollowUpStatus
from storage.records import ContactRecord, EventRecord

log = logging.getLogger(__name__)


class FollowUpGone(LookupError):
    """The follow-up (or its contact) no longer exists for this owner: discarded, or done."""


class NotReadyError(ValueError):
    """A text with open findings cannot be marked ready; `findings` are the open ones."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"{len(findings)} open finding(s)")
        self.findings = findings


@dataclass(frozen=True)
class QueueItem:
    follow_up: FollowUpRecord
    overdue: bool
    ready: bool


@dataclass(frozen=True)
class Composer:
    """Everything the composer shows for one follow-up, read in one go."""

    follow_up: FollowUpRecord
    contact: ContactRecord
    event: EventRecord | None
    draft_input: DraftInput
    talking_points: tuple[str, ...]
    findings: list[Finding]
    review: DraftReview

    @property
    def language(self) -> Language:
        return Language(self.contact.language)

    @property
    def address_form(self) -> AddressForm:
        return AddressForm(self.contact.address_form)

    @property
    def open_findings(self) -> list[Finding]:
        return open_findings(self.findings, self.review.overridden)


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


def draft_input_for(
    contact: ContactRecord, event: EventRecord | None, *, my_name: str, channel: Channel
) -> DraftInput:
    return DraftInput(
        contact_name=contact.details.name or contact.display_name,
        company=contact.details.company,
        event_name=event.name if event else "",
        event_date=event.held_on if event else None,
        note=contact.note,
        they_need=contact.they_need,
        i_offer=contact.i_offer,
        my_name=my_name,
        language=Language(contact.language),
        address_form=AddressForm(contact.address_form),
        channel=channel,
    )


def _load(
    session: Session, owner_id: int, follow_up_id: int
) -> tuple[FollowUpRecord, ContactRecord, EventRecord | None]:
    follow_up = followups.get_follow_up(session, owner_id, follow_up_id)
    if follow_up is None or follow_up.status is not FollowUpStatus.QUEUED:
        raise FollowUpGone(follow_up_id)
    contact = contacts.get_contact(session, owner_id, follow_up.contact_id)
    if contact is None:
        raise FollowUpGone(follow_up_id)
    event = events.get_event(session, owner_id, contact.event_id) if contact.event_id else None
    return follow_up, contact, event


def _save_draft(
    session: Session,
    owner_id: int,
    follow_up: FollowUpRecord,
    draft: Draft,
    *,
    channel: Channel,
    language: str,
) -> None:
    followups.save_draft(
        session,
        owner_id,
        follow_up.id,
        channel=channel,
        subject=draft.subject,
        body=draft.body,
        language=language,
    )
    review = followups.get_review(session, owner_id, follow_up.id) or DraftReview()
    followups.set_review(session, owner_id, follow_up.id, overridden=review.overridden, ready=False)


def is_unedited(follow_up: FollowUpRecord, draft_input: DraftInput) -> bool:
    """The stored text is still exactly the draft Klick wrote (safe to write it anew)."""
    return not follow_up.body or follow_up.body == compose_draft(draft_input).body


def open_composer(
    database: Database, owner_id: int, follow_up_id: int, *, my_name: str, ui_language: str
) -> Composer:
    """Load the follow-up; an empty one gets its first draft from the note, saved at once."""
    with database.read() as session:
        follow_up, contact, event = _load(session, owner_id, follow_up_id)
    draft_input = draft_input_for(contact, event, my_name=my_name, channel=follow_up.channel)
    draft = compose_draft(draft_input)
    if not follow_up.body.strip():
        with database.write() as session:
            _save_draft(
                session,
                owner_id,
                follow_up,
                draft,
                channel=follow_up.channel,
                language=contact.language,
            )
    with database.read() as session:
        follow_up, contact, event = _load(session, owner_id, follow_up_id)
        earlier = followups.earlier_bodies(session, owner_id, except_contact_id=contact.id)
        review = followups.get_review(session, owner_id, follow_up_id) or DraftReview()
    findings = check_text(
        follow_up.body,
        note=contact.note,
        language=ui_language if ui_language in tuple(Language) else Language.EN,
        earlier=[EarlierFollowUp(name, body) for name, body in earlier],
        address_form=contact.address_form if contact.language == Language.DE else None,
    )
    return Composer(
        follow_up=follow_up,
        contact=contact,
        event=event,
        draft_input=draft_input,
        talking_points=draft.talking_points,
        findings=findings,
        review=review,
    )


def save_text(
    database: Database, owner_id: int, follow_up_id: int, *, subject: str, body: str
) -> None:
    """Keep the user's edit; a changed text has to be checked (and marked ready) again."""
    with database.write() as session:
        follow_up, contact, _ = _load(session, owner_id, follow_up_id)
        changed = (subject.strip(), body.strip()) != (follow_up.subject, follow_up.body)
        followups.save_draft(
            session,
            owner_id,
            follow_up_id,
            channel=follow_up.channel,
            subject=subject,
            body=body,
            language=contact.language,
        )
        if changed:
            review = followups.get_review(session, owner_id, follow_up_id) or DraftReview()
            followups.set_review(
                session, owner_id, follow_up_id, overridden=review.overridden, ready=False
            )


def rewrite(
    database: Database,
    owner_id: int,
    follow_up_id: int,
    *,
    my_name: str,
    channel: Channel | None = None,
    language: Language | None = None,
    address_form: AddressForm | None = None,
    only_if_unedited: bool = False,
) -> bool:
    """Change channel, language or form of address and write the draft anew from the note.

    With `only_if_unedited` a text the user has changed is kept (only the channel,
    language or form is stored). Returns whether the text was written anew.
    """
    with database.write() as session:
        follow_up, contact, event = _load(session, owner_id, follow_up_id)
        before = draft_input_for(contact, event, my_name=my_name, channel=follow_up.channel)
        unedited = is_unedited(follow_up, before) or is_unedited(
            follow_up, replace(before, my_name="")
        )
        if language is not None or address_form is not None:
            contacts.set_form_of_address(
                session,
                owner_id,
                contact.id,
                language=Language(language or contact.language).value,
                address_form=AddressForm(address_form or contact.address_form).value,
            )
        after = replace(
            before,
            channel=Channel(channel or follow_up.channel),
            language=Language(language or contact.language),
            address_form=AddressForm(address_form or contact.address_form),
        )
        if only_if_unedited and not unedited:
            followups.save_draft(
                session,
                owner_id,
                follow_up_id,
                channel=after.channel,
                subject=follow_up.subject,
                body=follow_up.body,
                language=after.language.value,
            )
            return False
        _save_draft(
            session,
            owner_id,
            follow_up,
            compose_draft(after),
            channel=after.channel,
            language=after.language.value,
        )
        return True


def sign_with(database: Database, owner_id: int, follow_up_id: int, my_name: str) -> None:
    """Store the user's own name once; an unedited draft gets it in its sign-off."""
    with database.write() as session:
        owners.set_display_name(session, owner_id, my_name)
    rewrite(database, owner_id, follow_up_id, my_name=my_name.strip(), only_if_unedited=True)


def mark_ready(
    database: Database,
    owner_id: int,
    follow_up_id: int,
    *,
    overridden: set[str],
    ui_language: str,
    my_name: str,
) -> None:
    """Mark the stored text ready; refused while a finding is neither fixed nor overridden."""
    composer = open_composer(
        database, owner_id, follow_up_id, my_name=my_name, ui_language=ui_language
    )
    still_open = open_findings(composer.findings, overridden)
    # Only keys of current findings are kept: an override is for this text, not for ever.
    current = {finding.key for finding in composer.findings}
    with database.write() as session:
        followups.set_review(
            session,
            owner_id,
            follow_up_id,
            overridden=sorted(current & overridden),
            ready=not still_open,
        )
    if still_open:
        raise NotReadyError(still_open)


def withdraw_ready(database: Database, owner_id: int, follow_up_id: int, *, kept: set[str]) -> None:
    """A finding no longer kept: the text is not ready any more until it is checked again."""
    with database.write() as session:
        followups.set_review(session, owner_id, follow_up_id, overridden=sorted(kept), ready=False)


def proposed_check_in(done_on: date, country: str) -> date:
    return next_check_in(done_on, country=country)


def finish(
    database: Database, owner_id: int, follow_up_id: int, *, done_on: date, check_in: date | None
) -> None:
    """Mark the follow-up done with the next check-in the user accepted (or none)."""
    if check_in is not None and check_in <= done_on:
        raise ValueError("the next check-in lies in the future")
    with database.write() as session:
        followups.mark_done(
            session, owner_id, follow_up_id, done_on=done_on, next_check_in=check_in
        )


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


def card_files(body: str, address: str | None) -> tuple[bytes, bytes]:
    """(PNG preview, print-ready PDF); raises CardTooLongError when the text cannot fit."""
    font = caveat_font_path()
    return card_preview_png(body, font_path=font), card_pdf(
        body, font_path=font, recipient_address=address
    )
