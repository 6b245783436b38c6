"""The account's language, remembered for this session once read (app.py and the account page).

app.py reads the account's choice from the database once per session and keeps it here, so a
rerun costs no query; the account page replaces it when the user chooses another language.
Kept with the owner it belongs to: a new login in the same browser reads its own.
"""

from __future__ import annotations

import streamlit as st

LANGUAGE = "app.account_language"  # (owner id, the account's language; "" = the browser's)


def remembered_language(owner_id: int) -> str | None:
    """The language this session knows for the owner, or None when not read yet."""
    known = st.session_state.get(LANGUAGE)
    return known[1] if known is not None and known[0] == owner_id else None


def remember_language(owner_id: int, language: str) -> None:
    st.session_state[LANGUAGE] = (owner_id, language)
