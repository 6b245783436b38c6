"""The app starts, every page renders, and tonight's event works end to end."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from storage import account_service, events
from storage.db import Database
from tests.pages.conftest import APP, APP_TIMEOUT_S, local_owner_id

PAGES = [
    "capture/event_page.py",
    "capture/page.py",
    "followup/triage_page.py",
    "followup/queue_page.py",
    "followup/contacts_page.py",
    "followup/account_page.py",
]


def test_app_starts_on_tonights_event(app: AppTest) -> None:
    assert app.title[0].value == "Tonight's event"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_error(app: AppTest, page: str) -> None:
    app.switch_page(page).run()
    assert not app.exception, app.exception
    assert app.title, f"{page} shows no title"


def test_creating_an_event_chooses_it(app: AppTest, app_database: Database) -> None:
    app.text_input[0].input("Gründerabend")
    app.text_input[1].input("Fürth")
    app.button(key="event.create").click().run()
    assert not app.exception
    assert "Gründerabend" in app.success[0].value
    with app_database.read() as session:
        saved = events.list_events(session, local_owner_id(app_database))
    assert [(e.name, e.place, e.held_on) for e in saved] == [
        ("Gründerabend", "Fürth", date.today())
    ]
    assert app.session_state["capture.event_id"] == saved[0].id


def test_an_event_without_a_name_is_refused(app: AppTest, app_database: Database) -> None:
    app.button(key="event.create").click().run()
    assert "name you will recognise" in app.error[0].value
    with app_database.read() as session:
        assert events.list_events(session, local_owner_id(app_database)) == []


def test_todays_event_is_preselected_in_a_new_session(app_env, app_database: Database) -> None:  # type: ignore[no-untyped-def]
    owner_id = local_owner_id(app_database)
    with app_database.write() as session:
        events.create_event(session, owner_id, name="Gestern", held_on=date(2020, 1, 1))
        today = events.create_event(session, owner_id, name="Stammtisch", held_on=date.today())
    at = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S).run()
    assert at.session_state["capture.event_id"] == today.id
    assert "Stammtisch" in at.success[0].value


def test_choosing_an_older_event(app_env, app_database: Database) -> None:  # type: ignore[no-untyped-def]
    owner_id = local_owner_id(app_database)
    with app_database.write() as session:
        older = events.create_event(session, owner_id, name="Messe", held_on=date(2026, 3, 1))
    at = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S).run()
    assert not at.success  # nothing held today, nothing chosen yet
    at.selectbox(key="event.pick").select(older.id).run()
    at.button[0].click().run()
    assert at.session_state["capture.event_id"] == older.id


def test_capture_page_asks_for_an_event_first(app: AppTest) -> None:
    app.switch_page("capture/page.py").run()
    assert "Choose tonight's event first" in app.warning[0].value


def _nav(at: AppTest) -> dict[str, str]:
    """The navigation bar: URL path (the default page's is "") -> label."""
    return {link.proto.page: link.proto.label for link in at.get("page_link")}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_is_one_tap_away_from_every_page(app: AppTest, page: str) -> None:
    app.switch_page(page).run()
    assert not app.exception, app.exception
    assert _nav(app) == {
        "": "Tonight",
        "capture": "Capture",
        "triage": "Triage",
        "follow-ups": "Follow-ups",
        "contacts": "Contacts",
        "account": "Account",
    }
    # No sidebar: nothing can lie over the page on a phone.
    assert not app.sidebar.children


def test_the_app_speaks_german_when_asked(app: AppTest) -> None:
    app.switch_page("followup/account_page.py").run()
    (language,) = [s for s in app.selectbox if str(s.key).startswith("account.language.")]
    language.select("de").run()
    assert app.title[0].value == "Konto"
    assert _nav(app)["capture"] == "Erfassen"
    app.switch_page("capture/event_page.py").run()
    assert app.title[0].value == "Die Veranstaltung heute"


def test_the_language_setting_speaks_until_the_account_chooses(
    app_env: object, app_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KLICK_LANGUAGE", "de")
    at = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S).run()
    assert at.title[0].value == "Die Veranstaltung heute"
    account_service.set_language(app_database, local_owner_id(app_database), "en")
    at = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S).run()
    assert at.title[0].value == "Tonight's event"


def test_a_database_outage_is_explained_not_a_trace(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from storage import accounts

    def unreachable(*_args: object, **_kwargs: object) -> bool:
        raise OperationalError("SELECT", {}, Exception("connection refused"))

    monkeypatch.setattr(accounts, "has_accounts", unreachable)
    # A session that already knows its owner goes on to the page, which reports for itself.
    app.switch_page("capture/page.py").run()
    assert app.title[0].value == "Capture"
    # A new session cannot know who it is: one clear sentence, no traceback.
    fresh = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S).run()
    assert not fresh.exception
    assert "cannot reach its database" in fresh.error[0].value
