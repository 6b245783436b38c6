"""The contacts page's session keys, its flash message, and which contact or page is open."""

from __future__ import annotations

import streamlit as st

OPEN = "contacts.open_id"
PAGE = "contacts.page"
FLASH = "contacts.flash"
CONFIRM_DELETE = "contacts.confirm_delete"
IMPORT_ROUND = "contacts.import_round"
KNOWN = "contacts.known"  # contact id -> the known contact its edited details matched


def init_state() -> None:
    for name, default in (
        (OPEN, None),
        (PAGE, 0),
        (FLASH, None),
        (CONFIRM_DELETE, False),
        (IMPORT_ROUND, 0),
    ):
        st.session_state.setdefault(name, default)


def show_flash() -> None:
    if st.session_state[FLASH]:
        kind, message = st.session_state[FLASH]
        getattr(st, kind)(message)
        st.session_state[FLASH] = None


def open_contact(contact_id: int | None) -> None:
    """A callback: show this contact (None: the list), its delete not yet confirmed."""
    st.session_state[OPEN] = contact_id
    st.session_state[CONFIRM_DELETE] = False


def go_to_page(page: int) -> None:
    st.session_state[PAGE] = page
