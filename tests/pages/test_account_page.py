"""Export all my data, and delete my account with all its data."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from streamlit import config
from streamlit.testing.v1 import AppTest

from storage import accounts, contacts, events, followups, owners
from storage.db import Database
from storage.kinds import Rating
from storage.models import Base
from storage.records import ContactAnswers, ContactDetails
from tests.pages.conftest import APP, APP_TIMEOUT_S, local_owner_id

PASSWORD = "correct horse battery"
NOTE = "Keeps bees on the roof of the Kofferfabrik; wants to sell honey to offices."


def _seed(database: Database) -> tuple[int, int]:
    owner_id = local_owner_id(database)
    with database.write() as session:
        event = events.create_event(session, owner_id, name="Imkertreff", held_on=date.today())
        capture = contacts.start_capture(
            session, owner_id, event_id=event.id, photo=b"\xff\xd8photo", photo_type="image/jpeg"
        )
        contact = contacts.answer_capture(
            session,
            owner_id,
            capture,
            details=ContactDetails(name="Jörg Imker", emails=("joerg@honig.de",)),
            answers=ContactAnswers(rating=Rating.YES, note=NOTE),
        )
        followups.queue_follow_up(session, owner_id, contact.id, due_at=datetime.now(UTC))
        other = owners.create_owner(session, "someone-else")
        events.create_event(session, other.id, name="Not mine", held_on=date.today())
    return owner_id, other.id


def _account_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S).run()
    return at.switch_page("followup/account_page.py").run()


def test_export_holds_every_row_and_image_of_mine_only(app_env, app_database: Database) -> None:  # type: ignore[no-untyped-def]
    _seed(app_database)
    at = _account_page()
    at.button(key="account.prepare").click().run()
    assert not at.exception
    data = at.session_state["account.export"]
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    assert {"account.json", "contacts.json", "events.json", "follow_ups.json"} <= names
    contact = json.loads(archive.read("contacts.json"))[0]
    assert contact["name"] == "Jörg Imker" and contact["note"] == NOTE
    assert [e["name"] for e in json.loads(archive.read("events.json"))] == ["Imkertreff"]
    photo = next(n for n in names if n.endswith("-photo.jpg"))
    assert archive.read(photo) == b"\xff\xd8photo"


def test_deleting_my_account_needs_the_word_and_erases_everything_of_mine(
    app_env,
    app_database: Database,  # type: ignore[no-untyped-def]
) -> None:
    owner_id, other_id = _seed(app_database)
    at = _account_page()
    at.text_input(key="account.confirm").input("delete")
    at.button(key="account.delete_all").click().run()
    assert "Nothing was deleted" in at.error[0].value
    at.text_input(key="account.confirm").input("DELETE")
    at.button(key="account.delete_all").click().run()
    assert not at.exception
    with app_database.read() as session:
        for table in Base.metadata.sorted_tables:
            if "owner_id" in table.c:
                mine = select(func.count()).select_from(table).where(table.c.owner_id == owner_id)
                assert session.scalar(mine) == 0, table.name
        assert events.list_events(session, other_id)[0].name == "Not mine"
    assert "deleted" in at.success[0].value


def test_the_signature_name_is_saved(app_env, app_database: Database) -> None:  # type: ignore[no-untyped-def]
    at = _account_page()
    at.text_input(key="account.display_name").input("Jana Beispiel")
    at.button(key="account.save_name").click().run()
    with app_database.read() as session:
        assert owners.find_owner(session, owners.LOCAL_USERNAME).display_name == "Jana Beispiel"  # type: ignore[union-attr]


def _language(at: AppTest):  # type: ignore[no-untyped-def]
    """The language box; its key holds the owner's id (another login starts from its own)."""
    (box,) = [s for s in at.selectbox if str(s.key).startswith("account.language.")]
    return box


def _log_in(at: AppTest, username: str) -> AppTest:
    at.text_input(key="auth.username").input(username)
    at.text_input(key="auth.password").input(PASSWORD)
    return at.button(key="auth.submit").click().run()


def test_the_language_is_kept_with_the_account(app_env, app_database: Database) -> None:  # type: ignore[no-untyped-def]
    at = _account_page()
    assert _language(at).options == [
        "Automatic (browser)",
        "English",
        "Deutsch",
    ]
    _language(at).select("de").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Konto"
    # A reload is a new session: the account's choice speaks again, on every page.
    again = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S).run()
    assert again.title[0].value == "Die Veranstaltung heute"
    again.switch_page("followup/account_page.py").run()
    assert _language(again).value == "de"
    assert _language(again).label == "Sprache"
    # Automatic: the browser's language again (English here), also after a reload.
    _language(again).select("").run()
    assert again.title[0].value == "Account"
    with app_database.read() as session:
        assert owners.owner_language(session, local_owner_id(app_database)) == ""
    assert AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S).run().title[0].value == (
        "Tonight's event"
    )


def test_each_account_speaks_its_own_language_in_the_same_browser(
    app_env: object, app_database: Database
) -> None:
    with app_database.write() as session:
        jana = accounts.add_user(session, "jana", PASSWORD, display_name="Jana")
        accounts.add_user(session, "otto", PASSWORD, display_name="Otto")
    previous = config.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")  # served to the network: logins
    try:
        at = _log_in(AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S).run(), "jana")
        at.switch_page("followup/account_page.py").run()
        _language(at).select("de").run()
        assert at.title[0].value == "Konto"
        at.button(key="account.logout").click().run()
        # Otto logs in in the same browser session: his own (automatic) language, not Jana's.
        _log_in(at, "otto")
        assert at.title[0].value == "Account"
        with app_database.read() as session:
            assert owners.owner_language(session, jana.id) == "de"
            assert owners.owner_language(session, owners.find_owner(session, "otto").id) == ""  # type: ignore[union-attr]
    finally:
        config.set_option("server.address", previous)
