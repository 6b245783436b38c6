"""Next morning: decide who was real (issue 5 builds the decisions)."""

from __future__ import annotations

import streamlit as st

from storage.context import CONTEXT_KEY, AppContext
from storage.texts import Texts

TEXT = Texts(
    {
        "title": {"en": "Triage", "de": "Sichten"},
        "coming": {
            "en": "The morning triage (follow up, keep, discard) arrives with the next release.",
            "de": "Das Sichten am Morgen (nachfassen, behalten, verwerfen) kommt mit der "
            "nächsten Version.",
        },
    }
)
ctx: AppContext = st.session_state[CONTEXT_KEY]
st.title(TEXT(ctx.language, "title"))
st.info(TEXT(ctx.language, "coming"))
