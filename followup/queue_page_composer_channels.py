"""The composer's channel panels: the card to print, the e-mail to send, the call to make."""

from __future__ import annotations

import streamlit as st

from capture.page_context import AppContext
from capture.translation import N_, inert
from followup.card import card_pdf, card_preview_png
from followup.card_layout import CardTooLongError
from followup.compose_service import Composer
from followup.fonts import caveat_font_path
from followup.links import mailto_link, tel_link

SEND_AFTER_CHECK = N_("Card and e-mail appear here once the text is ready to send.")


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
    _, fid = ctx.translate, composer.follow_up.id
    address = composer.contact.details.address.strip()
    on_envelope = False
    if address:
        on_envelope = st.checkbox(
            _("Add a page with the address for the envelope"),
            value=True,
            key=f"queue.envelope.{fid}",
        )
    else:
        st.caption(_("No postal address on the card: write the envelope by hand."))
    try:
        preview, pdf = card_files(composer.follow_up.body, address if on_envelope else None)
    except CardTooLongError:
        st.error(
            _("This text is too long for a handwritten card; shorten it or send it as an e-mail.")
        )
        return
    st.image(preview, caption=_("How the card will look"), width="stretch")
    if not ready:
        st.info(_(SEND_AFTER_CHECK))
        return
    st.download_button(
        _("Download the card (PDF, A6)"),
        data=pdf,
        file_name=f"klick-card-{fid}.pdf",
        mime="application/pdf",
        type="primary",
        width="stretch",
        on_click="ignore",
        key=f"queue.pdf.{fid}",
    )
    st.caption(_("Print at 100 % on A6 card (or A4, then cut); sign it by hand."))


def email_channel(ctx: AppContext, composer: Composer, ready: bool) -> None:
    _, follow_up = ctx.translate, composer.follow_up
    if not ready:
        st.info(_(SEND_AFTER_CHECK))
        return
    emails = [e for e in composer.contact.details.emails if "@" in e]
    if emails:
        to = emails[0]
        if len(emails) > 1:
            to = st.selectbox(_("To"), emails, key=f"queue.to.{follow_up.id}")
        try:
            link = mailto_link(to, follow_up.subject, follow_up.body)
        except ValueError:
            link = ""
        if link:
            label = _("Open in my mail app ({address})", address=inert(to))
            st.link_button(label, link, type="primary", width="stretch")
    else:
        st.caption(_("No e-mail address on the card: copy the text below."))
    st.caption(_("Copy (button at the top right):"))
    text = f"{follow_up.subject}\n\n{follow_up.body}" if follow_up.subject else follow_up.body
    st.code(text, language=None, wrap_lines=True)


def call_channel(ctx: AppContext, composer: Composer) -> None:
    _ = ctx.translate
    phones = list(composer.contact.details.phones)
    for phone in phones:
        try:
            link = tel_link(phone)
        except ValueError:
            continue
        st.link_button(_("Call {phone}", phone=inert(phone)), link, type="primary", width="stretch")
    if not phones:
        st.caption(_("No phone number on the card."))
    title = _("Talking points")
    st.markdown(f"**{title}**")
    st.markdown("\n".join(f"- {inert(point)}" for point in composer.talking_points))
