"""Klick's Streamlit entry: page config, login gate, owner, language and navigation."""

from __future__ import annotations

import time
from pathlib import Path

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from capture.page_context import CONTEXT_KEY, AppContext
from capture.translation import N_, Translator, choose_language
from followup.account_page_state import remember_language, remembered_language
from followup.triage_page_state import UNDO as TRIAGE_UNDO
from storage import account_service, accounts, owners
from storage.db import Database, open_database
from storage.serving import ServingMode, serving_mode
from storage.settings import load_settings
from storage.throttle import LoginThrottle

ASSETS = Path(__file__).resolve().parent / "assets"
LOGIN = "auth.login"  # (owner id, display name, expires at) of a password login
OWNER = "auth.owner"  # (owner id, display name) resolved once for this session
# Every page: (script, title, icon, URL path). Material icons come with Streamlit's own font.
PAGES = (
    ("capture/event_page.py", N_("Tonight"), ":material/event:", "event"),
    ("capture/page.py", N_("Capture"), ":material/photo_camera:", "capture"),
    ("followup/triage_page.py", N_("Triage"), ":material/wb_twilight:", "triage"),
    ("followup/queue_page.py", N_("Follow-ups"), ":material/mail:", "follow-ups"),
    ("followup/contacts_page.py", N_("Contacts"), ":material/group:", "contacts"),
    ("followup/account_page.py", N_("Account"), ":material/person:", "account"),
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


def password_login(database: Database, _: Translator, session_hours: float) -> tuple[int, str]:
    """The logged-in owner, or a login form and a stop."""
    login = st.session_state.get(LOGIN)
    if login is not None:
        owner_id, name, expires_at = login
        if time.time() < expires_at:
            return owner_id, name
        del st.session_state[LOGIN]
        st.info(_("Your session has expired; please log in again."))
    throttle = login_throttle()
    st.title("Klick")
    with st.form("auth.form"):
        username = st.text_input(_("Username"), max_chars=80, key="auth.username")
        password = st.text_input(_("Password"), type="password", max_chars=200, key="auth.password")
        submitted = st.form_submit_button(_("Log in"), type="primary", key="auth.submit")
    if submitted:
        keys = (f"user:{accounts.normalise_username(username)}", f"ip:{st.context.ip_address}")
        wait = throttle.retry_after(*keys)
        if wait > 0:
            minutes = max(1, round(wait / 60))
            st.error(
                _.plural(
                    "Too many failed attempts. Try again in {count} minute.",
                    "Too many failed attempts. Try again in {count} minutes.",
                    minutes,
                )
            )
            st.stop()
        owner = account_service.authenticate(database, username, password)
        if owner is None:
            throttle.failed(*keys)
            st.error(_("That username and password do not match."))
        else:
            throttle.succeeded(keys[0])
            expires_at = time.time() + session_hours * 3600
            st.session_state[LOGIN] = (owner.id, owner.display_name, expires_at)
            st.rerun()
    st.stop()


def oidc_owner(database: Database, _: Translator) -> tuple[int, str]:
    if not st.user.is_logged_in:
        st.title("Klick")
        st.button(_("Log in"), type="primary", on_click=st.login, key="auth.oidc")
        st.stop()
    identity = str(st.user.get("email") or st.user.get("sub"))
    owner = account_service.owner_for(
        database, f"oidc:{identity}"[:80], display_name=str(st.user.get("name") or "")
    )
    return owner.id, owner.display_name


def current_owner(database: Database, _: Translator, session_hours: float) -> tuple[int, str]:
    """Who is using Klick: the local user on loopback, else whoever logged in."""
    try:
        owner = resolve_owner(database, _, session_hours)
    except SQLAlchemyError:
        cached = st.session_state.get(OWNER)
        if cached is None:
            st.error(_("Klick cannot reach its database right now. Please try again in a moment."))
            st.stop()
        # The page says what it could not do, and keeps what the user typed or took.
        return cached
    st.session_state[OWNER] = owner
    return owner


def resolve_owner(database: Database, _: Translator, session_hours: float) -> tuple[int, str]:
    has_accounts = account_service.has_accounts(database)
    address = st.get_option("server.address")
    mode = serving_mode(address, oidc_configured=oidc_configured(), has_accounts=has_accounts)
    if mode is ServingMode.REFUSED:
        st.error(
            _(
                "Klick holds personal data and is served beyond this computer ({address}), but "
                "no login is configured. Either add an account with "
                "`.venv/bin/python -m storage add-user NAME`, or configure OIDC login in "
                ".streamlit/secrets.toml ([auth]), or serve on 127.0.0.1.",
                address=address or _("all interfaces"),
            )
        )
        st.stop()
    if mode is ServingMode.OIDC:
        return oidc_owner(database, _)
    if mode is ServingMode.ACCOUNTS:
        return password_login(database, _, session_hours)
    if (cached := st.session_state.get(OWNER)) is not None:
        # Known this session: read the name afresh (the composer may have set it), write nothing.
        known = account_service.known_owner(database, cached[0])
        if known is not None:
            return known.id, known.display_name
    owner = account_service.owner_for(database, owners.LOCAL_USERNAME)
    return owner.id, owner.display_name


def account_language(database: Database, owner_id: int) -> str:
    """The language the account chose ("" = follow the browser), read once per session."""
    known = remembered_language(owner_id)
    if known is None:
        try:
            known = account_service.language_of(database, owner_id)
        except (SQLAlchemyError, LookupError):
            return ""  # not remembered: read again on the next run
        remember_language(owner_id, known)
    return known


def navigation_bar(pages: list[st.Page]) -> None:
    """Every page one tap away, above the page and never over it: no sidebar, no drawer.

    Streamlit's own top navigation turns into a sidebar drawer on a narrow screen, which
    stays open over the page after choosing one (it closes only for a phone's user agent).
    """
    with st.container(horizontal=True, gap=None, key="app.nav"):
        for page in pages:
            st.page_link(page)


def main() -> None:
    st.set_page_config(page_title="Klick", page_icon="🤝", layout="centered")
    # Our own static stylesheet only; nothing a user typed or a card printed goes here.
    st.html(f"<style>{phone_css()}</style>")
    settings = load_settings()
    database = shared_database(settings.database_url)

    timezone = st.context.timezone or "UTC"
    # Until we know who it is (the login form): the setting, else the browser's language.
    _ = Translator(choose_language(settings.language, st.context.locale), timezone)
    owner_id, owner_name = current_owner(database, _, settings.session_hours)
    # The account's choice first, then the KLICK_LANGUAGE setting, then the browser's.
    language = choose_language(
        account_language(database, owner_id) or settings.language, st.context.locale
    )
    _ = Translator(language, timezone)
    st.session_state[CONTEXT_KEY] = AppContext(
        database=database,
        settings=settings,
        owner_id=owner_id,
        owner_name=owner_name,
        language=language,
        timezone=timezone,
    )
    pages = [
        st.Page(path, title=_(title), icon=icon, url_path=url, default=url == "event")
        for path, title, icon, url in PAGES
    ]
    navigation = st.navigation(pages, position="hidden")
    navigation_bar(pages)
    if navigation.url_path != "triage":
        # Undo holds discarded contacts in memory only until the triage session ends.
        st.session_state.pop(TRIAGE_UNDO, None)
    navigation.run()


main()
