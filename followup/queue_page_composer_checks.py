"""The composer's check findings, each with a deliberate override, and marking it ready."""

from __future__ import annotations

import streamlit as st

from followup import compose_ready_service as ready_service
from followup.compose_service import Composer
from followup.queue_page_state import short_hash
from followup.queue_page_texts import TEXT
from storage.context import AppContext
from storage.texts import inert


def checks(ctx: AppContext, composer: Composer) -> bool:
    """Each finding with its phrase and a deliberate override; True once the text is ready."""
    lang, fid = ctx.language, composer.follow_up.id
    st.markdown(f"**{TEXT(lang, 'checks')}**")
    if not composer.findings:
        st.success(TEXT(lang, "no_findings"))
    kept: set[str] = set()
    for finding in composer.findings:
        st.warning(inert(finding.message))
        if st.checkbox(
            TEXT(lang, "keep"),
            value=finding.key in composer.review.overridden,
            key=f"queue.keep.{fid}.{short_hash(finding.key)}",
        ):
            kept.add(finding.key)
    still_open = [f for f in composer.findings if f.key not in kept]
    if composer.review.ready and still_open:
        ready_service.withdraw_ready(ctx.database, ctx.owner_id, fid, kept=kept)
    ready = composer.review.ready and not still_open
    if ready:
        st.success(TEXT(lang, "is_ready"))
        return True
    if still_open:
        st.caption(TEXT(lang, "not_ready"))
    if st.button(
        TEXT(lang, "mark_ready"),
        type="primary",
        disabled=bool(still_open),
        key=f"queue.ready.{fid}",
        width="stretch",
    ):
        try:
            ready_service.mark_ready(
                ctx.database,
                ctx.owner_id,
                fid,
                overridden=kept,
                ui_language=lang,
                my_name=ctx.owner_name,
            )
        except ready_service.NotReadyError:
            st.error(TEXT(lang, "not_ready"))
            return False
        st.rerun()
    return False
