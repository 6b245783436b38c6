"""Contacts: search, one contact's detail and history, edit, delete, vCard and CSV."""

from __future__ import annotations

import streamlit as st

from followup import contacts_page_parts as parts
from followup.contacts_page_texts import TEXT
from followup.triage_page_state import forget_undo
from storage.context import CONTEXT_KEY, AppContext

ctx: AppContext = st.session_state[CONTEXT_KEY]
parts.init_state()
forget_undo()  # triage is left: what it held for undo is let go

st.title(TEXT(ctx.language, "title"))
parts.show_flash()
opened = st.session_state[parts.OPEN]
if opened is None:
    parts.contact_list(ctx)
    parts.export_all(ctx)
    parts.import_vcards(ctx)
else:
    parts.contact_detail(ctx, opened)
