"""Who may enter, through the pages: refusal, password login, throttling, expiry, OIDC."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from storage import accounts, contacts, events, followups, owners
from storage.db import Database
from storage.kinds import Rating
from storage.records import ContactAnswers, ContactDetails
from tests.pages.conftest import APP, APP_TIMEOUT_S

PASSWORD = "correct horse battery"


@pytest.fixture
def served_to_network(app_env: Path) -> Iterator[None]:
    config.set_option("server.address", "0.0.0.0")
    try:
        yield
    finally:
        config.set_option("server.address", "127.0.0.1")


def _new_session() -> AppTest:
    return AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S).run()


def _log_in(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="auth.username").input(username)
    at.text_input(key="auth.password").input(password)
    return at.button(key="auth.submit").click().run()


def _add_user(database: Database, name: str) -> int:
    with database.write() as session:
        return accounts.add_user(session, name, PASSWORD, display_name=name.title()).id


def test_served_to_the_network_without_a_login_klick_refuses(
    served_to_network: None, app_database: Database
) -> None:
    at = _new_session()
    assert not at.exception
    assert "no login is configured" in at.error[0].value
    assert not at.title, "no page may render"


def test_password_login_opens_klick_for_that_account(
    served_to_network: None, app_database: Database
) -> None:
    _add_user(app_database, "jana")
    at = _new_session()
    assert at.title[0].value == "Klick" and at.text_input(key="auth.password")
    _log_in(at, "jana", "wrong password!")
    assert "do not match" in at.error[0].value
    _log_in(at, "JANA", PASSWORD)
    assert at.title[0].value == "Tonight's event"


def test_login_attempts_are_rate_limited(served_to_network: None, app_database: Database) -> None:
    _add_user(app_database, "ben")
    at = _new_session()
    for _ in range(5):
        _log_in(at, "ben", "guess guess guess")
    _log_in(at, "ben", PASSWORD)  # even the right password waits now
    assert "Too many failed attempts" in at.error[0].value
    assert at.title[0].value == "Klick"


def test_sessions_expire(
    served_to_network: None, app_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_user(app_database, "cleo")
    monkeypatch.setenv("KLICK_SESSION_HOURS", "0")
    at = _log_in(_new_session(), "cleo", PASSWORD)  # expires at once: 0 hours
    assert "session has expired" in at.info[0].value
    assert at.text_input(key="auth.password")


def _everything_shown(at: AppTest) -> str:
    """All text of a rendered page: markdown, text, captions, widgets' labels and values."""
    parts = [
        e.value
        for kind in ("markdown", "text", "caption", "success", "info", "warning")
        for e in getattr(at, kind)
    ]
    parts += [w.label for w in at.button] + [str(w.value) for w in at.text_input]
    parts += [o for box in at.selectbox for o in box.options]
    return "\n".join(str(p) for p in parts)


def test_two_accounts_see_only_their_own_data_on_every_page(
    served_to_network: None, app_database: Database
) -> None:
    a = _add_user(app_database, "anna")
    _add_user(app_database, "bert")
    with app_database.write() as session:
        event = events.create_event(session, a, name="Annas Abend", held_on=date.today())
        secret = contacts.add_contact(
            session,
            a,
            event_id=event.id,
            details=ContactDetails(name="Geheim Gustav", company="Verborgen AG"),
            answers=ContactAnswers(rating=Rating.YES, note="Collects typewriters from Olympia."),
        )
        contacts.start_capture(session, a, event_id=event.id, photo=b"x", photo_type="image/jpeg")
        followups.queue_follow_up(session, a, secret.id, due_at=datetime.now(UTC))
    anna = _log_in(_new_session(), "anna", PASSWORD)
    anna.switch_page("followup/contacts_page.py").run()
    assert "Geheim Gustav" in _everything_shown(anna), "the check can see the contact"
    anna = _log_in(_new_session(), "anna", PASSWORD)
    assert "Annas Abend" in anna.success[0].value
    bert = _log_in(_new_session(), "bert", PASSWORD)
    assert not bert.success
    assert all(o != "Annas Abend" for box in bert.selectbox for o in box.options)
    bert.switch_page("capture/page.py").run()
    assert "Choose tonight's event first" in bert.warning[0].value
    for page in (
        "capture/page.py",
        "followup/triage_page.py",
        "followup/queue_page.py",
        "followup/contacts_page.py",
        "followup/account_page.py",
    ):
        bert.switch_page(page).run()
        assert not bert.exception, page
        # The page itself is shown (not the login form), or the checks below prove nothing.
        assert bert.title and bert.title[0].value != "Klick", page
        shown = _everything_shown(bert)
        for secret_text in ("Geheim Gustav", "Verborgen", "Olympia", "Annas Abend", "Inbox"):
            assert secret_text not in shown, (page, secret_text)


def test_oidc_login_when_configured(app_env: Path, app_database: Database) -> None:
    at = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S)
    at.secrets = {"auth": {"redirect_uri": "https://klick.example/oauth2callback"}}
    at.user = {"is_logged_in": False}
    at.run()
    assert at.button(key="auth.oidc").label == "Log in"
    at = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S)
    at.secrets = {"auth": {"redirect_uri": "https://klick.example/oauth2callback"}}
    at.user = {"is_logged_in": True, "email": "dora@example.org", "name": "Dora"}
    at.run()
    assert at.title[0].value == "Tonight's event"
    with app_database.read() as session:
        assert owners.find_owner(session, "oidc:dora@example.org") is not None
