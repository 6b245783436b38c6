"""The capture page's inbox: every capture still waiting, oldest first, each to be answered,
retaken or discarded; a card on the no-thanks list flagged, with "Discard now" first."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from capture import pending
from capture.page_pending import capture_label, discard_button, no_thanks_flag, retake_button
from capture.page_photo import retake
from capture.page_stack import stack_reader
from capture.page_state import ACTIVE, RETAKE, CapturePage
from capture.translation import Translator
from storage.kinds import ScanStatus
from storage.records import ContactRecord


def _status(_: Translator, record: ContactRecord, held: bool) -> str:
    """Why a capture holds no fields yet, if it does not."""
    if held:
        return _("Being read…")
    if record.scan_status is ScanStatus.PENDING:
        return _("Not read yet: it is read when you open it.")
    if record.scan_status is ScanStatus.FAILED:
        return _("Could not be read: type the details, retake or discard it.")
    return ""


def _row(page: CapturePage, item: pending.PendingCapture, held: bool) -> None:
    _ = page.ctx.translate
    record, hit = item.record, item.no_thanks
    with st.container(border=True):
        st.text(capture_label(_, record))
        if status := _status(_, record, held):
            st.caption(status)
        if hit is not None:
            st.error(no_thanks_flag(_, hit))
        with st.container(horizontal=True):
            if hit is not None:
                discard_button(page, record, f"capture.discard.{record.id}", now=True)
            if not held:  # a capture being read opens once it is read
                if st.button(_("Answer"), key=f"capture.open.{record.id}"):
                    st.session_state[ACTIVE] = record.id
                    st.session_state[RETAKE] = None
                    st.rerun()
                retake_button(page, record.id, f"capture.retake.{record.id}")
            if hit is None:
                discard_button(page, record, f"capture.discard.{record.id}")
        if not held and st.session_state[RETAKE] == record.id:
            retake(page, record.id)


def inbox(page: CapturePage) -> None:
    ctx = page.ctx
    _ = ctx.translate
    try:
        waiting = pending.inbox_with_flags(ctx.database, ctx.owner_id)
    except SQLAlchemyError:  # the database is away; what failed above already says so
        return
    waiting = [w for w in waiting if w.record.id != st.session_state[ACTIVE]]
    if not waiting:
        return
    reader = stack_reader()
    open_now = any(
        w.no_thanks is not None or w.record.id == st.session_state[RETAKE] for w in waiting
    )
    with st.expander(_("Inbox ({count})", count=len(waiting)), expanded=open_now):
        st.caption(
            _("Captures waiting for your two answers. They stay until you answer or discard them.")
        )
        for item in waiting:
            _row(page, item, reader.holds(ctx.owner_id, item.record.id))
