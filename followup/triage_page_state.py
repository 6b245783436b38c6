"""The triage page's session keys, its flash message, and the undo steps it holds."""

from __future__ import annotations

import streamlit as st

UNDO = "triage.undo"  # list of UndoStep, newest last: in this session's memory only
FLASH = "triage.flash"
CONFIRM = "triage.confirm_bulk"
POSITION = "triage.position"  # which of the contacts to go through is on screen
RETAKE_ROUND = "triage.retake_round"  # bumps after a retaken photo: a fresh file picker
KNOWN = "triage.known"  # form key -> the known contact its typed details turned out to match
MAX_UNDO = 20  # the oldest steps (and any data a discard holds) are let go beyond this


def init_state() -> None:
    for name, default in (
        (UNDO, []),
        (FLASH, None),
        (CONFIRM, False),
        (POSITION, 0),
        (RETAKE_ROUND, 0),
    ):
        st.session_state.setdefault(name, default)


def forget_undo() -> None:
    """Leaving triage ends its session: discarded data held for undo is let go."""
    st.session_state[UNDO] = []


def show_flash() -> None:
    if st.session_state.get(FLASH):
        kind, message = st.session_state[FLASH]
        getattr(st, kind)(message)
        st.session_state[FLASH] = None
