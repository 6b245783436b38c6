"""At the event: photograph a card, answer "Did it click?" and a personal note, save."""

from __future__ import annotations

from datetime import date

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from capture import intake
from capture.event_choice import current_event
from capture.neural_ocr import NeuralEngine, shared_engine
from capture.page_form import FormInput, contact_form
from capture.page_texts import TEXT
from storage import contacts, events
from storage.context import CONTEXT_KEY, AppContext
from storage.db import is_storage_full
from storage.records import ContactDetails
from storage.texts import inert

ACTIVE = "capture.active_id"  # the capture being answered
ROUND = "capture.round"  # bumps after each save: a fresh file picker for the next card
SEEN = "capture.seen_upload"  # the upload already stored, so a rerun does not store it twice
UNSAVED = "capture.unsaved_photos"  # photos the database refused, kept for "Try again"
UNSAVED_WHY = "capture.unsaved_reason"  # "store_full" when the disk is full, else "store_failed"
FLASH = "capture.flash"

ctx: AppContext = st.session_state[CONTEXT_KEY]
lang, db, owner = ctx.language, ctx.database, ctx.owner_id
for name, default in (
    (ACTIVE, None),
    (ROUND, 0),
    (SEEN, None),
    (UNSAVED, []),
    (UNSAVED_WHY, "store_failed"),
    (FLASH, None),
):
    st.session_state.setdefault(name, default)


@st.cache_resource(show_spinner=False)
def card_reader() -> NeuralEngine | None:
    """PP-OCRv6, loaded once per server process; None where only Tesseract can read."""
    return shared_engine()


# Loaded as the page opens, so the first card of the evening does not wait for the models.
neural = card_reader() if ctx.settings.ocr_engine != "tesseract" else None


def error_text(code: str | None, fallback: str | None) -> str:
    known = f"error_{code}"
    if code == "ocr_failed":
        return TEXT(lang, "read_failed")
    reason = TEXT(lang, known) if known in TEXT else (fallback or "")
    return TEXT(lang, "bad_photo", reason=reason)


def take_photo(photo: bytes, photo_type: str, event_id: int) -> bool:
    """Store first (the photo is safe from here on), then read. False: kept in the session."""
    try:
        contact_id = intake.store_photo(
            db, owner, event_id=event_id, photo=photo, photo_type=photo_type
        )
    except SQLAlchemyError as error:
        st.session_state[UNSAVED] = [*st.session_state[UNSAVED], (photo, photo_type)]
        st.session_state[UNSAVED_WHY] = "store_full" if is_storage_full(error) else "store_failed"
        return False
    st.session_state[ACTIVE] = contact_id
    with st.spinner(TEXT(lang, "reading")):
        outcome = intake.read_card(db, owner, contact_id, photo, ctx.settings, neural)
    if outcome.error_code:
        st.session_state[FLASH] = ("warning", error_text(outcome.error_code, outcome.error))
    return True


def store_unsaved(event_id: int) -> None:
    """Store the refused photos in the order they were taken; stop at the first refusal."""
    waiting, st.session_state[UNSAVED] = st.session_state[UNSAVED], []
    for n, (photo, photo_type) in enumerate(waiting):
        if not take_photo(photo, photo_type, event_id):
            st.session_state[UNSAVED].extend(waiting[n + 1 :])
            return


def offer_retry(event_id: int) -> None:
    """The photos the database refused, with "Try again"; nothing reruns until it is tapped."""
    st.error(TEXT(lang, st.session_state[UNSAVED_WHY]))
    if st.button(TEXT(lang, "retry"), type="primary", key="capture.retry"):
        store_unsaved(event_id)
        st.rerun()


def finish(message: str) -> None:
    st.session_state[FLASH] = ("success", message)
    st.session_state[ACTIVE] = None
    st.session_state[ROUND] += 1
    st.rerun()


def save(entry: FormInput, capture_id: int | None, event_id: int, duplicate_id: int | None) -> None:
    try:
        answers = entry.checked_answers(lang)
    except intake.AnswerError as refusal:
        st.error(str(refusal))
        return
    if capture_id is None and not entry.details.name.strip():
        st.error(TEXT(lang, "needs_name"))
        return
    try:
        if entry.add_to_existing and duplicate_id is not None:
            known = intake.add_meeting_instead(
                db,
                owner,
                existing_id=duplicate_id,
                capture_id=capture_id,
                event_id=event_id,
                answers=answers,
            )
            finish(TEXT(lang, "met_again", name=inert(known.display_name)))
        elif capture_id is None:
            saved = intake.save_without_card(
                db, owner, event_id=event_id, details=entry.details, answers=answers, language=lang
            )
            finish(TEXT(lang, "saved", name=inert(saved.display_name)))
        else:
            saved = intake.save_capture(
                db, owner, capture_id, details=entry.details, answers=answers, language=lang
            )
            finish(TEXT(lang, "saved", name=inert(saved.display_name)))
    except SQLAlchemyError as error:
        # The form keeps every answer; "Save contact" again is the retry.
        st.error(TEXT(lang, "save_full" if is_storage_full(error) else "save_failed"))
    except contacts.ContactError:
        st.error(TEXT(lang, "save_failed"))


