"""The capture being answered: the card as read, its flags, the form, and what else can be
done with it (later, retake, discard); and saving a form, with or without a card."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from capture import intake, pending
from capture.page_form import FormInput, contact_form, known_warning
from capture.page_pending import discard_button, no_thanks_flag, retake_button
from capture.page_photo import report_read, retake
from capture.page_state import (
    ACTIVE,
    RETAKE,
    ROUND,
    CapturePage,
    close,
    flash,
    gone,
    known_contact,
    remember_known,
)
from capture.translation import inert
from storage import contacts
from storage.db import is_storage_full
from storage.kinds import ScanStatus
from storage.records import ContactAnswers, ContactRecord


def finish(message: str) -> None:
    flash("success", message)
    st.session_state[ACTIVE] = None
    st.session_state[RETAKE] = None
    st.session_state[ROUND] += 1
    st.rerun()


def _store(
    page: CapturePage,
    entry: FormInput,
    answers: ContactAnswers,
    capture_id: int | None,
    duplicate_id: int | None,
) -> str:
    """Write the answers through the service; the sentence that says what was saved."""
    ctx = page.ctx
    _, db, owner = ctx.translate, ctx.database, ctx.owner_id
    if entry.add_to_existing and duplicate_id is not None:
        known = intake.add_meeting_instead(
            db,
            owner,
            existing_id=duplicate_id,
            capture_id=capture_id,
            event_id=page.event_id,
            answers=answers,
        )
        return _("Added this meeting to {name}.", name=inert(known.display_name))
    if capture_id is None:
        saved = intake.save_without_card(
            db,
            owner,
            event_id=page.event_id,
            details=entry.details,
            answers=answers,
            language=ctx.language,
        )
    else:
        saved = intake.save_capture(
            db, owner, capture_id, details=entry.details, answers=answers, language=ctx.language
        )
    return _("Saved {name}. Next card!", name=inert(saved.display_name))


def save(
    page: CapturePage,
    entry: FormInput,
    capture_id: int | None,
    duplicate_id: int | None,
    form_key: str,
) -> None:
    """Save the form; details that turn out to be someone known first offer the meeting."""
    ctx = page.ctx
    _ = ctx.translate
    try:
        answers = entry.checked_answers(_)
    except intake.AnswerError as refusal:
        st.error(str(refusal))
        return
    if capture_id is None and not entry.details.name.strip():
        st.error(_("Type the person's name."))
        return
    if duplicate_id is None:
        known = intake.matching_contacts(
            ctx.database, ctx.owner_id, entry.details, exclude_id=capture_id
        )
        if known:  # the same rule as for a card read: offer "Add this meeting to …" first
            remember_known(form_key, known[0])
            st.rerun()
    try:
        message = _store(page, entry, answers, capture_id, duplicate_id)
    except SQLAlchemyError as error:
        # The form keeps every answer; "Save contact" again is the retry.
        if is_storage_full(error):
            st.error(
                _(
                    "The storage is full, so the contact was not saved. Everything saved "
                    "before is safe and nothing you typed is lost: free some space, then tap "
                    "“Save contact” again."
                )
            )
        else:
            st.error(_("That could not be saved just now; nothing is lost. Try again."))
        return
    except contacts.ContactNotFound as missing:
        if capture_id is None or missing.args[:1] != (capture_id,):
            st.error(_("That could not be saved just now; nothing is lost. Try again."))
            return
        close(capture_id)  # another session answered or discarded it first
        flash("warning", gone(_))
        st.rerun()
    except contacts.ContactError:
        st.error(_("That could not be saved just now; nothing is lost. Try again."))
        return
    finish(message)


def _read_if_pending(page: CapturePage, capture_id: int) -> None:
    """Read a capture left unread (the tab closed, the server restarted); a refused file goes."""
    ctx = page.ctx
    outcome = pending.read_pending(
        ctx.database, ctx.owner_id, capture_id, ctx.settings, page.neural
    )
    if outcome is None:
        return
    report_read(ctx.translate, capture_id, outcome)
    if outcome.discarded or outcome.error_code:
        st.rerun()  # the sentence shows at the top, as after an upload


def _flags(
    page: CapturePage, record: ContactRecord, form_key: str
) -> tuple[ContactRecord | None, bool]:
    """The no-thanks flag with "Discard now" first, and the known contact it duplicates."""
    ctx = page.ctx
    _, db, owner = ctx.translate, ctx.database, ctx.owner_id
    hit = intake.no_thanks_hit(db, owner, record.details)
    if hit is not None:
        st.error(no_thanks_flag(_, hit))
        discard_button(page, record, f"capture.discard_now.{record.id}", now=True)
    matches = intake.matching_contacts(db, owner, record.details, exclude_id=record.id)
    duplicate = known_contact(form_key) or (matches[0] if matches else None)
    if duplicate is not None:
        known_warning(_, duplicate)
    return duplicate, hit is not None


def answer_capture(page: CapturePage, capture_id: int) -> None:
    ctx = page.ctx
    _, db, owner = ctx.translate, ctx.database, ctx.owner_id
    record, card = intake.load_capture(db, owner, capture_id)
    if card is not None and card.scan_status is ScanStatus.PENDING:
        _read_if_pending(page, capture_id)
        record, card = intake.load_capture(db, owner, capture_id)
    if record is None or card is None or record.is_answered:
        close(capture_id)
        st.warning(gone(_))
        return
    if st.session_state[RETAKE] == capture_id:
        # Only the picker: the form comes back new, filled from the new photo.
        retake(page, capture_id)
        return
    if card.card_jpeg:
        st.image(card.card_jpeg, caption=_("The card as read"), width="stretch")
    if card.scan_status is ScanStatus.FAILED:
        st.caption(_("This photo could not be read: type the details, retake or discard it."))
    form_key = f"capture.form.{capture_id}"
    duplicate, no_thanks = _flags(page, record, form_key)
    entry = contact_form(form_key, _, record.details, card.field_confidence, duplicate)
    with st.container(horizontal=True):
        if st.button(_("Later"), key=f"capture.later.{capture_id}"):
            close(capture_id)
            st.rerun()
        retake_button(page, capture_id, f"capture.retake.{capture_id}")
        if not no_thanks:  # "Discard now" is above, first
            discard_button(page, record, f"capture.discard.{capture_id}")
    if entry is not None:
        save(page, entry, capture_id, duplicate.id if duplicate else None, form_key)
