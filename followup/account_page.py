"""Your account: its language, the name follow-ups are signed with, export everything, erase
everything."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from capture.page_context import CONTEXT_KEY, AppContext
from capture.translation import LANGUAGE_NAMES, LANGUAGES
from followup.account_page_state import remember_language, remembered_language
from storage import account_service

DELETED_FLAG = "account.deleted"
LANGUAGE_FAILED = "account.language_failed"
LOGIN = "auth.login"

ctx: AppContext = st.session_state[CONTEXT_KEY]
_ = ctx.translate
# The word to type differs by language, so a German user types a German word.
CONFIRM_WORD = _("DELETE")

st.title(_("Account"))
if st.session_state.pop(DELETED_FLAG, False):
    st.success(_("Your account and all its data are deleted."))


def choose_language(key: str, kept: str) -> None:
    """The user chose a language: keep it with the account; app.py speaks it from this run."""
    language = st.session_state[key]
    try:
        account_service.set_language(ctx.database, ctx.owner_id, language)
    except SQLAlchemyError:
        st.session_state[key] = kept  # the box shows what is kept
        st.session_state[LANGUAGE_FAILED] = True
        return
    remember_language(ctx.owner_id, language)


# "" follows the browser; a choice is kept with the account, for every later session.
kept = remembered_language(ctx.owner_id)
if kept is None:  # app.py could not read it just now
    kept = account_service.language_of(ctx.database, ctx.owner_id)
choices = ("", *LANGUAGES)
language_key = f"account.language.{ctx.owner_id}"  # another login here starts from its own
st.selectbox(
    _("Language"),
    choices,
    index=choices.index(kept) if kept in choices else 0,
    format_func=lambda code: LANGUAGE_NAMES.get(code) or _("Automatic (browser)"),
    key=language_key,
    on_change=choose_language,
    args=(language_key, kept),
)
if st.session_state.pop(LANGUAGE_FAILED, False):
    st.error(_("That could not be saved just now; nothing is lost. Try again."))

with st.form("account.name"):
    name = st.text_input(
        _("Follow-ups are signed as"), ctx.owner_name, max_chars=200, key="account.display_name"
    )
    if st.form_submit_button(_("Save name"), key="account.save_name"):
        account_service.set_display_name(ctx.database, ctx.owner_id, name)
        st.success(_("Name saved."))

st.subheader(_("Export all my data"))
st.caption(
    _(
        "A zip file with every event, contact, note, follow-up and card photo Klick keeps for "
        "you, as JSON and images."
    )
)
if st.button(_("Prepare my export"), key="account.prepare"):
    st.session_state["account.export"] = account_service.export_data(ctx.database, ctx.owner_id)
if st.session_state.get("account.export"):
    st.download_button(
        _("Download klick-export.zip"),
        st.session_state["account.export"],
        file_name="klick-export.zip",
        mime="application/zip",
        key="account.download",
        on_click="ignore",
    )

st.subheader(_("Delete my account and all its data"))
st.caption(
    _(
        "Every event, contact, card photo, note and follow-up is deleted for good. "
        "This cannot be undone."
    )
)
with st.form("account.delete"):
    typed = st.text_input(_("Type {word} to confirm", word=CONFIRM_WORD), key="account.confirm")
    if st.form_submit_button(_("Delete everything"), key="account.delete_all"):
        if typed.strip() != CONFIRM_WORD:
            st.error(_("Nothing was deleted: type the word exactly as shown."))
        else:
            account_service.delete_account(ctx.database, ctx.owner_id)
            st.session_state.clear()
            st.session_state[DELETED_FLAG] = True
            st.rerun()

if st.session_state.get(LOGIN) and st.button(_("Log out"), key="account.logout"):
    del st.session_state[LOGIN]
    st.rerun()
