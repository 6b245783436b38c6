"""The composer's draft: loads a follow-up, writes its text from the note, keeps edits."""

# Marking the text ready is in followup/compose_ready_service.py; the queue around the
# composer (what is due, done, check-ins, calendar) in followup/queue_service.py.

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from followup.checks import check_text, open_findings
from followup.drafts import compose_draft
from followup.model import (
    AddressForm,
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


class FollowUpGone(LookupError):
    """The follow-up (or its contact) no longer exists for this owner: discarded, or done."""


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
    database: Database, owner_id: int, follow_up_id: int, *, my_name: str
) -> Composer:
    """Load the follow-up; an empty one gets its first draft from the note, saved at once."""
    with database.read() as session:
        follow_up, contact, event = _load(session, owner_id, follow_up_id)
    draft_input = draft_input_for(contact, event, my_name=my_name, channel=follow_up.channel)
    draft = compose_draft(draft_input)
    if not follow_up.body.strip():

        def work(session: Session) -> None:
            _save_draft(
                session,
                owner_id,
                follow_up,
                draft,
                channel=follow_up.channel,
                language=contact.language,
            )

        database.write_with_retry(work)
    with database.read() as session:
        follow_up, contact, event = _load(session, owner_id, follow_up_id)
        earlier = followups.earlier_bodies(session, owner_id, except_contact_id=contact.id)
        review = followups.get_review(session, owner_id, follow_up_id) or DraftReview()
    findings = check_text(
        follow_up.body,
        note=contact.note,
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

    def work(session: Session) -> None:
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

    database.write_with_retry(work)


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

    def work(session: Session) -> bool:
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

    return database.write_with_retry(work)


def sign_with(database: Database, owner_id: int, follow_up_id: int, my_name: str) -> None:
    """Store the user's own name once; an unedited draft gets it in its sign-off."""

    def work(session: Session) -> None:
        owners.set_display_name(session, owner_id, my_name)

    database.write_with_retry(work)
    rewrite(database, owner_id, follow_up_id, my_name=my_name.strip(), only_if_unedited=True)
