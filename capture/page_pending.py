"""What can be done with a pending capture without a rating or a note: discard it for good,
or take its photo again; and the no-thanks flag, which says the photo goes when discarded."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from capture import intake
from capture.page_state import RETAKE, CapturePage, close, flash, gone
from capture.translation import Translator, inert
from storage import contacts
from storage.records import ContactRecord, NoThanksHit


def capture_label(_: Translator, record: ContactRecord) -> str:
    """How a capture is called: who it holds, or when it was taken (plain text, not Markdown)."""
    if record.holds_a_contact:
        return record.display_name
    return _("Card from {time}", time=_.moment(record.created_at, year=False))


def no_thanks_sentence(_: Translator, hit: NoThanksHit) -> str:
    """When (and at which event) this card's e-mail or phone was discarded as a pitch."""
    on = _.day(hit.discarded_at)
    if hit.event_name:
        return _(
            "On your no-thanks list: discarded as a pitch on {date} at {event}.",
            date=on,
            event=inert(hit.event_name),
        )
    return _("On your no-thanks list: discarded as a pitch on {date}.", date=on)


def no_thanks_flag(_: Translator, hit: NoThanksHit) -> str:
    """The sentence, and that the new photo is kept only until it is discarded."""
    return " ".join(
        (
            no_thanks_sentence(_, hit),
            _("Its photo is kept only until you discard it: “Discard now” deletes it."),
        )
    )


def discard(page: CapturePage, record: ContactRecord) -> None:
    """Delete the capture and its photo for good (no rating, no note), say so, rerun."""
    ctx = page.ctx
    _ = ctx.translate
    try:
        intake.discard_capture(ctx.database, ctx.owner_id, record.id)
    except contacts.ContactNotFound:
        flash("warning", gone(_))
    except SQLAlchemyError:
        st.error(_("That could not be done just now; the capture is still there. Try again."))
        return
    else:
        label = capture_label(_, record)
        flash("success", _("Discarded “{label}”, photo included.", label=inert(label)))
    close(record.id)
    st.rerun()


def discard_button(
    page: CapturePage, record: ContactRecord, key: str, *, now: bool = False
) -> None:
    """ "Discard" (or, for a card on the no-thanks list, "Discard now", primary)."""
    _ = page.ctx.translate
    label = _("Discard now") if now else _("Discard")
    if st.button(label, type="primary" if now else "secondary", key=key):
        discard(page, record)


def retake_button(page: CapturePage, capture_id: int, key: str) -> None:
    """ "Retake": the picker for a new photo of this capture shows (page_photo.retake)."""
    _ = page.ctx.translate
    if st.button(_("Retake"), key=key):
        st.session_state[RETAKE] = capture_id
        st.rerun()
