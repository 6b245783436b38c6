"""Klick's Streamlit entry: page config, database, owner, language and navigation."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from storage import owners
from storage.context import CONTEXT_KEY, AppContext
from storage.db import Database, open_database
from storage.settings import load_settings
from storage.texts import LANGUAGE_NAMES, LANGUAGES, Texts, choose_language

ASSETS = Path(__file__).resolve().parent / "assets"

TEXT = Texts(
    {
        "event": {"en": "Tonight", "de": "Heute Abend"},
        "capture": {"en": "Capture", "de": "Erfassen"},
        "triage": {"en": "Triage", "de": "Sichten"},
        "follow_ups": {"en": "Follow-ups", "de": "Nachfassen"},
        "contacts": {"en": "Contacts", "de": "Kontakte"},
        "language": {"en": "Language", "de": "Sprache"},
    }
)


@st.cache_resource(show_spinner=False)
def shared_database(url: str) -> Database:
    """One engine per process and URL, migrated once; every session shares its pool."""
    return open_database(url)


@st.cache_resource(show_spinner=False)
def phone_css() -> str:
    return (ASSETS / "phone.css").read_text(encoding="utf-8")


def local_owner_id(database: Database) -> tuple[int, str]:
    with database.write() as session:
        owner = owners.get_or_create_owner(session, owners.LOCAL_USERNAME)
    return owner.id, owner.display_name


def main() -> None:
    st.set_page_config(page_title="Klick", page_icon="🤝", layout="centered")
    # Our own static stylesheet only; nothing a user typed or a card printed goes here.
    st.html(f"<style>{phone_css()}</style>")
    settings = load_settings()
    database = shared_database(settings.database_url)
    owner_id, owner_name = local_owner_id(database)

    st.session_state.setdefault("app.language", "")
    language = choose_language(
        st.session_state["app.language"] or settings.language, st.context.locale
    )
    st.session_state[CONTEXT_KEY] = AppContext(
        database=database,
        settings=settings,
        owner_id=owner_id,
        owner_name=owner_name,
        language=language,
    )
    with st.sidebar:
        chosen = st.selectbox(
            TEXT(language, "language"),
            LANGUAGES,
            index=LANGUAGES.index(language),
            format_func=LANGUAGE_NAMES.__getitem__,
            key="app.language_choice",
        )
        if chosen != language:
            st.session_state["app.language"] = chosen
            st.rerun()

    page = st.navigation(
        [
            st.Page(
                "capture/event_page.py",
                title=TEXT(language, "event"),
                icon="📅",
                url_path="event",
                default=True,
            ),
            st.Page(
                "capture/page.py", title=TEXT(language, "capture"), icon="📷", url_path="capture"
            ),
            st.Page(
                "followup/triage_page.py",
                title=TEXT(language, "triage"),
                icon="🌅",
                url_path="triage",
            ),
            st.Page(
                "followup/queue_page.py",
                title=TEXT(language, "follow_ups"),
                icon="✉️",
                url_path="follow-ups",
            ),
            st.Page(
                "followup/contacts_page.py",
                title=TEXT(language, "contacts"),
                icon="👥",
                url_path="contacts",
            ),
        ],
        position="top",
    )
    page.run()


main()
