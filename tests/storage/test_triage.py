"""Discard is deletion: nothing personal survives, only a tally; undo puts it all back."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from capture import intake
from followup import triage_service
from storage import contacts, events, followups, no_thanks, owners, triage
from storage.db import Database
from storage.kinds import ContactStatus, Rating
from storage.matching import no_thanks_keys
from storage.models import Base, DiscardTally, NoThanks
from storage.records import ContactAnswers, ContactDetails, ScanOutcome

NAME = "Xaver Zwiebelmeier"
EMAIL = "xaver.zwiebelmeier@pitchfabrik.example"
PHONE = "+49 89 55501987"
NOTE = "Sold me cloud storage twice over; Zwiebelmeier kept talking about quotas."
# A photo no database page would contain by chance.
PHOTO = os.urandom(48_000)
OCR = "XAVER ZWIEBELMEIER Pitchfabrik GmbH"
DETAILS = ContactDetails(name=NAME, company="Pitchfabrik GmbH", emails=(EMAIL,), phones=(PHONE,))


def _capture(database: Database, owner_id: int, event_id: int, *, pitch: bool = True) -> int:
    """A read, answered card with a meeting and a follow-up: every table a contact touches."""
    with database.write() as session:
        contact_id = contacts.start_capture(
            session, owner_id, event_id=event_id, photo=PHOTO, photo_type="image/jpeg"
        )
        contacts.record_scan(
            session,
            owner_id,
            contact_id,
            ScanOutcome(
                details=DETAILS,
                card_jpeg=PHOTO[::-1],
                raw_text=OCR,
                word_confidences=[("ZWIEBELMEIER", 91.0)],
                field_confidence={"name": 0.9},
            ),
        )
        contacts.answer_capture(
            session,
            owner_id,
            contact_id,
            details=DETAILS,
            answers=ContactAnswers(rating=Rating.NO, note=NOTE, is_pitch=pitch),
        )
        contacts.add_meeting(session, owner_id, contact_id, event_id=event_id, note=NOTE)
        queued = followups.queue_follow_up(session, owner_id, contact_id, due_at=datetime.now(UTC))
        followups.save_draft(
            session,
            owner_id,
            queued.id,
            channel=queued.channel,
            subject=f"Dear {NAME}",
            body=f"Hello {NAME}",
            language="en",
        )
    return contact_id


@pytest.fixture
def evening(database: Database) -> dict[str, Any]:
    with database.write() as session:
        owner_id = owners.create_owner(session, "anna").id
        event = events.create_event(session, owner_id, name="Gründerabend", held_on=date.today())
    return {"owner": owner_id, "event": event.id}


def _every_value(database: Database) -> list[Any]:
    """Every column value of every row of every table."""
    found: list[Any] = []
    with database.read() as session:
        for table in Base.metadata.sorted_tables:
            for row in session.execute(select(table)):
                found.extend(row)
    return found


def _mentions(values: list[Any], needle: str) -> bool:
    return any(needle.lower() in str(value).lower() for value in values)


def test_discard_deletes_every_row_and_leaves_a_tally(
    database: Database, evening: dict[str, Any]
) -> None:
    owner_id, event_id = evening["owner"], evening["event"]
    contact_id = _capture(database, owner_id, event_id)
    triage_service.discard(database, owner_id, [contact_id])

    values = _every_value(database)
    for needle in (NAME, EMAIL, PHONE, "55501987", NOTE, OCR, "Zwiebelmeier"):
        assert not _mentions(values, needle), needle
    assert not any(isinstance(v, bytes) and PHOTO[:64] in v for v in values)
    with database.read() as session:
        assert contacts.get_contact(session, owner_id, contact_id) is None
        assert contacts.get_card(session, owner_id, contact_id) is None
        assert followups.list_follow_ups(session, owner_id, status=None) == []
        tallies = session.scalars(select(DiscardTally)).all()
        assert [(t.event_id, t.rating, t.is_pitch) for t in tallies] == [(event_id, "no", True)]
        assert tallies[0].discarded_at.date() == datetime.now(UTC).date()


@pytest.mark.postgres
def test_discard_on_postgres_leaves_nothing_any_row_mentions(
    postgres_url: str, evening_pg: dict[str, Any]
) -> None:
    database, owner_id, event_id = evening_pg["db"], evening_pg["owner"], evening_pg["event"]
    contact_id = _capture(database, owner_id, event_id)
    triage_service.discard(database, owner_id, [contact_id])
    with database.read() as session:
        for table in Base.metadata.sorted_tables:
            hits = session.scalar(
                text(f'SELECT count(*) FROM "{table.name}" t WHERE t::text ILIKE :needle'),
                {"needle": "%zwiebelmeier%"},
            )
            assert hits == 0, table.name
            digits = session.scalar(
                text(f'SELECT count(*) FROM "{table.name}" t WHERE t::text LIKE :needle'),
                {"needle": "%55501987%"},
            )
            assert digits == 0, table.name


@pytest.fixture
def evening_pg(postgres_url: str) -> Any:
    from tests.conftest import _empty_postgres

    database = _empty_postgres(postgres_url)
    with database.write() as session:
        owner_id = owners.create_owner(session, "anna").id
        event = events.create_event(session, owner_id, name="Gründerabend", held_on=date.today())
    yield {"db": database, "owner": owner_id, "event": event.id}
    database.dispose()


def test_discard_leaves_no_trace_in_the_sqlite_file(tmp_path: Path) -> None:
    from tests.conftest import sqlite_database_at

    path = tmp_path / "klick.db"
    database = sqlite_database_at(path)
    try:
        with database.write() as session:
            owner_id = owners.create_owner(session, "anna").id
            event_id = events.create_event(
                session, owner_id, name="Gründerabend", held_on=date.today()
            ).id
        contact_id = _capture(database, owner_id, event_id)
        with database.read() as session:  # the data really is on disk before the discard
            assert contacts.get_contact(session, owner_id, contact_id) is not None
        triage_service.discard(database, owner_id, [contact_id])
        checkpoint = sqlite3.connect(path, isolation_level=None)
        busy, _, _ = checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        checkpoint.close()
        assert busy == 0
        files = [path, path.with_name(path.name + "-wal")]
        content = b"".join(f.read_bytes() for f in files if f.exists())
        assert "Gründerabend".encode() in content  # the event stays: it is the right file
        for needle in (NAME, EMAIL, PHONE, "55501987", NOTE, OCR, "Zwiebelmeier"):
            assert needle.encode() not in content, needle
        assert PHOTO[:256] not in content and PHOTO[-256:] not in content
        assert PHOTO[::-1][:256] not in content
    finally:
        database.dispose()


def test_a_pitch_goes_on_the_no_thanks_list_and_a_no_does_not(
    database: Database, evening: dict[str, Any]
) -> None:
    owner_id, event_id = evening["owner"], evening["event"]
    no = _capture(database, owner_id, event_id, pitch=False)
    triage_service.discard(database, owner_id, [no])
    with database.read() as session:
        salt = owners.owner_salt(session, owner_id)
        assert no_thanks.find_no_thanks(session, owner_id, no_thanks_keys([EMAIL], salt)) is None
    pitch = _capture(database, owner_id, event_id, pitch=True)
    triage_service.discard(database, owner_id, [pitch])
    with database.read() as session:
        hit = no_thanks.find_no_thanks(session, owner_id, no_thanks_keys([EMAIL], salt))
        assert hit is not None and hit.event_name == "Gründerabend"
        # The national form of the same number is recognised too.
        assert no_thanks.find_no_thanks(session, owner_id, no_thanks_keys(["089 55501987"], salt))


def test_undo_of_a_discard_puts_everything_back(
    database: Database, evening: dict[str, Any]
) -> None:
    owner_id, event_id = evening["owner"], evening["event"]
    contact_id = _capture(database, owner_id, event_id)
    with database.read() as session:
        before = contacts.get_contact(session, owner_id, contact_id)
        card_before = contacts.get_card(session, owner_id, contact_id)
        meetings_before = contacts.contact_meetings(session, owner_id, contact_id)
    step = triage_service.discard(database, owner_id, [contact_id])
    triage_service.undo(database, owner_id, step)
    with database.read() as session:
        assert contacts.get_contact(session, owner_id, contact_id) == before
        assert contacts.get_card(session, owner_id, contact_id) == card_before
        assert contacts.contact_meetings(session, owner_id, contact_id) == meetings_before
        (follow_up,) = followups.list_follow_ups(session, owner_id, status=None)
        assert follow_up.body == f"Hello {NAME}" and follow_up.contact_id == contact_id
        assert session.scalars(select(DiscardTally)).all() == []
        salt = owners.owner_salt(session, owner_id)
        assert no_thanks.find_no_thanks(session, owner_id, no_thanks_keys([EMAIL], salt)) is None
        assert triage.event_summary(session, owner_id, event_id).discarded == 0


def test_undo_when_the_id_was_taken_meanwhile_restores_under_a_new_id(
    database: Database, evening: dict[str, Any]
) -> None:
    owner_id, event_id = evening["owner"], evening["event"]
    contact_id = _capture(database, owner_id, event_id)
    step = triage_service.discard(database, owner_id, [contact_id])
    with database.write() as session:  # SQLite hands the freed id to the next contact
        newcomer = contacts.add_contact(
            session,
            owner_id,
            event_id=event_id,
            details=ContactDetails(name="Neu"),
            answers=ContactAnswers(rating=Rating.YES, note="Knits sails for racing dinghies."),
        )
    triage_service.undo(database, owner_id, step)
    with database.read() as session:
        names = {c.details.name for c in contacts.list_event_page(session, owner_id, event_id)}
        assert names == {NAME, "Neu"}
        assert contacts.get_contact(session, owner_id, newcomer.id) is not None


def test_event_summary_counts_live_contacts_and_tallies(
    database: Database, evening: dict[str, Any]
) -> None:
    owner_id, event_id = evening["owner"], evening["event"]
    pitch = _capture(database, owner_id, event_id)
    with database.write() as session:
        contacts.start_capture(session, owner_id, event_id=event_id, photo=b"x", photo_type="")
        ids = []
        for rating, name in ((Rating.YES, "Ja"), (Rating.YES, "Auch"), (Rating.NOT_SURE, "Hm")):
            ids.append(
                contacts.add_contact(
                    session,
                    owner_id,
                    event_id=event_id,
                    details=ContactDetails(name=name),
                    answers=ContactAnswers(rating=rating, note="Repairs church organs."),
                ).id
            )
    triage_service.follow_up(database, owner_id, ids[0], hours=48)
    triage_service.keep(database, owner_id, ids[2])
    triage_service.discard(database, owner_id, [pitch])
    with database.read() as session:
        summary = triage.event_summary(session, owner_id, event_id)
        assert triage.discard_candidates(session, owner_id, event_id) == []
    # The pitch's own follow-up went with it; one queued by triage remains.
    assert summary == triage.EventSummary(
        captured=5,
        clicked=2,
        follow_ups=1,
        kept=1,
        discarded=1,
        pitches=1,
        unanswered=1,
        undecided=1,
    )


def test_discard_candidates_are_undecided_noes_and_pitches(
    database: Database, evening: dict[str, Any]
) -> None:
    owner_id, event_id = evening["owner"], evening["event"]
    pitch = _capture(database, owner_id, event_id, pitch=True)
    no = _capture(database, owner_id, event_id, pitch=False)
    kept_no = _capture(database, owner_id, event_id, pitch=False)
    with database.write() as session:
        contacts.set_status(session, owner_id, kept_no, ContactStatus.KEPT)
    with database.read() as session:
        assert triage.discard_candidates(session, owner_id, event_id) == [pitch, no]


def test_triage_refuses_a_follow_up_for_a_pitch_or_a_not_sure_and_rerating_a_yes(
    database: Database, evening: dict[str, Any]
) -> None:
    owner_id, event_id = evening["owner"], evening["event"]
    with database.write() as session:
        ids = {
            rating: contacts.add_contact(
                session,
                owner_id,
                event_id=event_id,
                details=ContactDetails(name=str(rating)),
                answers=ContactAnswers(
                    rating=rating, note="Breeds bees on Nürnberg roofs.", is_pitch=pitch
                ),
            ).id
            for rating, pitch in ((Rating.YES, True), (Rating.NOT_SURE, False))
        }
    for contact_id in ids.values():
        with pytest.raises(triage_service.TriageError, match="not_offered"):
            triage_service.follow_up(database, owner_id, contact_id, hours=48)
    with pytest.raises(triage_service.TriageError, match="not_offered"):
        triage_service.rerate(database, owner_id, ids[Rating.YES], Rating.NO)
    with pytest.raises(triage_service.TriageError, match="gone"):
        triage_service.keep(database, owner_id, 999_999)
    with database.read() as session:
        assert followups.list_follow_ups(session, owner_id, status=None) == []


# --- One contact at a time, what blocks, and two sessions deciding at once ---------------------


def _answered(database: Database, owner_id: int, event_id: int, name: str) -> int:
    with database.write() as session:
        return contacts.add_contact(
            session,
            owner_id,
            event_id=event_id,
            details=ContactDetails(name=name),
            answers=ContactAnswers(rating=Rating.YES, note=f"{name} repairs church organs."),
        ).id


def _waiting(database: Database, owner_id: int, event_id: int, details: ContactDetails) -> int:
    """A capture waiting for its answers, with what was read from it (maybe nothing)."""
    with database.write() as session:
        capture = contacts.start_capture(
            session, owner_id, event_id=event_id, photo=b"\xff\xd8", photo_type="image/jpeg"
        )
        contacts.record_scan(session, owner_id, capture, ScanOutcome(details, b"", "", [], {}))
    return capture


def test_one_contact_at_a_time_oldest_first_and_never_an_unanswered_capture(
    database: Database, evening: dict[str, Any]
) -> None:
    owner_id, event_id = evening["owner"], evening["event"]
    _waiting(database, owner_id, event_id, ContactDetails(name="Offen"))
    ids = [_answered(database, owner_id, event_id, name) for name in ("Erste", "Zweite", "Dritte")]
    triage_service.keep(database, owner_id, ids[1])
    with database.read() as session:

        def at(position: int, undecided_only: bool) -> int | None:
            found = triage.contact_at(
                session, owner_id, event_id, position=position, undecided_only=undecided_only
            )
            return None if found is None else found.id

        assert [at(p, True) for p in range(3)] == [ids[0], ids[2], None]
        assert [at(p, False) for p in range(4)] == [*ids, None]


def test_only_captures_that_hold_a_contact_block_the_rest_are_listed_apart(
    database: Database, evening: dict[str, Any]
) -> None:
    owner_id, event_id = evening["owner"], evening["event"]
    junk = _waiting(database, owner_id, event_id, ContactDetails(title="Dr."))
    misread = _waiting(database, owner_id, event_id, ContactDetails(phones=("+49 89 1234567",)))
    first, second = (_answered(database, owner_id, event_id, n) for n in ("Erste", "Zweite"))

    view = triage_service.load_view(database, owner_id, event_id, position=7)
    assert [c.id for c in view.waiting] == [misread] and view.blocked
    assert [c.id for c in view.unreadable] == [junk]
    assert (view.current and view.current.id, view.position, view.total, view.left) == (
        second,
        1,
        2,
        2,
    ), "a position beyond the end shows the last contact"
    intake.discard_capture(database, owner_id, misread)
    view = triage_service.load_view(database, owner_id, event_id)
    assert not view.blocked and view.unreadable and view.current and view.current.id == first


def test_a_decided_contact_is_not_decided_again(
    database: Database, evening: dict[str, Any]
) -> None:
    owner_id, event_id = evening["owner"], evening["event"]
    contact_id = _answered(database, owner_id, event_id, "Einmal")
    triage_service.keep(database, owner_id, contact_id)
    for again in (
        lambda: triage_service.follow_up(database, owner_id, contact_id, hours=48),
        lambda: triage_service.keep(database, owner_id, contact_id),
        lambda: triage_service.rerate(database, owner_id, contact_id, Rating.NO),
        lambda: triage_service.discard(database, owner_id, [contact_id], undecided_only=True),
    ):
        with pytest.raises(triage_service.TriageError, match="decided"):
            again()
    with database.read() as session:
        assert contacts.get_contact(session, owner_id, contact_id).status is ContactStatus.KEPT
        assert followups.list_follow_ups(session, owner_id, status=None) == []
    # Deleting a kept contact from its detail page is not a triage decision: it still works.
    triage_service.discard(database, owner_id, [contact_id])


def _until_it_waits_for_a_row_lock(database: Database, thread: threading.Thread) -> None:
    """PostgreSQL: return once another connection waits for a lock, or the thread is done
    (it did not wait at all); polled, with a ceiling."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and thread.is_alive():
        with database.read() as session:
            waiting = session.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE wait_event_type = 'Lock' AND datname = current_database()"
                )
            )
        if waiting:
            return
        time.sleep(0.05)


