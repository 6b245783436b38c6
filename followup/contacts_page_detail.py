"""One contact on the contacts page: its facts, meetings and history, vCard, edit, delete."""

from __future__ import annotations

import functools
import re

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from capture import intake
from capture.page_form import contact_form
from followup import contact_service as service
from followup.contacts_page_state import CONFIRM_DELETE, FLASH, open_contact
from followup.contacts_page_texts import TEXT
from followup.triage_page_parts import card_image
from storage import contacts
from storage.context import AppContext
from storage.kinds import FollowUpStatus, Rating
from storage.records import ContactAnswers, ContactRecord
from storage.texts import inert


def _file_name(name: str, suffix: str) -> str:
    stem = re.sub(r"[^\w.-]+", "_", name, flags=re.UNICODE).strip("_") or "contact"
    return f"{stem[:60]}.{suffix}"


def _facts(lang: str, view: service.ContactView) -> None:
    contact = view.contact
    details = contact.details
    st.subheader(inert(contact.display_name))
    line = " · ".join(inert(v) for v in (details.title, details.company) if v)
    if line:
        st.caption(line)
    for value in (*details.emails, *details.phones, *details.websites):
        st.text(value)
    if details.address:
        st.text(details.address)
    flags = TEXT(lang, "rating", rating=TEXT(lang, contact.rating.value) if contact.rating else "?")
    if contact.is_pitch:
        flags += f" · {TEXT(lang, 'pitch')}"
    st.markdown(flags)
    st.caption(TEXT(lang, "note"))
    st.text(contact.note)
    for key, value in (("need", contact.they_need), ("offer", contact.i_offer)):
        if value:
            st.caption(f"{TEXT(lang, key)}: {inert(value)}")
    card_image(lang, view.card)


def _history(lang: str, view: service.ContactView) -> None:
    st.markdown(f"**{TEXT(lang, 'met')}**")
    for number, meeting in enumerate(view.meetings):
        note = meeting.note if number else ""  # the first is the capture: its note is above
        where = (
            f"{meeting.event_name} ({meeting.event_date:%d.%m.%Y})"
            if meeting.event_name and meeting.event_date
            else f"{TEXT(lang, 'met_without_event')} ({meeting.met_at:%d.%m.%Y})"
        )
        st.text(f"{where}: {note}" if note else where)
    st.markdown(f"**{TEXT(lang, 'history')}**")
    if not view.follow_ups:
        st.caption(TEXT(lang, "no_history"))
    for follow_up in view.follow_ups:
        if follow_up.status is FollowUpStatus.DONE and follow_up.done_on:
            line = TEXT(
                lang, "follow_up_done", channel=follow_up.channel.value, done=follow_up.done_on
            )
        else:
            due = f"{follow_up.due_at.astimezone():%d.%m.%Y %H:%M}"
            line = TEXT(lang, "follow_up_queued", channel=follow_up.channel.value, due=due)
        st.text(f"{line}: {follow_up.subject}" if follow_up.subject else line)


def _edit(ctx: AppContext, contact: ContactRecord) -> None:
    """The capture page's own form, prefilled: the same fields and the same two questions."""
    lang = ctx.language
    with st.expander(TEXT(lang, "edit")):
        entry = contact_form(
            f"contacts.edit.{contact.id}",
            lang,
            contact.details,
            {},
            answers=ContactAnswers(
                rating=contact.rating or Rating.NOT_SURE,
                note=contact.note,
                they_need=contact.they_need,
                i_offer=contact.i_offer,
                is_pitch=contact.is_pitch,
            ),
        )
    if entry is None:
        return
    try:
        answers = entry.checked_answers(lang)
    except intake.AnswerError as refusal:
        st.error(str(refusal))
        return
    try:
        saved = service.save(
            ctx.database, ctx.owner_id, contact.id, details=entry.details, answers=answers
        )
    except (SQLAlchemyError, contacts.ContactError, LookupError):
        st.error(TEXT(lang, "save_failed"))
        return
    st.session_state[FLASH] = ("success", TEXT(lang, "saved", name=inert(saved.display_name)))
    st.rerun()


def _delete(ctx: AppContext, contact: ContactRecord) -> None:
    lang = ctx.language
    if not st.session_state[CONFIRM_DELETE]:
        if st.button(
            TEXT(lang, "delete"),
            key="contacts.delete",
            icon=":material/delete:",
            help=TEXT(lang, "delete_help"),
        ):
            st.session_state[CONFIRM_DELETE] = True
            st.rerun()
        return
    st.warning(TEXT(lang, "delete_confirm", name=inert(contact.display_name)))
    with st.container(horizontal=True):
        yes = st.button(TEXT(lang, "delete_yes"), key="contacts.delete_yes", type="primary")
        st.button(
            TEXT(lang, "cancel"),
            key="contacts.delete_cancel",
            on_click=open_contact,
            args=(contact.id,),
        )
    if yes:
        try:
            service.delete(ctx.database, ctx.owner_id, contact.id)
        except (SQLAlchemyError, LookupError):
            st.error(TEXT(lang, "save_failed"))
            return
        open_contact(None)
        st.session_state[FLASH] = (
            "success",
            TEXT(lang, "deleted", name=inert(contact.display_name)),
        )
        st.rerun()


def contact_detail(ctx: AppContext, contact_id: int) -> None:
    lang = ctx.language
    st.button(
        TEXT(lang, "back"),
        key="contacts.back",
        icon=":material/arrow_back:",
        on_click=open_contact,
        args=(None,),
    )
    view = service.view(ctx.database, ctx.owner_id, contact_id)
    if view is None:
        st.warning(TEXT(lang, "gone"))
        return
    _facts(lang, view)
    _history(lang, view)
    st.download_button(
        TEXT(lang, "export_one"),
        functools.partial(
            service.vcard_of, ctx.database, ctx.owner_id, contact_id, ctx.settings.region
        ),
        file_name=_file_name(view.contact.display_name, "vcf"),
        mime="text/vcard",
        key="contacts.export_one",
        icon=":material/contact_page:",
        on_click="ignore",
    )
    _edit(ctx, view.contact)
    _delete(ctx, view.contact)
