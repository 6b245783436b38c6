"""At the event: photograph a card (or a stack of them), answer "Did it click?" and a
personal note, save. Every capture still waiting can be answered, retaken or discarded."""

from __future__ import annotations

import streamlit as st

from capture import event_service, intake
from capture.event_choice import current_event, event_label, user_today
from capture.neural_ocr import NeuralEngine, shared_engine
from capture.page_context import CONTEXT_KEY, AppContext
from capture.page_current import answer_capture, save
from capture.page_form import contact_form, known_warning
from capture.page_inbox import inbox
from capture.page_photo import offer_retry, take_photo
from capture.page_stack import stack_picker, stack_progress
from capture.page_state import (
    ACTIVE,
    FLASH,
    REPORT,
    ROUND,
    SEEN,
    UNSAVED,
    UNSAVED_STACK,
    CapturePage,
    known_contact,
    set_defaults,
)
from capture.translation import inert
from storage.records import ContactDetails

ctx: AppContext = st.session_state[CONTEXT_KEY]
_ = ctx.translate
set_defaults()


@st.cache_resource(show_spinner=False)
def card_reader() -> NeuralEngine | None:
    """PP-OCRv6, loaded once per server process; None where only Tesseract can read."""
    return shared_engine()


# Loaded as the page opens, so the first card of the evening does not wait for the models.
neural = card_reader() if ctx.settings.ocr_engine != "tesseract" else None


def show_once() -> None:
    """The sentences left by the last run: what was saved, discarded or refused."""
    said = [st.session_state[FLASH]] if st.session_state[FLASH] else []
    for kind, message in [*said, *st.session_state[REPORT]]:
        getattr(st, kind)(message)
    st.session_state[FLASH] = None
    st.session_state[REPORT] = []


def pickers(page: CapturePage, retry_offered: bool) -> None:
    """One photo (file picker or in-page camera), several at once, or a name typed by hand."""
    round_no = st.session_state[ROUND]
    upload = st.file_uploader(
        _("Photograph the card"),
        type=list(intake.PHOTO_TYPES),
        help=_("On a phone this opens the camera at full resolution."),
        key=f"capture.upload.{round_no}",
    )
    if st.toggle(_("Use the in-page camera"), key=f"capture.use_camera.{round_no}"):
        upload = st.camera_input(_("Card"), key=f"capture.camera.{round_no}") or upload
    refused = False
    if upload is not None and upload.file_id != st.session_state[SEEN]:
        st.session_state[SEEN] = upload.file_id
        if take_photo(page, upload.getvalue(), upload.type or ""):
            st.rerun()
        refused = True  # no rerun: it would meet the same outage
    refused = not stack_picker(page) or refused
    if refused and not retry_offered:
        offer_retry(page)
    typed_key = f"capture.typed.{round_no}"
    known = known_contact(typed_key)
    with st.expander(_("No card? Type the name"), expanded=known is not None):
        if known is not None:
            known_warning(_, known)
        typed = contact_form(typed_key, _, ContactDetails(), {}, known)
        if typed is not None:
            save(page, typed, None, known.id if known else None, typed_key)


st.title(_("Capture"))
recent = event_service.recent_events(ctx.database, ctx.owner_id)
event = current_event(recent, user_today(_))
if event is None:
    st.warning(_("Choose tonight's event first."))
    if st.button(_("Change event"), type="primary"):
        st.switch_page("capture/event_page.py")
    st.stop()

page = CapturePage(ctx, neural, event.id)
st.markdown(_("At **{event}**", event=inert(event_label(_, event))))
show_once()
retry_offered = bool(st.session_state[UNSAVED] or st.session_state[UNSAVED_STACK])
if retry_offered:
    offer_retry(page)
stack_progress(page)
active = st.session_state[ACTIVE]
if active is None:
    pickers(page, retry_offered)
else:
    answer_capture(page, active)
inbox(page)
