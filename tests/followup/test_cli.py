"""`python -m followup ics`: the queued follow-ups as a calendar that icalendar can read."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from followup.__main__ import main
from storage import contacts, followups, owners
from storage.db import Database
from storage.kinds import Channel, Rating
from storage.records import ContactAnswers, ContactDetails
from tests.conftest import REPO_ROOT, sqlite_database_at

DUE_SOON = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
DUE_LATER = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
CHECK_IN = date.today() + timedelta(days=91)


def _queue(session, owner_id: int, name: str, due: datetime, channel: Channel) -> int:
    contact = contacts.add_contact(
        session,
        owner_id,
        event_id=None,
        details=ContactDetails(name=name),
        answers=ContactAnswers(rating=Rating.YES, note=f"{name} restores old boats"),
    )
    return followups.queue_follow_up(session, owner_id, contact.id, due_at=due, channel=channel).id


@pytest.fixture
def seeded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The local user: two queued, two done (one with a check-in); another user: one."""
    monkeypatch.setenv("KLICK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("KLICK_DATABASE_URL", f"sqlite:///{tmp_path / 'klick.db'}")
    monkeypatch.delenv("KLICK_LANGUAGE", raising=False)
    database: Database = sqlite_database_at(tmp_path / "klick.db")
    with database.write() as session:
        local = owners.get_or_create_owner(session, owners.LOCAL_USERNAME).id
        other = owners.create_owner(session, "maria").id
        _queue(session, local, "Bea Later", DUE_LATER, Channel.CARD)
        _queue(session, local, "Anna Soon", DUE_SOON, Channel.EMAIL)
        done = _queue(session, local, "Carl Done", DUE_SOON - timedelta(days=3), Channel.CALL)
        followups.mark_done(session, local, done, done_on=date(2026, 11, 24), next_check_in=None)
        called = _queue(session, local, "Eva Called", DUE_SOON, Channel.CALL)
        followups.mark_done(session, local, called, done_on=date.today(), next_check_in=CHECK_IN)
        _queue(session, other, "Dora Other", DUE_SOON, Channel.EMAIL)
    database.dispose()
    return tmp_path


def _events(ics: bytes) -> list:
    return list(Calendar.from_ical(ics).walk("VEVENT"))


def test_ics_to_a_file_holds_the_due_dates_with_reminders(seeded: Path) -> None:
    out = seeded / "follow-ups.ics"
    assert main(["ics", "--out", str(out)]) == 0
    events = _events(out.read_bytes())
    assert [e.decoded("dtstart") for e in events] == [
        DUE_SOON,
        DUE_LATER,
        datetime.combine(CHECK_IN, time(9), tzinfo=UTC),
    ]
    assert [str(e["summary"]) for e in events] == [
        "Follow up with Anna Soon (e-mail)",
        "Follow up with Bea Later (card)",
        "Check in with Eva Called",
    ]
    for event in events:
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1 and alarms[0].decoded("trigger") == -timedelta(hours=1)
    # Nothing from the notes leaves Klick in the calendar.
    assert b"boats" not in out.read_bytes()


def test_ics_for_another_user_in_german(seeded: Path) -> None:
    out = seeded / "maria.ics"
    assert main(["ics", "--user", "maria", "--language", "de", "--out", str(out)]) == 0
    events = _events(out.read_bytes())
    assert [str(e["summary"]) for e in events] == ["Nachfassen: Dora Other (E-Mail)"]


def test_an_unknown_user_is_an_error(seeded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ics", "--user", "nobody"]) == 2
    assert "no such user: nobody" in capsys.readouterr().err


def test_a_fresh_installation_gives_an_empty_calendar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KLICK_DATABASE_URL", f"sqlite:///{tmp_path / 'new.db'}")
    out = tmp_path / "empty.ics"
    assert main(["ics", "--out", str(out)]) == 0
    assert _events(out.read_bytes()) == []


def test_without_out_the_calendar_goes_to_stdout(seeded: Path) -> None:
    """The one run of `python -m followup` in a process of its own, as a user runs it."""
    result = subprocess.run(
        [sys.executable, "-m", "followup", "ics"],
        cwd=REPO_ROOT,
        capture_output=True,
        check=True,
        timeout=600,
    )
    events = _events(result.stdout)
    assert [e.decoded("dtstart") for e in events][:2] == [DUE_SOON, DUE_LATER]
