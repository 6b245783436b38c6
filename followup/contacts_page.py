"""Contacts: search, detail, export (issue 5 builds them)."""

from __future__ import annotations

import streamlit as st

from storage.context import CONTEXT_KEY, AppContext
from storage.texts import Texts

TEXT = Texts(
    {
        "title": {"en": "Contacts", "de": "Kontakte"},
        "coming": {
            "en": "Search, detail and vCard export of contacts arrive with the next release.",
            "de": "Suche, Detailansicht und vCard-Export kommen mit der nächsten Version.",
        },
    }
)
ctx: AppContext = st.session_state[CONTEXT_KEY]
st.title(TEXT(ctx.language, "title"))
st.info(TEXT(ctx.language, "coming"))
