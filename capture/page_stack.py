"""A stack of cards at once: many photos stored in one go, then read in the background one
after another with a progress display; they wait in the inbox, oldest first."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from capture import intake
from capture.page_state import (
    REPORT,
    STACK_ROUND,
    STACKS,
    UNSAVED_STACK,
    UNSAVED_WHY,
    CapturePage,
)
from capture.page_texts import stack_problem
from capture.stack_reader import StackFile, StackProgress, StackReader
from storage.db import is_storage_full

PROGRESS_EVERY_S = 2.0
StackPhoto = tuple[bytes, str, str]  # the photo, its type, the name of its file


@st.cache_resource(show_spinner=False)
def stack_reader() -> StackReader:
    """The process's one background reader: one card at a time, whichever session sent it."""
    return StackReader()


def store_stack(page: CapturePage, photos: Sequence[StackPhoto]) -> bool:
    """Store every photo in its order, then hand the stored ones to the background reader.

    From the first photo the database refuses on, the rest wait in the session for "Try
    again" (False).
    """
    ctx = page.ctx
    stored: list[StackFile] = []
    for n, (photo, photo_type, name) in enumerate(photos):
        try:
            capture_id = intake.store_photo(
                ctx.database,
                ctx.owner_id,
                event_id=page.event_id,
                photo=photo,
                photo_type=photo_type,
            )
        except SQLAlchemyError as error:
            st.session_state[UNSAVED_STACK] = [*st.session_state[UNSAVED_STACK], *photos[n:]]
            st.session_state[UNSAVED_WHY] = (
                "store_full" if is_storage_full(error) else "store_failed"
            )
            break
        stored.append(StackFile(capture_id, name))
    if stored:
        stack_id = stack_reader().submit(
            ctx.database, ctx.owner_id, stored, ctx.settings, page.neural
        )
        st.session_state[STACKS] = [*st.session_state[STACKS], stack_id]
    return len(stored) == len(photos)


def stack_picker(page: CapturePage) -> bool:
    """The several-photos picker; False when the database refused a photo (kept for retry)."""
    _ = page.ctx.translate
    files = st.file_uploader(
        _("Several photos at once"),
        type=list(intake.PHOTO_TYPES),
        accept_multiple_files=True,
        help=_(
            "For a stack of cards: each photo is saved at once, then read in the background; "
            "they wait in your inbox, oldest first."
        ),
        key=f"capture.stack_upload.{st.session_state[STACK_ROUND]}",
    )
    if not files:
        return True
    st.session_state[STACK_ROUND] += 1  # an empty picker next: each file is stored once
    if store_stack(page, [(f.getvalue(), f.type or "", f.name) for f in files]):
        st.rerun()
    return False


def stack_progress(page: CapturePage) -> None:
    """ "Reading 3 of 10" while this session's stacks are read; what was refused after."""
    if st.session_state[STACKS]:
        _progress(page)


@st.fragment(run_every=PROGRESS_EVERY_S)
def _progress(page: CapturePage) -> None:
    _ = page.ctx.translate
    reader = stack_reader()
    # A stack this process does not know was cut short by a restart: its captures wait in
    # the inbox, each read when it is opened.
    known = [p for p in map(reader.progress, st.session_state[STACKS]) if p is not None]
    if any(not p.finished for p in known):
        total, done = sum(p.total for p in known), sum(p.done for p in known)
        st.progress(
            done / total,
            text=_("Reading {number} of {count}", number=min(done + 1, total), count=total),
        )
        st.caption(_("The photos are saved; you can go on meanwhile, even close this page."))
        return
    st.session_state[STACKS] = []
    st.session_state[REPORT] = _finished(page, known)
    st.rerun()


def _finished(page: CapturePage, stacks: list[StackProgress]) -> list[tuple[str, str]]:
    """What the page says once the stacks are read: each refused file, then the count."""
    _ = page.ctx.translate
    report = [("warning", stack_problem(_, r.name, r.code)) for p in stacks for r in p.refused]
    waiting = sum(p.total - len(p.refused) for p in stacks)
    if waiting:
        report.append(
            (
                "success",
                _.plural(
                    "{count} card was read and waits in your inbox.",
                    "{count} cards were read and wait in your inbox, oldest first.",
                    waiting,
                ),
            )
        )
    return report
