"""The queue page's session keys, its flash message, closing the composer, shared labels."""

from __future__ import annotations

import hashlib

import streamlit as st

from capture.translation import N_
from followup.model import AddressForm, Channel

OPEN = "queue.open_id"  # the follow-up whose composer is shown
FLASH = "queue.flash"

CHANNEL_LABELS = {Channel.CARD: N_("Card"), Channel.EMAIL: N_("E-mail"), Channel.CALL: N_("Call")}
# The German forms of address are German words in every language.
FORM_NAMES = {AddressForm.SIE: "Sie", AddressForm.DU: "du"}


def short_hash(text: str) -> str:
    """A short, stable stand-in for a text in a widget key."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def flash(kind: str, message: str) -> None:
    st.session_state[FLASH] = (kind, message)


def close() -> None:
    st.session_state[OPEN] = None
    st.rerun()
