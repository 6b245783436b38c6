"""At the event: photograph a card, answer "Did it click?" and a personal note, save."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from capture import intake
from capture.event_choice import current_event, event_label, user_today
from capture.neural_ocr import NeuralEngine, shared_engine
from capture.page_context import CONTEXT_KEY, AppContext
from capture.page_form import FormInput, contact_form
from capture.page_texts import photo_problem
from capture.translation import inert
from storage import contacts
from storage.db import is_storage_full
from storage.records import ContactDetails

ACTIVE = "capture.active_id"  # the capture being answered
ROUND = "capture.round"  # bumps after each save: a fresh file picker for the next card
SEEN = "capture.seen_upload"  # the upload already stored, so a rerun does not store it twice
UNSAVED = "capture.unsaved_photos"  # photos the database refused, kept for "Try again"
UNSAVED_WHY = "capture.unsaved_reason"  # "store_full" when the disk is full, else "store_failed"
FLASH = "capture.flash"

ctx: AppContext = st.session_state[CONTEXT_KEY]
_, db, owner = ctx.translate, ctx.database, ctx.owner_id
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
    with st.spinner(_("Reading the card…")):
        outcome = intake.read_card(db, owner, contact_id, photo, ctx.settings, neural)
    if outcome.error_code:
        st.session_state[FLASH] = ("warning", photo_problem(_, outcome.error_code))
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
    if st.session_state[UNSAVED_WHY] == "store_full":
        st.error(
            _(
                "The storage is full, so the photo was not saved. Everything saved "
                "before is safe, and the photo is kept on this page: free some space, then "
                "tap “Try again”."
            )
        )
    else:
        st.error(_("That could not be saved just now; nothing is lost. Try again."))
    if st.button(_("Try again"), type="primary", key="capture.retry"):
        store_unsaved(event_id)
        st.rerun()


def finish(message: str) -> None:
    st.session_state[FLASH] = ("success", message)
    st.session_state[ACTIVE] = None
    st.session_state[ROUND] += 1
    st.rerun()


def save(entry: FormInput, capture_id: int | None, event_id: int, duplicate_id: int | None) -> None:
    try:
        answers = entry.checked_answers(_)
    except intake.AnswerError as refusal:
        st.error(str(refusal))
        return
    if capture_id is None and not entry.details.name.strip():
        st.error(_("Type the person's name."))
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
            finish(_("Added this meeting to {name}.", name=inert(known.display_name)))
        elif capture_id is None:
            saved = intake.save_without_card(
                db,
                owner,
                event_id=event_id,
                details=entry.details,
                answers=answers,
                language=ctx.language,
            )
            finish(_("Saved {name}. Next card!", name=inert(saved.display_name)))
        else:
            saved = intake.save_capture(
                db, owner, capture_id, details=entry.details, answers=answers, language=ctx.language
            )
            finish(_("Saved {name}. Next card!", name=inert(saved.display_name)))
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
    except contacts.ContactError:
        st.error(_("That could not be saved just now; nothing is lost. Try again."))


def no_thanks_warning(details: ContactDetails) -> None:
    """Flag a card whose e-mail or phone was discarded as a pitch before."""
    hit = intake.no_thanks_hit(db, owner, details)
    if hit is None:
        return
    on = _.day(hit.discarded_at)
    if hit.event_name:
        st.error(
            _(
                "On your no-thanks list: discarded as a pitch on {date} at {event}.",
                date=on,
                event=inert(hit.event_name),
            )
        )
    else:
        st.error(_("On your no-thanks list: discarded as a pitch on {date}.", date=on))


def answer_capture(capture_id: int, event_id: int) -> None:
    record, card = intake.load_capture(db, owner, capture_id)
    if record is None or card is None or record.is_answered:
        st.session_state[ACTIVE] = None
        return
    if card.scan_status == "pending":  # the tab closed while reading: read it now
        outcome = intake.read_card(db, owner, capture_id, card.photo, ctx.settings, neural)
        if outcome.error_code:
            st.warning(photo_problem(_, outcome.error_code))
        record, card = intake.load_capture(db, owner, capture_id)
        assert record is not None and card is not None
    if card.card_jpeg:
        st.image(card.card_jpeg, caption=_("The card as read"), width="stretch")
    no_thanks_warning(record.details)
    matches = intake.matching_contacts(db, owner, record.details, exclude_id=capture_id)
    duplicate = matches[0] if matches else None
    if duplicate is not None:
        st.warning(
            _(
                "This card belongs to a contact you already have: **{name}**.",
                name=inert(duplicate.display_name),
            )
        )
    entry = contact_form(
        f"capture.form.{capture_id}", _, record.details, card.field_confidence, duplicate
    )
    if st.button(_("Later"), key=f"capture.later.{capture_id}"):
        st.session_state[ACTIVE] = None
        st.rerun()
    if entry is not None:
        save(entry, capture_id, event_id, duplicate.id if duplicate else None)


def inbox(event_id: int) -> None:
    try:
        waiting = intake.inbox(db, owner)
    except SQLAlchemyError:  # the database is away; what failed above already says so
        return
    waiting = [c for c in waiting if c.id != st.session_state[ACTIVE]]
    if not waiting:
        return
    with st.expander(_("Inbox ({count})", count=len(waiting)), expanded=False):
        st.caption(_("Captures waiting for your two answers. They stay until you answer them."))
        for capture in waiting:
            label = capture.details.name or _(
                "Card from {time}", time=_.moment(capture.created_at, year=False)
            )
            left, right = st.columns([3, 1], vertical_alignment="center")
            left.text(label)
            if right.button(_("Answer"), key=f"capture.open.{capture.id}"):
                st.session_state[ACTIVE] = capture.id
                st.rerun()


st.title(_("Capture"))
recent = intake.recent_events(db, owner)
event = current_event(recent, user_today(_))
if event is None:
    st.warning(_("Choose tonight's event first."))
    if st.button(_("Change event"), type="primary"):
        st.switch_page("capture/event_page.py")
    st.stop()

st.markdown(_("At **{event}**", event=inert(event_label(_, event))))
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
        _("Photograph the card"),
        type=list(intake.PHOTO_TYPES),
        help=_("On a phone this opens the camera at full resolution."),
        key=f"capture.upload.{round_no}",
    )
    if st.toggle(_("Use the in-page camera"), key=f"capture.use_camera.{round_no}"):
        upload = st.camera_input(_("Card"), key=f"capture.camera.{round_no}") or upload
    if upload is not None and upload.file_id != st.session_state[SEEN]:
        st.session_state[SEEN] = upload.file_id
        if take_photo(upload.getvalue(), upload.type or "", event.id):
            st.rerun()
        if not retry_offered:  # refused: no rerun (it would meet the same outage)
            offer_retry(event.id)
    with st.expander(_("No card? Type the name")):
        typed = contact_form(f"capture.typed.{round_no}", _, ContactDetails(), {})
        if typed is not None:
            save(typed, None, event.id, None)
else:
    answer_capture(active, event.id)
inbox(event.id)
