"""The morning triage through AppTest: one contact at a time, each decision, undo, the bulk
discard; pending captures (answered first only when they hold a contact, else listed apart),
discarded or retaken; the no-thanks flag; two sessions deciding the same contact."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from capture.translation import Translator, inert
from storage import contacts, events, followups, owners, triage
from storage.db import Database
from storage.kinds import ContactStatus, Rating
from storage.matching import no_thanks_keys
from storage.models import DiscardTally, NoThanks
from storage.records import ContactAnswers, ContactDetails, ScanOutcome
from tests.cardmaker import photo_of_card
from tests.pages.conftest import APP, APP_TIMEOUT_S, local_owner_id

NOTE = "Restores Bauhaus chairs; looking for a printer for small batches of seat fabric."
DECISIONS = ("triage.follow_up.", "triage.keep.", "triage.discard.")


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


def _pending(
    database: Database, owner_id: int, event_id: int, details: ContactDetails | None = None
) -> int:
    """A capture waiting for its answers: read with `details`, or a photo nothing was read from."""
    with database.write() as session:
        capture = contacts.start_capture(
            session, owner_id, event_id=event_id, photo=b"not really a photo", photo_type="jpeg"
        )
        if details is None:
            contacts.record_scan_failure(session, owner_id, capture, "decode_failed")
        else:
            outcome = ScanOutcome(details, b"", "", [], {})
            contacts.record_scan(session, owner_id, capture, outcome)
    return capture


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


def _decisions(at: AppTest) -> list[str]:
    """The decision buttons on screen, in their order."""
    return [b.key for b in at.button if b.key and b.key.startswith(DECISIONS)]


def _on_screen(at: AppTest) -> int:
    """The id of the one contact on screen, from the keys of its decision buttons."""
    keys = [b.key for b in at.button if (b.key or "").startswith((*DECISIONS, "triage.rerate."))]
    return int(keys[0].rsplit(".", 1)[1])


def _show(at: AppTest, contact_id: int) -> None:
    """Previous, then Next, until this contact is the one on screen."""
    for step in ("triage.previous", "triage.next"):
        for _ in range(10):
            if _decisions(at) and _on_screen(at) == contact_id:
                return
            if step not in _keys(at) or at.button(key=step).disabled:
                break
            _click(at, step)
    raise AssertionError(f"contact {contact_id} never came on screen")


def _left(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.endswith(" left**"))


def test_one_contact_at_a_time_with_only_its_allowed_decisions(
    evening: dict[str, Any],
) -> None:
    at = _open()
    yes, unsure, no, pitch = (evening[k] for k in ("yes", "unsure", "no", "pitch"))
    assert _left(at) == "**4 left**" and "1 of 4" in [c.value for c in at.caption]
    assert _decisions(at) == [f"{decision}{yes}" for decision in DECISIONS]
    assert at.button(key=f"triage.follow_up.{yes}").proto.type == "primary"
    assert f"triage.rerate.yes.{yes}" not in _keys(at)

    _show(at, unsure)
    assert _decisions(at) == [f"triage.keep.{unsure}", f"triage.discard.{unsure}"]
    assert at.button(key=f"triage.keep.{unsure}").proto.type == "secondary"
    assert f"triage.rerate.yes.{unsure}" in _keys(at)
    _show(at, no)
    assert _decisions(at) == [f"triage.keep.{no}", f"triage.discard.{no}"]
    assert at.button(key=f"triage.discard.{no}").proto.type == "primary"
    _show(at, pitch)
    assert f"triage.follow_up.{pitch}" not in _keys(at), "never a follow-up for a pitch"
    assert at.button(key=f"triage.discard.{pitch}").proto.type == "primary"
    assert at.button(key="triage.next").disabled and not at.button(key="triage.previous").disabled

    labels = [m.label for m in at.metric]
    assert labels == ["Captured", "Clicked", "Follow-ups", "Kept", "Discarded", "Pitches"]
    assert [m.value for m in at.metric] == ["4", "2", "0", "0", "0", "1"]


def test_each_decision_moves_on_to_the_next_contact_and_counts_down(
    evening: dict[str, Any],
) -> None:
    at = _open()
    _click(at, f"triage.keep.{evening['yes']}")
    assert _on_screen(at) == evening["unsure"] and _left(at) == "**3 left**"
    _click(at, f"triage.keep.{evening['unsure']}")
    assert _on_screen(at) == evening["no"] and _left(at) == "**2 left**"
    _click(at, "triage.undo_button")
    assert _left(at) == "**3 left**" and _on_screen(at) == evening["unsure"], "back on screen"
    assert _contact(evening, "unsure").status is ContactStatus.CAPTURED
    _click(at, f"triage.keep.{evening['unsure']}")
    _click(at, f"triage.discard.{evening['no']}")
    _click(at, f"triage.discard.{evening['pitch']}")
    assert not _decisions(at) and not [m for m in at.markdown if m.value.endswith(" left**")]
    assert "Every contact of this event is decided." in [i.value for i in at.info]


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
    _show(at, evening["unsure"])
    _click(at, f"triage.keep.{evening['unsure']}")
    assert _contact(evening, "unsure").status is ContactStatus.KEPT
    assert "Bea Unsicher kept" in at.success[0].value
    _click(at, "triage.undo_button")
    assert _contact(evening, "unsure").status is ContactStatus.CAPTURED


def test_discard_deletes_and_undo_restores_within_the_session(evening: dict[str, Any]) -> None:
    at = _open()
    _show(at, evening["no"])
    _click(at, f"triage.discard.{evening['no']}")
    assert _contact(evening, "no") is None
    assert at.metric[4].value == "1"
    assert any("Undo is possible until you leave triage" in c.value for c in at.caption)
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
    _show(at, unsure)
    _click(at, f"triage.rerate.yes.{unsure}")
    contact = _contact(evening, "unsure")
    assert contact.rating is Rating.YES and contact.note == f"Bea Unsicher: {NOTE}"
    assert f"triage.follow_up.{unsure}" in _keys(at), "still on screen, now with a follow-up"
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


def test_a_capture_that_holds_a_contact_comes_first_and_blocks_every_decision(
    evening: dict[str, Any],
) -> None:
    capture = _pending(
        evening["db"], evening["owner"], evening["event"], ContactDetails(company="Röhrenfunk")
    )
    at = _open()
    assert "1 capture still waits for its two answers" in at.warning[0].value
    assert not _decisions(at) and "triage.bulk" not in _keys(at)
    assert f"triage.drop.{capture}" in _keys(at), "it can be discarded without answers"
    key = f"triage.answer.{capture}"
    at.text_input(key=f"{key}.name").input("Emil Offen")
    at.radio(key=f"{key}.rating").set_value(Rating.YES)
    at.text_area(key=f"{key}.note").input("Emil fixes old tube radios and wants a workshop.")
    _click(at, f"{key}.save")
    assert "Saved Emil Offen" in at.success[0].value
    assert _decisions(at), "unblocked"
    _show(at, capture)


def test_a_capture_of_someone_known_is_offered_as_their_meeting_in_triage(
    evening: dict[str, Any],
) -> None:
    capture = _pending(
        evening["db"],
        evening["owner"],
        evening["event"],
        ContactDetails(name="Dora V.", emails=("DORA@verkauf.example",)),
    )
    at = _open()
    key = f"triage.answer.{capture}"
    assert any("Dora Verkauf" in w.value for w in at.warning)
    assert at.checkbox(key=f"{key}.merge").value is True
    at.radio(key=f"{key}.rating").set_value(Rating.NO)
    at.text_area(key=f"{key}.note").input("Pitched the same software again, louder.")
    at.text_input(key=f"{key}.need").input("Leads")
    _click(at, f"{key}.save")
    assert "Saved Dora Verkauf" in at.success[0].value
    with evening["db"].read() as session:
        assert contacts.get_contact(session, evening["owner"], capture) is None
        met = contacts.contact_meetings(session, evening["owner"], evening["pitch"])
    assert len(met) == 1 and met[0].note.endswith("Pitched the same software again, louder.")
    assert met[0].they_need == "Leads"


def test_a_photo_nothing_was_read_from_never_blocks_and_is_listed_apart(
    evening: dict[str, Any],
) -> None:
    junk = [_pending(evening["db"], evening["owner"], evening["event"]) for _ in range(2)]
    at = _open()
    assert not at.warning, "nothing blocks"
    assert _decisions(at) == [f"{d}{evening['yes']}" for d in DECISIONS]
    (listed,) = [e for e in at.expander if "readable card" in e.label]
    assert listed.label == "2 photos without a readable card"
    assert {b.key for b in listed.button} == {f"triage.drop.{j}" for j in junk}
    assert "It could not be read." in listed.caption[1].value


def test_a_junk_photo_is_discarded_for_good_from_triage(evening: dict[str, Any]) -> None:
    junk = _pending(evening["db"], evening["owner"], evening["event"])
    at = _open()
    _click(at, f"triage.drop.{junk}")
    assert at.success[0].value == "Capture discarded for good, photo included."
    with evening["db"].read() as session:
        assert contacts.get_contact(session, evening["owner"], junk) is None
        assert contacts.get_card(session, evening["owner"], junk) is None
        assert session.scalar(select(func.count(DiscardTally.id))) == 0, "not even a tally"
    assert not [e for e in at.expander if "readable card" in e.label]
    assert _decisions(at), "triage goes on"


def test_a_blocking_capture_is_discarded_without_answers_and_triage_is_unblocked(
    evening: dict[str, Any],
) -> None:
    misread = _pending(
        evening["db"], evening["owner"], evening["event"], ContactDetails(name="Anna Sch")
    )
    at = _open()
    assert at.warning and not _decisions(at)
    _click(at, f"triage.drop.{misread}")
    assert not at.warning and _decisions(at)
    with evening["db"].read() as session:
        assert contacts.get_contact(session, evening["owner"], misread) is None


@pytest.mark.tesseract
def test_a_junk_photo_is_retaken_read_and_then_answered_first(
    evening: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tesseract_binary: str
) -> None:
    monkeypatch.setenv("KLICK_OCR_ENGINE", "tesseract")
    junk = _pending(evening["db"], evening["owner"], evening["event"])
    at = _open()
    at.toggle(key=f"triage.retake.{junk}.0").set_value(True).run()
    assert not at.exception, at.exception
    at.file_uploader(key=f"triage.retake_photo.{junk}.0").upload(
        "again.jpg", photo_of_card(), "image/jpeg"
    ).run()
    assert not at.exception, at.exception
    assert at.success[0].value == "The new photo is stored and read."
    with evening["db"].read() as session:
        assert contacts.get_card(session, evening["owner"], junk).photo == photo_of_card()
    # It now holds a contact: answered first, its fields prefilled from the new photo.
    assert "1 capture still waits" in at.warning[0].value
    assert at.text_input(key=f"triage.answer.{junk}.name").value == "Anna Schäfer"
    assert not [e for e in at.expander if "readable card" in e.label]


def test_a_retaken_file_the_decoder_refuses_is_not_kept(evening: dict[str, Any]) -> None:
    junk = _pending(evening["db"], evening["owner"], evening["event"])
    at = _open()
    at.toggle(key=f"triage.retake.{junk}.0").set_value(True).run()
    at.file_uploader(key=f"triage.retake_photo.{junk}.0").upload(
        "again.jpg", b"still not an image", "image/jpeg"
    ).run()
    assert not at.exception, at.exception
    assert "It was not kept." in at.warning[0].value
    with evening["db"].read() as session:
        assert contacts.get_contact(session, evening["owner"], junk) is None


def _on_the_no_thanks_list(ev: dict[str, Any], email: str) -> None:
    """A pitch met at a fair and discarded: only salted hashes of its e-mail remain."""
    with ev["db"].write() as session:
        salt = owners.owner_salt(session, ev["owner"])
        fair = events.create_event(
            session, ev["owner"], name="Messe Nürnberg", held_on=date(2026, 3, 1)
        )
        pitch = contacts.add_contact(
            session,
            ev["owner"],
            event_id=fair.id,
            details=ContactDetails(name="Vertrieb", emails=(email,)),
            answers=ContactAnswers(rating=Rating.NO, note="Only pitched a CRM.", is_pitch=True),
        )
        hashes = no_thanks_keys(pitch.details.emails, salt)
        triage.discard_contact(session, ev["owner"], pitch.id, no_thanks_hashes=hashes)


def _counts(ev: dict[str, Any]) -> tuple[int, int]:
    with ev["db"].read() as session:
        return (
            session.scalar(select(func.count(NoThanks.id))) or 0,
            len(contacts.list_inbox(session, ev["owner"])),
        )


def test_an_undecided_contact_on_the_no_thanks_list_is_flagged_with_discard_now_first(
    evening: dict[str, Any],
) -> None:
    _on_the_no_thanks_list(evening, "dora@verkauf.example")
    at = _open()
    pitch = evening["pitch"]
    _show(at, pitch)
    flag = at.error[0].value
    assert flag.startswith("On your no-thanks list: discarded as a pitch on ")
    assert "Messe Nürnberg" in flag
    assert _decisions(at) == [f"triage.discard.{pitch}", f"triage.keep.{pitch}"]
    now = at.button(key=f"triage.discard.{pitch}")
    assert (now.label, now.proto.type) == ("Discard now", "primary")
    assert at.button(key=f"triage.keep.{pitch}").proto.type == "secondary"
    hashes, _ = _counts(evening)

    _click(at, f"triage.discard.{pitch}")
    assert _contact(evening, "pitch") is None
    assert _counts(evening)[0] == hashes, "nothing but the hashes already there"
    _show(at, evening["yes"])
    assert not at.error, "a contact not on the list is not flagged"


def test_a_pending_capture_on_the_no_thanks_list_is_flagged_with_discard_now_first(
    evening: dict[str, Any],
) -> None:
    _on_the_no_thanks_list(evening, "vertrieb@crm.example")
    capture = _pending(
        evening["db"],
        evening["owner"],
        evening["event"],
        ContactDetails(name="Vera Vertrieb", emails=("vertrieb@crm.example",)),
    )
    at = _open()
    assert "On your no-thanks list" in at.error[0].value
    first = next(b for b in at.button if (b.key or "").endswith(f".{capture}"))
    assert (first.key, first.label, first.proto.type) == (
        f"triage.drop.{capture}",
        "Discard now",
        "primary",
    )
    hashes, _ = _counts(evening)
    _click(at, f"triage.drop.{capture}")
    assert _counts(evening) == (hashes, 0)
    assert _decisions(at), "unblocked"


def test_two_sessions_deciding_the_same_contact_one_wins_the_other_is_told(
    evening: dict[str, Any],
) -> None:
    first, second = _open(), _open()
    yes = evening["yes"]
    _click(first, f"triage.keep.{yes}")
    _click(second, f"triage.follow_up.{yes}")
    assert second.error[0].value == (
        "This contact was decided meanwhile, perhaps in another window: nothing was changed."
    )
    assert _contact(evening, "yes").status is ContactStatus.KEPT
    with evening["db"].read() as session:
        assert followups.list_follow_ups(session, evening["owner"], status=None) == []
    assert "triage.undo_button" not in _keys(second), "nothing of the other's to undo"

    _show(first, evening["no"])
    _show(second, evening["no"])
    _click(first, f"triage.discard.{evening['no']}")
    _click(second, f"triage.discard.{evening['no']}")
    assert second.error[0].value == "This contact is no longer there."


def test_two_sessions_discarding_the_same_capture_one_is_told(evening: dict[str, Any]) -> None:
    junk = _pending(evening["db"], evening["owner"], evening["event"])
    first, second = _open(), _open()
    _click(first, f"triage.drop.{junk}")
    _click(second, f"triage.drop.{junk}")
    assert second.error[0].value == "This capture was already answered or discarded elsewhere."


def test_user_text_is_never_markup(app_env: Any, app_database: Database) -> None:
    owner_id = local_owner_id(app_database)
    with app_database.write() as session:
        event = events.create_event(session, owner_id, name="Abend", held_on=date.today())
    name = "**Bold** <b>x</b> [link](http://x) ![x](http://host/n.png)"
    _add(app_database, owner_id, event.id, name, Rating.YES)
    at = _open()
    assert f"**{inert(name)}**" in [m.value for m in at.markdown]
    assert f"{name}: {NOTE}" in [t.value for t in at.text]
    _click(at, next(k for k in _decisions(at) if k.startswith("triage.keep.")))
    assert at.success[0].value == f"{inert(name)} kept."
    assert at.button(key="triage.undo_button").label == f"Undo: keep {inert(name)}"


def test_the_page_speaks_german(evening: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KLICK_LANGUAGE", "de")
    _pending(evening["db"], evening["owner"], evening["event"])
    at = _open()
    assert at.title[0].value == "Sichten"
    assert "**Noch 4**" in [m.value for m in at.markdown]
    assert at.button(key=f"triage.follow_up.{evening['yes']}").label == "Nachfassen"
    assert at.button(key="triage.bulk").label.startswith("Jedes Nein und jedes Verkaufsgespräch")
    assert "1 Foto ohne lesbare Karte" in [e.label for e in at.expander]
    _show(at, evening["unsure"])
    unsure = evening["unsure"]
    assert at.button(key=f"triage.rerate.yes.{unsure}").label == "Es hat Klick gemacht"
    assert at.button(key=f"triage.rerate.no.{unsure}").label == "Kein Klick"
    assert "Hat es Klick gemacht? **Unsicher**" in [m.value for m in at.markdown]
    _click(at, "triage.bulk")
    assert "2 Kontakte endgültig verwerfen?" in at.warning[0].value
    _click(at, "triage.bulk_cancel")
    _show(at, evening["no"])
    _click(at, f"triage.discard.{evening['no']}")
    assert "endgültig verworfen" in at.success[0].value
    hint = "Rückgängig machen geht, bis Sie das Sichten verlassen"
    assert any(hint in c.value for c in at.caption)


def test_leaving_triage_ends_its_undo(evening: dict[str, Any]) -> None:
    at = _open()
    _show(at, evening["no"])
    _click(at, f"triage.discard.{evening['no']}")
    assert "triage.undo_button" in _keys(at) and at.session_state["triage.undo"]
    at.switch_page("capture/page.py").run()
    assert not at.exception, at.exception
    assert "triage.undo" not in at.session_state
    at.switch_page("followup/triage_page.py").run()
    assert not at.exception, at.exception
    assert _decisions(at), "triage is shown again"
    assert "triage.undo_button" not in _keys(at)
    assert _contact(evening, "no") is None, "the discard stands"
