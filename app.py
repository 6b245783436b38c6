"""Klick's Streamlit entry: page config, login gate, owner, language and navigation."""

from __future__ import annotations

import time
from pathlib import Path

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from followup.triage_page_state import UNDO as TRIAGE_UNDO
from storage import account_service, accounts, owners
from storage.context import CONTEXT_KEY, AppContext
from storage.db import Database, open_database
from storage.serving import REFUSAL, ServingMode, serving_mode
from storage.settings import load_settings
from storage.texts import LANGUAGE_NAMES, LANGUAGES, Texts, choose_language
from storage.throttle import LoginThrottle

ASSETS = Path(__file__).resolve().parent / "assets"
LOGIN = "auth.login"  # (owner id, display name, expires at) of a password login
OWNER = "auth.owner"  # (owner id, display name) resolved once for this session

TEXT = Texts(
    {
        "event": {"en": "Tonight", "de": "Heute Abend"},
        "capture": {"en": "Capture", "de": "Erfassen"},
        "triage": {"en": "Triage", "de": "Sichten"},
        "follow_ups": {"en": "Follow-ups", "de": "Nachfassen"},
        "contacts": {"en": "Contacts", "de": "Kontakte"},
        "account": {"en": "Account", "de": "Konto"},
        "language": {"en": "Language", "de": "Sprache"},
        "log_in": {"en": "Log in", "de": "Anmelden"},
        "username": {"en": "Username", "de": "Benutzername"},
        "password": {"en": "Password", "de": "Passwort"},
        "wrong": {
            "en": "That username and password do not match.",
            "de": "Benutzername und Passwort passen nicht zusammen.",
        },
        "throttled": {
            "en": "Too many failed attempts. Try again in {minutes} minutes.",
            "de": "Zu viele Fehlversuche. Versuchen Sie es in {minutes} Minuten wieder.",
        },
        "database_down": {
            "en": "Klick cannot reach its database right now. Please try again in a moment.",
            "de": "Klick erreicht seine Datenbank gerade nicht. Bitte versuchen Sie es gleich "
            "noch einmal.",
        },
        "expired": {
            "en": "Your session has expired; please log in again.",
            "de": "Ihre Sitzung ist abgelaufen; bitte melden Sie sich neu an.",
        },
    }
)


@st.cache_resource(show_spinner=False)
def shared_database(url: str) -> Database:
    """One engine per process and URL, migrated once; every session shares its pool."""
    return open_database(url)


@st.cache_resource(show_spinner=False)
def login_throttle() -> LoginThrottle:
    """Process-wide, so failed logins count across every session of this server."""
    return LoginThrottle()


@st.cache_resource(show_spinner=False)
def phone_css() -> str:
    return (ASSETS / "phone.css").read_text(encoding="utf-8")


def oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except FileNotFoundError:
        return False


def password_login(database: Database, language: str, session_hours: float) -> tuple[int, str]:
    """The logged-in owner, or a login form and a stop."""
    login = st.session_state.get(LOGIN)
    if login is not None:
        owner_id, name, expires_at = login
        if time.time() < expires_at:
            return owner_id, name
        del st.session_state[LOGIN]
        st.info(TEXT(language, "expired"))
    throttle = login_throttle()
    st.title("Klick")
    with st.form("auth.form"):
        username = st.text_input(TEXT(language, "username"), max_chars=80, key="auth.username")
        password = st.text_input(
            TEXT(language, "password"), type="password", max_chars=200, key="auth.password"
        )
        submitted = st.form_submit_button(
            TEXT(language, "log_in"), type="primary", key="auth.submit"
        )
    if submitted:
        keys = (f"user:{accounts.normalise_username(username)}", f"ip:{st.context.ip_address}")
        wait = throttle.retry_after(*keys)
        if wait > 0:
            st.error(TEXT(language, "throttled", minutes=max(1, round(wait / 60))))
            st.stop()
        with database.read() as session:
            owner = accounts.authenticate(session, username, password)
        if owner is None:
            throttle.failed(*keys)
            st.error(TEXT(language, "wrong"))
        else:
            throttle.succeeded(keys[0])
            expires_at = time.time() + session_hours * 3600
            st.session_state[LOGIN] = (owner.id, owner.display_name, expires_at)
            st.rerun()
    st.stop()


