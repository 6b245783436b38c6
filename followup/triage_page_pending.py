"""Captures still pending in triage: each can be discarded for good or photographed again."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from capture import intake, pending
from capture.neural_ocr import NeuralEngine, shared_engine
from capture.page_context import AppContext
from capture.page_texts import photo_problem
from capture.translation import N_, Translator
from followup import triage_service as service
from followup.triage_page_actions import drop_capture
from followup.triage_page_parts import card_image
from followup.triage_page_state import FLASH, RETAKE_ROUND
from storage.kinds import ScanStatus
from storage.records import ContactRecord

LISTED = 20  # unreadable photos listed at once; the next ones follow as these go
THUMBNAIL_WIDTH = 160
# Why nothing was read from a photo, by its scan status.
WHY = {
    ScanStatus.PENDING: N_("Not read yet."),
    ScanStatus.FAILED: N_("It could not be read."),
    ScanStatus.READ: N_("No name, company, e-mail or phone was found on it."),
}
GONE = N_("This capture was already answered or discarded elsewhere.")


def _reader(ctx: AppContext) -> NeuralEngine | None:
    """The process's PP-OCRv6 engine (loaded once), or None where Tesseract reads."""
    return shared_engine() if ctx.settings.ocr_engine != "tesseract" else None


def _retaken(ctx: AppContext, capture: ContactRecord, photo: bytes, photo_type: str) -> None:
    """Store the new photo first, then read it (a file the decoder refuses is not kept, the
    capture with it: capture.pending); what happened is said after the rerun."""
    _, db, owner = ctx.translate, ctx.database, ctx.owner_id
    try:
        intake.replace_photo(db, owner, capture.id, photo=photo, photo_type=photo_type)
    except LookupError:
        st.session_state[FLASH] = ("error", _(GONE))
        return
    with st.spinner(_("Reading the card…")):
        outcome = pending.read_or_discard(db, owner, capture.id, photo, ctx.settings, _reader(ctx))
    if outcome.error_code:
        problem = photo_problem(_, outcome.error_code, kept=not outcome.discarded)
        st.session_state[FLASH] = ("warning", problem)
    else:
        st.session_state[FLASH] = ("success", _("The new photo is stored and read."))


def retake(ctx: AppContext, capture: ContactRecord) -> None:
    """The photo as it is, and a file picker (the camera on a phone) for a new one."""
    _ = ctx.translate
    card_image(_, service.load_card(ctx.database, ctx.owner_id, capture.id), width=THUMBNAIL_WIDTH)
    upload = st.file_uploader(
        _("New photo of the card"),
        type=list(intake.PHOTO_TYPES),
        help=_("It replaces the old photo and is read again."),
        key=f"triage.retake_photo.{capture.id}.{st.session_state[RETAKE_ROUND]}",
    )
    if upload is None:
        return
    try:
        _retaken(ctx, capture, upload.getvalue(), upload.type or "")
    except SQLAlchemyError:
        st.error(_("That could not be saved just now; nothing is lost. Try again."))
        return
    st.session_state[RETAKE_ROUND] += 1  # a fresh picker: the same file is not taken twice
    st.rerun()


def capture_actions(ctx: AppContext, capture: ContactRecord, *, flagged: bool = False) -> None:
    """Discard (first and highlighted as "Discard now" when flagged) and Retake."""
    _ = ctx.translate
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.button(
            _("Discard now") if flagged else _("Discard"),
            key=f"triage.drop.{capture.id}",
            type="primary" if flagged else "secondary",
            icon=":material/delete:",
            on_click=drop_capture,
            args=(ctx, capture.id),
            help=_("Deletes this capture and its photo for good; no rating or note needed."),
        )
        again = st.toggle(
            _("Retake"),
            key=f"triage.retake.{capture.id}.{st.session_state[RETAKE_ROUND]}",
        )
    if again:
        retake(ctx, capture)


def _label(_: Translator, capture: ContactRecord) -> str:
    taken = _("Photo from {time}.", time=_.moment(capture.created_at, year=False))
    why = WHY.get(capture.scan_status)
    return f"{taken} {_(why)}" if why else taken


def unreadable(ctx: AppContext, captures: list[ContactRecord]) -> None:
    """Photos nothing was read from, listed apart and compactly: they never block triage."""
    if not captures:
        return
    _ = ctx.translate
    label = _.plural(
        "{count} photo without a readable card",
        "{count} photos without a readable card",
        len(captures),
    )
    with st.expander(label, icon=":material/hide_image:"):
        st.caption(
            _("They do not hold up triage. Discard each for good, or photograph the card again.")
        )
        for capture in captures[:LISTED]:
            with st.container(border=True, key=f"triage.unread.{capture.id}", gap="small"):
                st.caption(_label(_, capture))
                capture_actions(ctx, capture)
        if len(captures) > LISTED:
            st.caption(_("{count} more follow as these go.", count=len(captures) - LISTED))
