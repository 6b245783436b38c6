"""Contacts: search, one contact's detail and history, edit, delete, vCard and CSV."""

from __future__ import annotations

import streamlit as st

from capture.page_context import CONTEXT_KEY, AppContext
from followup import contacts_page_parts as parts
from followup.triage_page_state import forget_undo

ctx: AppContext = st.session_state[CONTEXT_KEY]
_ = ctx.translate
parts.init_state()
forget_undo()  # triage is left: what it held for undo is let go

st.title(_("Contacts"))
parts.show_flash()
opened = st.session_state[parts.OPEN]
if opened is None:
    parts.contact_list(ctx)
    parts.export_all(ctx)
    parts.import_vcards(ctx)
else:
    parts.contact_detail(ctx, opened)
