"""The composer: draft from the note, language and Sie/du, checks, channels, done."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from followup import compose_service as service
from followup.card_layout import CardTooLongError
from followup.links import mailto_link, tel_link
from followup.model import AddressForm, Channel, Language
from followup.queue_page_texts import FORM_LABELS, LANGUAGE_LABELS, TEXT
from storage.context import AppContext
from storage.texts import inert

OPEN = "queue.open_id"  # the follow-up whose composer is shown
FLASH = "queue.flash"
CHANNELS = (Channel.CARD, Channel.EMAIL, Channel.CALL)


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def flash(kind: str, message: str) -> None:
    st.session_state[FLASH] = (kind, message)


def close() -> None:
    st.session_state[OPEN] = None
    st.rerun()


@st.cache_data(max_entries=32, show_spinner=False)
def card_files(body: str, address: str | None) -> tuple[bytes, bytes]:
    """Preview and PDF for this text; cached so reruns of the page do not lay it out again."""
    return service.card_files(body, address)


def header(ctx: AppContext, composer: service.Composer) -> None:
    lang = ctx.language
    contact = composer.contact
    st.subheader(inert(contact.display_name))
    if composer.event is not None:
        st.caption(TEXT(lang, "met_at", event=inert(composer.event.label)))
    with st.expander(TEXT(lang, "your_note"), expanded=True):
        st.text(contact.note)
        for key, value in (("they_need", contact.they_need), ("i_offer", contact.i_offer)):
            if value.strip():
                st.text(f"{TEXT(lang, key)}: {value}")


def ask_my_name(ctx: AppContext, follow_up_id: int) -> None:
    """The user's own name for the sign-off, asked once while it is empty."""
    lang = ctx.language
    with st.form(f"queue.name.{follow_up_id}", border=True):
        name = st.text_input(
            TEXT(lang, "my_name"),
            max_chars=200,
            help=TEXT(lang, "my_name_hint"),
            key=f"queue.my_name.{follow_up_id}",
        )
        submitted = st.form_submit_button(
            TEXT(lang, "save_name"), key=f"queue.save_name.{follow_up_id}"
        )
        if submitted and name.strip():
            service.sign_with(ctx.database, ctx.owner_id, follow_up_id, name)
            st.rerun()


