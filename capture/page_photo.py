"""Photos coming in on the capture page: one card (stored first, then read), a photo taken
again for a pending capture, and "Try again" for the photos the database refused."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from capture import intake, pending
from capture.page_stack import store_stack
from capture.page_state import (
    ACTIVE,
    RETAKE,
    UNSAVED,
    UNSAVED_STACK,
    UNSAVED_WHY,
    CapturePage,
    close,
    flash,
    gone,
)
from capture.page_texts import photo_problem
from capture.translation import Translator
from storage import contacts
from storage.db import is_storage_full


def report_read(_: Translator, capture_id: int, outcome: intake.ReadOutcome) -> None:
    """Why a card was not read, for the next run; a refused file is closed (it is gone)."""
    if outcome.discarded:
        close(capture_id)
    if outcome.error_code:
        flash("warning", photo_problem(_, outcome.error_code, kept=not outcome.discarded))


def take_photo(page: CapturePage, photo: bytes, photo_type: str) -> bool:
    """Store first (the photo is safe from here on), then read. False: kept in the session."""
    ctx = page.ctx
    _ = ctx.translate
    try:
        capture_id = intake.store_photo(
            ctx.database, ctx.owner_id, event_id=page.event_id, photo=photo, photo_type=photo_type
        )
    except SQLAlchemyError as error:
        st.session_state[UNSAVED] = [*st.session_state[UNSAVED], (photo, photo_type)]
        st.session_state[UNSAVED_WHY] = "store_full" if is_storage_full(error) else "store_failed"
        return False
    st.session_state[ACTIVE] = capture_id
    with st.spinner(_("Reading the card…")):
        outcome = pending.read_or_discard(
            ctx.database, ctx.owner_id, capture_id, photo, ctx.settings, page.neural
        )
    report_read(_, capture_id, outcome)
    return True


def retake(page: CapturePage, capture_id: int) -> None:
    """A new photo for a pending capture: it replaces the old one, then it is read."""
    ctx = page.ctx
    _ = ctx.translate
    upload = st.file_uploader(
        _("New photo of the card"),
        type=list(intake.PHOTO_TYPES),
        help=_("It replaces the old photo and is read again."),
        key=f"capture.retake_upload.{capture_id}",
    )
    if st.button(_("Cancel"), key=f"capture.retake_cancel.{capture_id}"):
        st.session_state[RETAKE] = None
        st.rerun()
    if upload is None:
        return
    photo = upload.getvalue()
    try:
        intake.replace_photo(
            ctx.database, ctx.owner_id, capture_id, photo=photo, photo_type=upload.type or ""
        )
    except contacts.ContactNotFound:
        close(capture_id)
        flash("warning", gone(_))
        st.rerun()
    except SQLAlchemyError:
        # The old photo is still there and the new one still in the picker: tap to retry.
        st.error(_("That could not be saved just now; nothing is lost. Try again."))
        st.button(_("Try again"), key=f"capture.retake_retry.{capture_id}")
        return
    st.session_state[RETAKE] = None
    st.session_state[ACTIVE] = capture_id
    with st.spinner(_("Reading the card…")):
        outcome = pending.read_or_discard(
            ctx.database, ctx.owner_id, capture_id, photo, ctx.settings, page.neural
        )
    report_read(_, capture_id, outcome)
    st.rerun()


def store_unsaved(page: CapturePage) -> None:
    """Store the refused photos in the order they were taken; stop at the first refusal."""
    waiting, st.session_state[UNSAVED] = st.session_state[UNSAVED], []
    for n, (photo, photo_type) in enumerate(waiting):
        if not take_photo(page, photo, photo_type):
            st.session_state[UNSAVED].extend(waiting[n + 1 :])
            return
    stack, st.session_state[UNSAVED_STACK] = st.session_state[UNSAVED_STACK], []
    if stack:
        store_stack(page, stack)


def offer_retry(page: CapturePage) -> None:
    """The photos the database refused, with "Try again"; nothing reruns until it is tapped."""
    _ = page.ctx.translate
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
        store_unsaved(page)
        st.rerun()
