"""The composer's channel panels: the card to print, the e-mail to send, the call to make."""

from __future__ import annotations

import streamlit as st

from followup.card import card_pdf, card_preview_png
from followup.card_layout import CardTooLongError
from followup.compose_service import Composer
from followup.fonts import caveat_font_path
from followup.links import mailto_link, tel_link
from followup.queue_page_texts import TEXT
from storage.context import AppContext
from storage.texts import inert


@st.cache_data(max_entries=32, show_spinner=False)
def card_files(body: str, address: str | None) -> tuple[bytes, bytes]:
    """Preview PNG and print-ready PDF, cached so reruns do not lay the card out again.

    Raises CardTooLongError when the text cannot fit.
    """
    font = caveat_font_path()
    return card_preview_png(body, font_path=font), card_pdf(
        body, font_path=font, recipient_address=address
    )


def card_channel(ctx: AppContext, composer: Composer, ready: bool) -> None:
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


def email_channel(ctx: AppContext, composer: Composer, ready: bool) -> None:
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


def call_channel(ctx: AppContext, composer: Composer) -> None:
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
