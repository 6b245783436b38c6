"""One contact on the contacts page: its facts, meetings and history, vCard, edit, delete."""

from __future__ import annotations

import functools
import re

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from capture.contact_links import contact_links
from capture.page_context import AppContext
from capture.page_form import contact_form, save_answered_form
from capture.translation import N_, Translator, inert
from followup import contact_service as service
from followup.contacts_page_state import CONFIRM_DELETE, FLASH, KNOWN, open_contact
from followup.queue_page_state import CHANNEL_LABELS
from followup.triage_page_parts import card_image
from storage.contact_queries import MeetingRecord
from storage.kinds import FollowUpStatus, Rating
from storage.records import ContactAnswers, ContactDetails, ContactRecord

# How the answer to "Did it click?" reads.
RATING_NAMES = {Rating.YES: N_("Yes"), Rating.NOT_SURE: N_("Not sure"), Rating.NO: N_("No")}


def _file_name(name: str, suffix: str) -> str:
    stem = re.sub(r"[^\w.-]+", "_", name, flags=re.UNICODE).strip("_") or "contact"
    return f"{stem[:60]}.{suffix}"


def _facts(_: Translator, view: service.ContactView, region: str) -> None:
    contact = view.contact
    details = contact.details
    st.subheader(inert(contact.display_name))
    line = " · ".join(inert(v) for v in (details.title, details.company) if v)
    if line:
        st.caption(line)
    # Phones read as people dial them in the user's region; a tap calls or writes.
    for link in contact_links(details, region):
        st.markdown(link)
    for website in details.websites:
        st.text(website)
    if details.address:
        st.text(details.address)
    rating = _(RATING_NAMES[contact.rating]) if contact.rating else "?"
    flags = _("Did it click? **{rating}**", rating=rating)
    if contact.is_pitch:
        flags += f" · {_('They only pitched')}"
    st.markdown(flags)
    st.caption(_("Personal note"))
    st.text(contact.note)
    for label, value in ((_("They need"), contact.they_need), (_("I can offer"), contact.i_offer)):
        if value:
            st.caption(f"{label}: {inert(value)}")
    card_image(_, view.card)


def _meeting(_: Translator, meeting: MeetingRecord, first: bool) -> None:
    """One meeting of the timeline: where and when, and what the user answered there."""
    when = meeting.event_date or meeting.met_at
    where = meeting.event_name or _("without an event")
    st.markdown(f"**{inert(_.day(when))}** · {inert(where)}")
    answers = []
    if meeting.rating is not None and not first:  # the first one's answers are shown above
        answers.append(_("Did it click? {rating}", rating=_(RATING_NAMES[meeting.rating])))
    if meeting.note and not first:
        answers.append(meeting.note)
    for label, value in ((_("They need"), meeting.they_need), (_("I can offer"), meeting.i_offer)):
        if value and not first:
            answers.append(f"{label}: {value}")
    for line in answers:
        st.text(line)


def _history(_: Translator, view: service.ContactView) -> None:
    st.markdown(f"**{_('Where you met')}**")
    for number, meeting in enumerate(view.meetings):
        with st.container(border=True):
            _meeting(_, meeting, first=number == 0)
    st.markdown(f"**{_('Follow-ups')}**")
    if not view.follow_ups:
        st.caption(_("No follow-ups yet."))
    for follow_up in view.follow_ups:
        channel = _(CHANNEL_LABELS[follow_up.channel])
        if follow_up.status is FollowUpStatus.DONE and follow_up.done_on:
            line = _("{channel}, done {done}", channel=channel, done=_.day(follow_up.done_on))
        else:
            line = _("{channel}, due {due}", channel=channel, due=_.moment(follow_up.due_at))
        st.text(f"{line}: {follow_up.subject}" if follow_up.subject else line)


def _edit(ctx: AppContext, contact: ContactRecord) -> None:
    """The capture page's own form, prefilled: the same fields and the same two questions.

    Details that are someone else's too (the one duplicate rule) offer "Add this meeting to
    …", which makes this contact a meeting of the other.
    """
    _, key = ctx.translate, f"contacts.edit.{contact.id}"
    offered = st.session_state.get(KNOWN, {}).get(contact.id)
    known = offered or _first_duplicate(ctx, contact.id, contact.details)
    with st.expander(_("Edit"), expanded=offered is not None):
        if known is not None:
            st.warning(
                _("This is also a contact you have: **{name}**.", name=inert(known.display_name))
            )
        entry = contact_form(key, _, contact.details, {}, known, answers=_answers_of(contact))
    if entry is None:
        return
    if known is None and (again := _first_duplicate(ctx, contact.id, entry.details)):
        st.session_state[KNOWN] = {contact.id: again}  # offer the meeting first, as capture does
        st.rerun()
    st.session_state.pop(KNOWN, None)
    into = known.id if known is not None and entry.add_to_existing else None
    if into is not None:
        open_contact(into)
    save_answered_form(
        _,
        entry,
        lambda details, answers: service.save(
            ctx.database,
            ctx.owner_id,
            contact.id,
            details=details,
            answers=answers,
            merge_into_id=into,
        ),
        FLASH,
    )
    open_contact(contact.id)  # the save did not go through: stay on this contact


def _first_duplicate(
    ctx: AppContext, contact_id: int, details: ContactDetails
) -> ContactRecord | None:
    found = service.duplicates_of(ctx.database, ctx.owner_id, details, exclude_id=contact_id)
    return found[0] if found else None


def _answers_of(contact: ContactRecord) -> ContactAnswers:
    return ContactAnswers(
        rating=contact.rating or Rating.NOT_SURE,
        note=contact.note,
        they_need=contact.they_need,
        i_offer=contact.i_offer,
        is_pitch=contact.is_pitch,
    )


def _delete(ctx: AppContext, contact: ContactRecord) -> None:
    _ = ctx.translate
    if not st.session_state[CONFIRM_DELETE]:
        if st.button(
            _("Delete"),
            key="contacts.delete",
            icon=":material/delete:",
            help=_("Deletes the contact, its card and its follow-ups for good."),
        ):
            st.session_state[CONFIRM_DELETE] = True
            st.rerun()
        return
    st.warning(
        _("Delete {name} for good? This cannot be undone.", name=inert(contact.display_name))
    )
    with st.container(horizontal=True):
        yes = st.button(_("Yes, delete"), key="contacts.delete_yes", type="primary")
        st.button(
            _("Cancel"),
            key="contacts.delete_cancel",
            on_click=open_contact,
            args=(contact.id,),
        )
    if yes:
        try:
            service.delete(ctx.database, ctx.owner_id, contact.id)
        except (SQLAlchemyError, LookupError):
            st.error(_("That could not be saved just now; nothing is lost. Try again."))
            return
        open_contact(None)
        st.session_state[FLASH] = (
            "success",
            _("{name} deleted, for good.", name=inert(contact.display_name)),
        )
        st.rerun()


def contact_detail(ctx: AppContext, contact_id: int) -> None:
    _ = ctx.translate
    st.button(
        _("Back to the list"),
        key="contacts.back",
        icon=":material/arrow_back:",
        on_click=open_contact,
        args=(None,),
    )
    view = service.view(ctx.database, ctx.owner_id, contact_id)
    if view is None:
        st.warning(_("This contact is no longer there."))
        return
    _facts(_, view, ctx.settings.region)
    _history(_, view)
    st.download_button(
        _("vCard"),
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
