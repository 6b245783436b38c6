"""The composer's text: language, Sie/du and channel, the editor, and writing it anew."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from capture.page_context import AppContext
from capture.translation import LANGUAGE_NAMES
from followup import compose_service as service
from followup.model import AddressForm, Channel, Language
from followup.queue_page_state import CHANNEL_LABELS, FORM_NAMES, flash, short_hash

CHANNELS = (Channel.CARD, Channel.EMAIL, Channel.CALL)


def language_and_channel(ctx: AppContext, composer: service.Composer) -> None:
    _, fid = ctx.translate, composer.follow_up.id
    left, right = st.columns(2)
    language = left.radio(
        _("Write in"),
        tuple(Language),
        index=tuple(Language).index(composer.language),
        format_func=lambda value: LANGUAGE_NAMES[value],
        horizontal=True,
        key=f"queue.language.{fid}",
    )
    form = composer.address_form
    if language is Language.DE:
        form = right.radio(
            _("Form of address"),
            tuple(AddressForm),
            index=tuple(AddressForm).index(composer.address_form),
            format_func=lambda value: FORM_NAMES[value],
            horizontal=True,
            key=f"queue.form.{fid}",
        )
    st.caption(_("Changing the language or form of address writes the draft anew from your note."))
    channel = st.radio(
        _("How"),
        CHANNELS,
        index=CHANNELS.index(composer.follow_up.channel),
        format_func=lambda value: _(CHANNEL_LABELS[value]),
        horizontal=True,
        key=f"queue.channel.{fid}",
    )
    if (language, form) != (composer.language, composer.address_form):
        service.rewrite(
            ctx.database,
            ctx.owner_id,
            fid,
            my_name=ctx.owner_name,
            language=language,
            address_form=form,
        )
        st.rerun()
    if channel is not composer.follow_up.channel:
        # A text the user has not touched is written anew: a card holds less than an e-mail.
        service.rewrite(
            ctx.database,
            ctx.owner_id,
            fid,
            my_name=ctx.owner_name,
            channel=channel,
            only_if_unedited=True,
        )
        st.rerun()


def text_editor(ctx: AppContext, composer: service.Composer) -> None:
    _, follow_up = ctx.translate, composer.follow_up
    # The stored text is in the key: after a rewrite the widgets start from the new text.
    version = short_hash(follow_up.subject + follow_up.body)
    with st.form(f"queue.text.{follow_up.id}", border=False):
        subject = follow_up.subject
        if follow_up.channel is Channel.EMAIL:
            subject = st.text_input(
                _("Subject"),
                follow_up.subject,
                max_chars=300,
                key=f"queue.subject.{follow_up.id}.{version}",
            )
        body = st.text_area(
            _("Text"),
            follow_up.body,
            height=320,
            max_chars=10_000,
            key=f"queue.body.{follow_up.id}.{version}",
        )
        submitted = st.form_submit_button(
            _("Save and check"),
            type="primary",
            width="stretch",
            key=f"queue.save.{follow_up.id}",
        )
    if submitted:
        try:
            service.save_text(ctx.database, ctx.owner_id, follow_up.id, subject=subject, body=body)
        except SQLAlchemyError:
            st.error(_("That could not be saved just now; nothing is lost. Try again."))
            return
        flash("success", _("Saved."))
        st.rerun()
    if st.button(_("Start again from my note"), key=f"queue.rewrite.{follow_up.id}"):
        service.rewrite(ctx.database, ctx.owner_id, follow_up.id, my_name=ctx.owner_name)
        st.rerun()