def answer_capture(capture_id: int, event_id: int) -> None:
    with db.read() as session:
        record = contacts.get_contact(session, owner, capture_id)
        card = contacts.get_card(session, owner, capture_id)
    if record is None or card is None or record.is_answered:
        st.session_state[ACTIVE] = None
        return
    if card.scan_status == "pending":  # the tab closed while reading: read it now
        take_photo_outcome = intake.read_card(db, owner, capture_id, card.photo, ctx.settings,
                                              neural)
        if take_photo_outcome.error_code:
            st.warning(error_text(take_photo_outcome.error_code, take_photo_outcome.error))
        with db.read() as session:
            record = contacts.get_contact(session, owner, capture_id)
            card = contacts.get_card(session, owner, capture_id)
        assert record is not None and card is not None
    if card.card_jpeg:
        st.image(card.card_jpeg, caption=TEXT(lang, "card_caption"), width="stretch")
    hit = intake.no_thanks_hit(db, owner, record.details)
    if hit is not None:
        where = TEXT(lang, "no_thanks_event", event=inert(hit.event_name)) if hit.event_name else ""
        st.error(
            TEXT(lang, "no_thanks", date=f"{ctx.local(hit.discarded_at):%d.%m.%Y}", event=where)
        )
    matches = intake.matching_contacts(db, owner, record.details, exclude_id=capture_id)
    duplicate = matches[0] if matches else None
    if duplicate is not None:
        st.warning(TEXT(lang, "duplicate", name=inert(duplicate.display_name)))
    entry = contact_form(
        f"capture.form.{capture_id}", lang, record.details, card.field_confidence, duplicate
    )
    if st.button(TEXT(lang, "cancel"), key=f"capture.later.{capture_id}"):
        st.session_state[ACTIVE] = None
        st.rerun()
    if entry is not None:
        save(entry, capture_id, event_id, duplicate.id if duplicate else None)


def inbox(event_id: int) -> None:
    try:
        with db.read() as session:
            waiting = contacts.list_inbox(session, owner)
    except SQLAlchemyError:  # the database is away; what failed above already says so
        return
    waiting = [c for c in waiting if c.id != st.session_state[ACTIVE]]
    if not waiting:
        return
    with st.expander(TEXT(lang, "inbox", count=len(waiting)), expanded=False):
        st.caption(TEXT(lang, "inbox_hint"))
        for capture in waiting:
            label = capture.details.name or TEXT(
                lang, "unnamed", time=f"{ctx.local(capture.created_at):%d.%m. %H:%M}"
            )
            left, right = st.columns([3, 1], vertical_alignment="center")
            left.text(label)
            if right.button(TEXT(lang, "complete"), key=f"capture.open.{capture.id}"):
                st.session_state[ACTIVE] = capture.id
                st.rerun()


st.title(TEXT(lang, "title"))
with db.read() as session:
    recent = events.list_events(session, owner, limit=30)
event = current_event(recent, date.today())
if event is None:
    st.warning(TEXT(lang, "pick_first"))
    if st.button(TEXT(lang, "change_event"), type="primary"):
        st.switch_page("capture/event_page.py")
    st.stop()

st.markdown(TEXT(lang, "for_event", event=inert(event.label)))
if st.session_state[FLASH]:
    kind, message = st.session_state[FLASH]
    getattr(st, kind)(message)
    st.session_state[FLASH] = None

retry_offered = bool(st.session_state[UNSAVED])
if retry_offered:
    offer_retry(event.id)

active = st.session_state[ACTIVE]
if active is None:
    round_no = st.session_state[ROUND]
    upload = st.file_uploader(
        TEXT(lang, "photo"),
        type=list(intake.PHOTO_TYPES),
        help=TEXT(lang, "photo_help"),
        key=f"capture.upload.{round_no}",
    )
    if st.toggle(TEXT(lang, "camera"), key=f"capture.use_camera.{round_no}"):
        upload = (
            st.camera_input(TEXT(lang, "camera_label"), key=f"capture.camera.{round_no}") or upload
        )
    if upload is not None and upload.file_id != st.session_state[SEEN]:
        st.session_state[SEEN] = upload.file_id
        if take_photo(upload.getvalue(), upload.type or "", event.id):
            st.rerun()
        if not retry_offered:  # refused: no rerun (it would meet the same outage)
            offer_retry(event.id)
    with st.expander(TEXT(lang, "no_card")):
        typed = contact_form(f"capture.typed.{round_no}", lang, ContactDetails(), {})
        if typed is not None:
            save(typed, None, event.id, None)
else:
    answer_capture(active, event.id)
inbox(event.id)
