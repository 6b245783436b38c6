"""Your account: the name follow-ups are signed with, export everything, erase everything."""

from __future__ import annotations

import streamlit as st

from storage import account_service, privacy
from storage.context import CONTEXT_KEY, AppContext
from storage.texts import Texts

TEXT = Texts(
    {
        "title": {"en": "Account", "de": "Konto"},
        "signed_as": {
            "en": "Follow-ups are signed as",
            "de": "Nachrichten werden unterschrieben mit",
        },
        "save_name": {"en": "Save name", "de": "Namen speichern"},
        "name_saved": {"en": "Name saved.", "de": "Name gespeichert."},
        "export_title": {"en": "Export all my data", "de": "Alle meine Daten exportieren"},
        "export_hint": {
            "en": "A zip file with every event, contact, note, follow-up and card photo Klick "
            "keeps for you, as JSON and images.",
            "de": "Eine ZIP-Datei mit allen Veranstaltungen, Kontakten, Notizen, Nachrichten "
            "und Kartenfotos, die Klick für Sie speichert, als JSON und Bilder.",
        },
        "prepare": {"en": "Prepare my export", "de": "Export vorbereiten"},
        "download": {"en": "Download klick-export.zip", "de": "klick-export.zip herunterladen"},
        "delete_title": {
            "en": "Delete my account and all its data",
            "de": "Mein Konto und alle Daten löschen",
        },
        "delete_hint": {
            "en": "Every event, contact, card photo, note and follow-up is deleted for good. "
            "This cannot be undone.",
            "de": "Alle Veranstaltungen, Kontakte, Kartenfotos, Notizen und Nachrichten werden "
            "endgültig gelöscht. Das lässt sich nicht rückgängig machen.",
        },
        "confirm": {
            "en": "Type DELETE to confirm",
            "de": "Zur Bestätigung LÖSCHEN eintippen",
        },
        "confirm_word": {"en": "DELETE", "de": "LÖSCHEN"},
        "delete": {"en": "Delete everything", "de": "Alles löschen"},
        "not_confirmed": {
            "en": "Nothing was deleted: type the word exactly as shown.",
            "de": "Nichts wurde gelöscht: tippen Sie das Wort genau so ein.",
        },
        "deleted": {
            "en": "Your account and all its data are deleted.",
            "de": "Ihr Konto und alle Daten sind gelöscht.",
        },
        "log_out": {"en": "Log out", "de": "Abmelden"},
    }
)
DELETED_FLAG = "account.deleted"

ctx: AppContext = st.session_state[CONTEXT_KEY]
lang = ctx.language
st.title(TEXT(lang, "title"))
if st.session_state.pop(DELETED_FLAG, False):
    st.success(TEXT(lang, "deleted"))

with st.form("account.name"):
    name = st.text_input(
        TEXT(lang, "signed_as"), ctx.owner_name, max_chars=200, key="account.display_name"
    )
    if st.form_submit_button(TEXT(lang, "save_name"), key="account.save_name"):
        account_service.set_display_name(ctx.database, ctx.owner_id, name)
        st.success(TEXT(lang, "name_saved"))

st.subheader(TEXT(lang, "export_title"))
st.caption(TEXT(lang, "export_hint"))
if st.button(TEXT(lang, "prepare"), key="account.prepare"):
    with ctx.database.read() as session:
        st.session_state["account.export"] = privacy.export_owner_data(session, ctx.owner_id)
if st.session_state.get("account.export"):
    st.download_button(
        TEXT(lang, "download"),
        st.session_state["account.export"],
        file_name="klick-export.zip",
        mime="application/zip",
        key="account.download",
        on_click="ignore",
    )

st.subheader(TEXT(lang, "delete_title"))
st.caption(TEXT(lang, "delete_hint"))
with st.form("account.delete"):
    typed = st.text_input(TEXT(lang, "confirm"), key="account.confirm")
    if st.form_submit_button(TEXT(lang, "delete"), key="account.delete_all"):
        if typed.strip() != TEXT(lang, "confirm_word"):
            st.error(TEXT(lang, "not_confirmed"))
        else:
            account_service.delete_account(ctx.database, ctx.owner_id)
            st.session_state.clear()
            st.session_state[DELETED_FLAG] = True
            st.rerun()

if st.session_state.get("auth.login") and st.button(TEXT(lang, "log_out"), key="account.logout"):
    del st.session_state["auth.login"]
    st.rerun()