def test_a_second_session_deciding_the_same_contact_waits_and_is_refused(
    database: Database, evening: dict[str, Any]
) -> None:
    owner_id, event_id = evening["owner"], evening["event"]
    contact_id = _answered(database, owner_id, event_id, "Gleichzeitig")
    outcome: dict[str, str] = {}

    def second_session() -> None:
        try:
            triage_service.follow_up(database, owner_id, contact_id, hours=48)
            outcome["second"] = "won"
        except triage_service.TriageError as refusal:
            outcome["second"] = refusal.code

    thread = threading.Thread(target=second_session)
    with database.write() as session:  # the first session is deciding (keep) right now
        triage.lock_contact(session, owner_id, contact_id)
        contacts.set_status(session, owner_id, contact_id, ContactStatus.KEPT)
        thread.start()
        if not database.is_sqlite:  # SQLite queues the second writer at BEGIN anyway
            _until_it_waits_for_a_row_lock(database, thread)
    thread.join(timeout=300)
    assert outcome == {"second": "decided"}
    with database.read() as session:
        assert contacts.get_contact(session, owner_id, contact_id).status is ContactStatus.KEPT
        assert followups.list_follow_ups(session, owner_id, status=None) == []


def test_discard_now_keeps_nothing_but_the_hashes_already_there(
    database: Database, evening: dict[str, Any]
) -> None:
    owner_id, event_id = evening["owner"], evening["event"]
    pitch = _capture(database, owner_id, event_id, pitch=True)
    step = triage_service.discard(database, owner_id, [pitch], add_no_thanks=False)
    assert step.discarded[0].no_thanks_added == ()
    with database.read() as session:
        assert session.scalars(select(NoThanks)).all() == []
    assert not _mentions(_every_value(database), "Zwiebelmeier")
