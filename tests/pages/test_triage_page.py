"""The morning triage through AppTest: answer first, each decision, undo, the bulk discard."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from capture.translation import Translator, inert
from storage import contacts, events, followups, triage
from storage.db import Database
from storage.kinds import ContactStatus, Rating
from storage.models import DiscardTally
from storage.records import ContactAnswers, ContactDetails
from tests.pages.conftest import APP, APP_TIMEOUT_S, local_owner_id

NOTE = "Restores Bauhaus chairs; looking for a printer for small batches of seat fabric."


def _add(
    database: Database,
    owner_id: int,
    event_id: int,
    name: str,
    rating: Rating,
    *,
    pitch: bool = False,
    email: str = "",
) -> int:
    with database.write() as session:
        return contacts.add_contact(
            session,
            owner_id,
            event_id=event_id,
            details=ContactDetails(name=name, emails=(email,) if email else ()),
            answers=ContactAnswers(rating=rating, note=f"{name}: {NOTE}", is_pitch=pitch),
        ).id


@pytest.fixture
def evening(app_env: Any, app_database: Database) -> dict[str, Any]:
    owner_id = local_owner_id(app_database)
    with app_database.write() as session:
        event = events.create_event(session, owner_id, name="Gründerabend", held_on=date.today())
    ids = {
        "yes": _add(app_database, owner_id, event.id, "Anna Schäfer", Rating.YES),
        "unsure": _add(app_database, owner_id, event.id, "Bea Unsicher", Rating.NOT_SURE),
        "no": _add(app_database, owner_id, event.id, "Carl Nein", Rating.NO),
        "pitch": _add(
            app_database,
            owner_id,
            event.id,
            "Dora Verkauf",
            Rating.YES,
            pitch=True,
            email="dora@verkauf.example",
        ),
    }
    return {"db": app_database, "owner": owner_id, "event": event.id, **ids}


def _open() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S).run()
    at.switch_page("followup/triage_page.py").run()
    assert not at.exception, at.exception
    return at


def _click(at: AppTest, key: str) -> None:
    at.button(key=key).click().run()
    assert not at.exception, at.exception


def _contact(ev: dict[str, Any], key: str):  # type: ignore[no-untyped-def]
    with ev["db"].read() as session:
        return contacts.get_contact(session, ev["owner"], ev[key])


def _keys(at: AppTest) -> set[str]:
    return {b.key for b in at.button if b.key}


def test_only_allowed_decisions_are_offered_and_the_suggested_one_stands_out(
    evening: dict[str, Any],
) -> None:
    at = _open()
    keys = _keys(at)
    yes, unsure, no, pitch = (evening[k] for k in ("yes", "unsure", "no", "pitch"))
    assert {f"triage.follow_up.{yes}", f"triage.keep.{yes}", f"triage.discard.{yes}"} <= keys
    assert f"triage.follow_up.{unsure}" not in keys and f"triage.keep.{unsure}" in keys
    assert f"triage.follow_up.{no}" not in keys
    assert f"triage.follow_up.{pitch}" not in keys, "never a follow-up for a pitch"
    assert at.button(key=f"triage.follow_up.{yes}").proto.type == "primary"
    assert at.button(key=f"triage.discard.{no}").proto.type == "primary"
    assert at.button(key=f"triage.discard.{pitch}").proto.type == "primary"
    assert at.button(key=f"triage.keep.{unsure}").proto.type == "secondary"
    assert f"triage.rerate.yes.{unsure}" in keys and f"triage.rerate.yes.{yes}" not in keys
    labels = [m.label for m in at.metric]
    assert labels == ["Captured", "Clicked", "Follow-ups", "Kept", "Discarded", "Pitches"]
    assert [m.value for m in at.metric] == ["4", "2", "0", "0", "0", "1"]


def test_follow_up_queues_one_due_within_the_configured_hours_and_undo_removes_it(
    evening: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KLICK_FOLLOW_UP_HOURS", "24")
    at = _open()
    before = datetime.now(UTC)
    _click(at, f"triage.follow_up.{evening['yes']}")
    assert "Follow-up for Anna Schäfer queued" in at.success[0].value
    assert _contact(evening, "yes").status is ContactStatus.FOLLOW_UP
    with evening["db"].read() as session:
        (queued,) = followups.list_follow_ups(session, evening["owner"])
    assert before + timedelta(hours=24) <= queued.due_at <= datetime.now(UTC) + timedelta(hours=24)
    due = Translator("en", "UTC").moment(queued.due_at, year=False)
    assert f"due {due}." in at.success[0].value, "the due time is on the user's clock"
    assert f"triage.follow_up.{evening['yes']}" not in _keys(at), "decided: off the list"
    assert at.metric[2].value == "1"

    _click(at, "triage.undo_button")
    assert "Undone" in at.info[0].value
    assert _contact(evening, "yes").status is ContactStatus.CAPTURED
    with evening["db"].read() as session:
        assert followups.list_follow_ups(session, evening["owner"], status=None) == []
    assert f"triage.follow_up.{evening['yes']}" in _keys(at)


def test_keep_and_its_undo(evening: dict[str, Any]) -> None:
    at = _open()
    _click(at, f"triage.keep.{evening['unsure']}")
    assert _contact(evening, "unsure").status is ContactStatus.KEPT
    assert "Bea Unsicher kept" in at.success[0].value
    _click(at, "triage.undo_button")
    assert _contact(evening, "unsure").status is ContactStatus.CAPTURED


def test_discard_deletes_and_undo_restores_within_the_session(evening: dict[str, Any]) -> None:
    at = _open()
    _click(at, f"triage.discard.{evening['no']}")
    assert _contact(evening, "no") is None
    assert at.metric[4].value == "1"
    assert "Undo is possible until you leave triage" in at.caption[0].value + "".join(
        c.value for c in at.caption
    )
    _click(at, "triage.undo_button")
    restored = _contact(evening, "no")
    assert restored is not None and restored.note == f"Carl Nein: {NOTE}"
    assert at.metric[4].value == "0"
    with evening["db"].read() as session:
        assert session.scalars(select(DiscardTally)).all() == []


def test_a_not_sure_is_re_rated_with_its_note_kept_and_then_offered_a_follow_up(
    evening: dict[str, Any],
) -> None:
    at = _open()
    unsure = evening["unsure"]
    _click(at, f"triage.rerate.yes.{unsure}")
    contact = _contact(evening, "unsure")
    assert contact.rating is Rating.YES and contact.note == f"Bea Unsicher: {NOTE}"
    assert f"triage.follow_up.{unsure}" in _keys(at)
    assert f"triage.rerate.yes.{unsure}" not in _keys(at)
    _click(at, "triage.undo_button")
    assert _contact(evening, "unsure").rating is Rating.NOT_SURE


def test_the_bulk_discard_counts_asks_and_can_be_undone(evening: dict[str, Any]) -> None:
    at = _open()
    assert at.button(key="triage.bulk").label.endswith("(2)")
    _click(at, "triage.bulk")
    assert "Discard 2 contacts for good?" in at.warning[0].value
    _click(at, "triage.bulk_cancel")
    assert _contact(evening, "no") is not None and "triage.bulk_yes" not in _keys(at)

    _click(at, "triage.bulk")
    _click(at, "triage.bulk_yes")
    assert _contact(evening, "no") is None and _contact(evening, "pitch") is None
    assert _contact(evening, "yes") is not None and _contact(evening, "unsure") is not None
    assert "2 discarded" in at.success[0].value
    assert "triage.bulk" not in _keys(at)
    with evening["db"].read() as session:
        summary = triage.event_summary(session, evening["owner"], evening["event"])
    assert (summary.discarded, summary.pitches) == (2, 1)

    _click(at, "triage.undo_button")
    assert _contact(evening, "no") is not None and _contact(evening, "pitch") is not None


def test_unanswered_captures_come_first_and_block_every_decision(
    evening: dict[str, Any],
) -> None:
    with evening["db"].write() as session:
        capture = contacts.start_capture(
            session,
            evening["owner"],
            event_id=evening["event"],
            photo=b"not really a photo",
            photo_type="image/jpeg",
        )
    at = _open()
    assert "1 capture still waits for its two answers" in at.warning[0].value
    assert not [k for k in _keys(at) if k.startswith(("triage.keep", "triage.discard"))]
    assert "triage.bulk" not in _keys(at)
    key = f"triage.answer.{capture}"
    at.text_input(key=f"{key}.name").input("Emil Offen")
    at.radio(key=f"{key}.rating").set_value(Rating.YES)
    at.text_area(key=f"{key}.note").input("Emil fixes old tube radios and wants a workshop.")
    _click(at, f"{key}.save")
    assert "Saved Emil Offen" in at.success[0].value
    assert f"triage.follow_up.{capture}" in _keys(at)


def test_the_list_is_paginated(evening: dict[str, Any]) -> None:
    for number in range(25):
        _add(evening["db"], evening["owner"], evening["event"], f"Gast {number}", Rating.YES)
    at = _open()
    assert len([k for k in _keys(at) if k.startswith("triage.keep.")]) == 20
    assert "Page 1 of 2" in [c.value for c in at.caption]
    _click(at, "triage.next")
    assert len([k for k in _keys(at) if k.startswith("triage.keep.")]) == 9


def test_user_text_is_never_markup(app_env: Any, app_database: Database) -> None:
    owner_id = local_owner_id(app_database)
    with app_database.write() as session:
        event = events.create_event(session, owner_id, name="Abend", held_on=date.today())
    name = "**Bold** <b>x</b> [link](http://x)"
    _add(app_database, owner_id, event.id, name, Rating.YES)
    at = _open()
    assert f"**{inert(name)}**" in [m.value for m in at.markdown]
    assert f"{name}: {NOTE}" in [t.value for t in at.text]


def test_the_page_speaks_german(evening: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KLICK_LANGUAGE", "de")
    at = _open()
    assert at.title[0].value == "Sichten"
    assert at.button(key=f"triage.follow_up.{evening['yes']}").label == "Nachfassen"
    assert at.button(key="triage.bulk").label.startswith("Jedes Nein und jedes Verkaufsgespräch")
    unsure = evening["unsure"]
    assert at.button(key=f"triage.rerate.yes.{unsure}").label == "Es hat Klick gemacht"
    assert at.button(key=f"triage.rerate.no.{unsure}").label == "Kein Klick"
    assert "Hat es Klick gemacht? **Ja**" in [m.value for m in at.markdown]
    _click(at, "triage.bulk")
    assert "2 Kontakte endgültig verwerfen?" in at.warning[0].value
    _click(at, "triage.bulk_cancel")
    _click(at, f"triage.discard.{evening['no']}")
    assert "endgültig verworfen" in at.success[0].value
    hint = "Rückgängig machen geht, bis Sie das Sichten verlassen"
    assert any(hint in c.value for c in at.caption)


def test_leaving_triage_ends_its_undo(evening: dict[str, Any]) -> None:
    at = _open()
    _click(at, f"triage.discard.{evening['no']}")
    assert "triage.undo_button" in _keys(at) and at.session_state["triage.undo"]
    at.switch_page("capture/page.py").run()
    assert not at.exception, at.exception
    assert "triage.undo" not in at.session_state
    at.switch_page("followup/triage_page.py").run()
    assert not at.exception, at.exception
    assert f"triage.keep.{evening['yes']}" in _keys(at), "triage is shown again"
    assert "triage.undo_button" not in _keys(at)
    assert _contact(evening, "no") is None, "the discard stands"
