"""The queue page's session keys, its flash message, and closing the composer."""

from __future__ import annotations

import hashlib

import streamlit as st

OPEN = "queue.open_id"  # the follow-up whose composer is shown
FLASH = "queue.flash"


def short_hash(text: str) -> str:
    """A short, stable stand-in for a text in a widget key."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def flash(kind: str, message: str) -> None:
    st.session_state[FLASH] = (kind, message)


def close() -> None:
    st.session_state[OPEN] = None
    st.rerun()
