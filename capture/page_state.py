"""The capture page's session keys, and what every piece of the page is handed."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from capture.neural_ocr import NeuralEngine
from capture.page_context import AppContext
from capture.translation import Translator
from storage.records import ContactRecord

ACTIVE = "capture.active_id"  # the capture being answered
ROUND = "capture.round"  # bumps after each save: a fresh file picker for the next card
SEEN = "capture.seen_upload"  # the upload already stored, so a rerun does not store it twice
UNSAVED = "capture.unsaved_photos"  # photos the database refused, kept for "Try again"
UNSAVED_STACK = "capture.unsaved_stack"  # (photo, type, file name) of a stack, the same
UNSAVED_WHY = "capture.unsaved_reason"  # "store_full" when the disk is full, else "store_failed"
FLASH = "capture.flash"  # (kind, sentence) shown once, after the rerun
REPORT = "capture.report"  # more (kind, sentence) pairs shown once: a stack's refused files
RETAKE = "capture.retake_id"  # the capture whose photo is being taken again
STACKS = "capture.stacks"  # ids of the stacks this session handed to the background reader
KNOWN = "capture.known"  # form key -> the contact its typed details turned out to match
STACK_ROUND = "capture.stack_round"  # bumps after a stack is stored: an empty picker again

DEFAULTS: dict[str, object] = {
    ACTIVE: None,
    ROUND: 0,
    SEEN: None,
    UNSAVED: [],
    UNSAVED_STACK: [],
    UNSAVED_WHY: "store_failed",
    FLASH: None,
    REPORT: [],
    RETAKE: None,
    STACKS: [],
    STACK_ROUND: 0,
}


def set_defaults() -> None:
    for name, default in DEFAULTS.items():
        st.session_state.setdefault(name, list(default) if isinstance(default, list) else default)


@dataclass(frozen=True)
class CapturePage:
    """The request's context, the card reader of this process, and tonight's event."""

    ctx: AppContext
    neural: NeuralEngine | None
    event_id: int


def flash(kind: str, message: str) -> None:
    """A sentence for the next run of the page ("success", "info", "warning" or "error")."""
    st.session_state[FLASH] = (kind, message)


def gone(_: Translator) -> str:
    """Another session (or tab) answered or discarded this capture first."""
    return _("This capture was already answered or discarded elsewhere.")


def close(capture_id: int) -> None:
    """The capture is no longer answered or retaken on this page."""
    if st.session_state[ACTIVE] == capture_id:
        st.session_state[ACTIVE] = None
    if st.session_state[RETAKE] == capture_id:
        st.session_state[RETAKE] = None


def known_contact(form_key: str) -> ContactRecord | None:
    """The known contact a form's details matched when it was saved, to offer the meeting."""
    found: ContactRecord | None = st.session_state.get(KNOWN, {}).get(form_key)
    return found


def remember_known(form_key: str, contact: ContactRecord) -> None:
    st.session_state[KNOWN] = {**st.session_state.get(KNOWN, {}), form_key: contact}