def language_and_channel(ctx: AppContext, composer: service.Composer) -> None:
    lang, fid = ctx.language, composer.follow_up.id
    left, right = st.columns(2)
    language = left.radio(
        TEXT(lang, "language"),
        tuple(Language),
        index=tuple(Language).index(composer.language),
        format_func=lambda value: LANGUAGE_LABELS[value],
        horizontal=True,
        key=f"queue.language.{fid}",
    )
    form = composer.address_form
    if language is Language.DE:
        form = right.radio(
            TEXT(lang, "form"),
            tuple(AddressForm),
            index=tuple(AddressForm).index(composer.address_form),
            format_func=lambda value: FORM_LABELS[value],
            horizontal=True,
            key=f"queue.form.{fid}",
        )
    st.caption(TEXT(lang, "rewrite_hint"))
    channel = st.radio(
        TEXT(lang, "channel"),
        CHANNELS,
        index=CHANNELS.index(composer.follow_up.channel),
        format_func=lambda value: TEXT(lang, value.value),
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
    lang, follow_up = ctx.language, composer.follow_up
    # The stored text is in the key: after a rewrite the widgets start from the new text.
    version = short_hash(follow_up.subject + follow_up.body)
    with st.form(f"queue.text.{follow_up.id}", border=False):
        subject = follow_up.subject
        if follow_up.channel is Channel.EMAIL:
            subject = st.text_input(
                TEXT(lang, "subject"),
                follow_up.subject,
                max_chars=300,
                key=f"queue.subject.{follow_up.id}.{version}",
            )
        body = st.text_area(
            TEXT(lang, "body"),
            follow_up.body,
            height=320,
            max_chars=10_000,
            key=f"queue.body.{follow_up.id}.{version}",
        )
        submitted = st.form_submit_button(
            TEXT(lang, "save_check"),
            type="primary",
            width="stretch",
            key=f"queue.save.{follow_up.id}",
        )
    if submitted:
        try:
            service.save_text(ctx.database, ctx.owner_id, follow_up.id, subject=subject, body=body)
        except SQLAlchemyError:
            st.error(TEXT(lang, "save_failed"))
            return
        flash("success", TEXT(lang, "saved"))
        st.rerun()
    if st.button(TEXT(lang, "rewrite"), key=f"queue.rewrite.{follow_up.id}"):
        service.rewrite(ctx.database, ctx.owner_id, follow_up.id, my_name=ctx.owner_name)
        st.rerun()


def checks(ctx: AppContext, composer: service.Composer) -> bool:
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
        service.withdraw_ready(ctx.database, ctx.owner_id, fid, kept=kept)
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
            service.mark_ready(
                ctx.database,
                ctx.owner_id,
                fid,
                overridden=kept,
                ui_language=lang,
                my_name=ctx.owner_name,
            )
        except service.NotReadyError:
            st.error(TEXT(lang, "not_ready"))
            return False
        st.rerun()
    return False


def card_channel(ctx: AppContext, composer: service.Composer, ready: bool) -> None:
    lang, fid = ctx.language, composer.follow_up.id
    address = composer.contact.details.address.strip()
    on_envelope = False
    if address:
        on_envelope = st.checkbox(TEXT(lang, "envelope"), value=True, key=f"queue.envelope.{fid}")
    else:
        st.caption(TEXT(lang, "no_address"))
    try:
        preview, pdf = card_files(composer.follow_up.body, address if on_envelope else None)
    except CardTooLongError as error:
        st.error(error.message(lang))
        return
    st.image(preview, caption=TEXT(lang, "preview"), width="stretch")
    if not ready:
        st.info(TEXT(lang, "send_after_check"))
        return
    st.download_button(
        TEXT(lang, "download_pdf"),
        data=pdf,
        file_name=f"klick-card-{fid}.pdf",
        mime="application/pdf",
        type="primary",
        width="stretch",
        on_click="ignore",
        key=f"queue.pdf.{fid}",
    )
    st.caption(TEXT(lang, "print_hint"))


def email_channel(ctx: AppContext, composer: service.Composer, ready: bool) -> None:
    lang, follow_up = ctx.language, composer.follow_up
    if not ready:
        st.info(TEXT(lang, "send_after_check"))
        return
    emails = [e for e in composer.contact.details.emails if "@" in e]
    if emails:
        to = emails[0]
        if len(emails) > 1:
            to = st.selectbox(TEXT(lang, "to"), emails, key=f"queue.to.{follow_up.id}")
        try:
            link = mailto_link(to, follow_up.subject, follow_up.body)
        except ValueError:
            link = ""
        if link:
            st.link_button(
                f"{TEXT(lang, 'open_mail')} ({inert(to)})", link, type="primary", width="stretch"
            )
    else:
        st.caption(TEXT(lang, "no_email"))
    st.caption(TEXT(lang, "copy_hint"))
    text = f"{follow_up.subject}\n\n{follow_up.body}" if follow_up.subject else follow_up.body
    st.code(text, language=None, wrap_lines=True)


def call_channel(ctx: AppContext, composer: service.Composer) -> None:
    lang = ctx.language
    phones = list(composer.contact.details.phones)
    for phone in phones:
        try:
            link = tel_link(phone)
        except ValueError:
            continue
        st.link_button(
            TEXT(lang, "call_number", phone=inert(phone)), link, type="primary", width="stretch"
        )
    if not phones:
        st.caption(TEXT(lang, "no_phone"))
    st.markdown(f"**{TEXT(lang, 'talking_points')}**")
    st.markdown("\n".join(f"- {inert(point)}" for point in composer.talking_points))


def done(ctx: AppContext, composer: service.Composer) -> None:
    """Propose the next check-in on an ordinary day; the user accepts or changes it."""
    lang, fid = ctx.language, composer.follow_up.id
    today = date.today()
    proposed = service.proposed_check_in(today, ctx.settings.holiday_country)
    st.divider()
    st.markdown(f"**{TEXT(lang, 'done_title')}**")
    no_check_in = st.checkbox(TEXT(lang, "no_check_in"), key=f"queue.no_check_in.{fid}")
    check_in: date | None = None
    if not no_check_in:
        check_in = st.date_input(
            TEXT(lang, "check_in"),
            value=proposed,
            min_value=today + timedelta(days=1),
            format="DD.MM.YYYY",
            help=TEXT(lang, "check_in_hint"),
            key=f"queue.check_in.{fid}",
        )
    if st.button(TEXT(lang, "mark_done"), key=f"queue.done.{fid}", width="stretch"):
        service.finish(ctx.database, ctx.owner_id, fid, done_on=today, check_in=check_in)
        name = inert(composer.contact.display_name)
        if check_in is None:
            flash("success", TEXT(lang, "done_no_check_in", name=name))
        else:
            flash("success", TEXT(lang, "done", name=name, date=f"{check_in:%d.%m.%Y}"))
        close()


def composer_view(ctx: AppContext, follow_up_id: int) -> None:
    lang = ctx.language
    if st.button(TEXT(lang, "back"), key="queue.back"):
        close()
    try:
        composer = service.open_composer(
            ctx.database, ctx.owner_id, follow_up_id, my_name=ctx.owner_name, ui_language=lang
        )
    except service.FollowUpGone:
        st.warning(TEXT(lang, "gone"))
        st.session_state[OPEN] = None
        return
    header(ctx, composer)
    if not ctx.owner_name.strip():
        ask_my_name(ctx, follow_up_id)
    language_and_channel(ctx, composer)
    text_editor(ctx, composer)
    ready = checks(ctx, composer)
    channel = composer.follow_up.channel
    if channel is Channel.CARD:
        card_channel(ctx, composer, ready)
    elif channel is Channel.EMAIL:
        email_channel(ctx, composer, ready)
    else:
        call_channel(ctx, composer)
    done(ctx, composer)