def oidc_owner(database: Database, language: str) -> tuple[int, str]:
    if not st.user.is_logged_in:
        st.title("Klick")
        st.button(TEXT(language, "log_in"), type="primary", on_click=st.login, key="auth.oidc")
        st.stop()
    identity = str(st.user.get("email") or st.user.get("sub"))
    owner = account_service.owner_for(
        database, f"oidc:{identity}"[:80], display_name=str(st.user.get("name") or "")
    )
    return owner.id, owner.display_name


def current_owner(database: Database, language: str, session_hours: float) -> tuple[int, str]:
    """Who is using Klick: the local user on loopback, else whoever logged in."""
    try:
        owner = resolve_owner(database, language, session_hours)
    except SQLAlchemyError:
        cached = st.session_state.get(OWNER)
        if cached is None:
            st.error(TEXT(language, "database_down"))
            st.stop()
        # The page says what it could not do, and keeps what the user typed or took.
        return cached
    st.session_state[OWNER] = owner
    return owner


def resolve_owner(database: Database, language: str, session_hours: float) -> tuple[int, str]:
    with database.read() as session:
        has_accounts = accounts.has_accounts(session)
    address = st.get_option("server.address")
    mode = serving_mode(address, oidc_configured=oidc_configured(), has_accounts=has_accounts)
    if mode is ServingMode.REFUSED:
        st.error(REFUSAL.format(address=address or "all interfaces"))
        st.stop()
    if mode is ServingMode.OIDC:
        return oidc_owner(database, language)
    if mode is ServingMode.ACCOUNTS:
        return password_login(database, language, session_hours)
    if (cached := st.session_state.get(OWNER)) is not None:
        # Known this session: read the name afresh (the composer may have set it), write nothing.
        with database.read() as session:
            known = owners.get_owner(session, cached[0])
        if known is not None:
            return known.id, known.display_name
    owner = account_service.owner_for(database, owners.LOCAL_USERNAME)
    return owner.id, owner.display_name


def main() -> None:
    st.set_page_config(page_title="Klick", page_icon="🤝", layout="centered")
    # Our own static stylesheet only; nothing a user typed or a card printed goes here.
    st.html(f"<style>{phone_css()}</style>")
    settings = load_settings()
    database = shared_database(settings.database_url)

    st.session_state.setdefault("app.language", "")
    language = choose_language(
        st.session_state["app.language"] or settings.language, st.context.locale
    )
    owner_id, owner_name = current_owner(database, language, settings.session_hours)
    st.session_state[CONTEXT_KEY] = AppContext(
        database=database,
        settings=settings,
        owner_id=owner_id,
        owner_name=owner_name,
        language=language,
        timezone=st.context.timezone or "UTC",
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

    def page(path: str, key: str, icon: str, url: str, default: bool = False) -> st.Page:
        return st.Page(path, title=TEXT(language, key), icon=icon, url_path=url, default=default)

    navigation = st.navigation(
        [
            page("capture/event_page.py", "event", "📅", "event", default=True),
            page("capture/page.py", "capture", "📷", "capture"),
            page("followup/triage_page.py", "triage", "🌅", "triage"),
            page("followup/queue_page.py", "follow_ups", "✉️", "follow-ups"),
            page("followup/contacts_page.py", "contacts", "👥", "contacts"),
            page("storage/account_page.py", "account", "🔒", "account"),
        ],
        position="top",
    )
    if navigation.url_path != "triage":
        # Undo holds discarded contacts in memory only until the triage session ends.
        st.session_state.pop(TRIAGE_UNDO, None)
    navigation.run()


main()
