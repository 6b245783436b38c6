"""Follow-ups due, and the composer (issue 6 builds them)."""

from __future__ import annotations

import streamlit as st

from storage.context import CONTEXT_KEY, AppContext
from storage.texts import Texts

TEXT = Texts(
    {
        "title": {"en": "Follow-ups", "de": "Nachfassen"},
        "coming": {
            "en": "Personal follow-ups (card, e-mail, call) arrive with the next release.",
            "de": "Persönliches Nachfassen (Karte, E-Mail, Anruf) kommt mit der nächsten Version.",
        },
    }
)
ctx: AppContext = st.session_state[CONTEXT_KEY]
st.title(TEXT(ctx.language, "title"))
st.info(TEXT(ctx.language, "coming"))
