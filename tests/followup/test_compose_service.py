"""The follow-up edge on SQLite and PostgreSQL: drafts kept or rewritten, reviews, check-ins."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from followup import compose_ready_service, queue_service
from followup import compose_service as service
from followup.model import AddressForm, Channel, Language
from storage import contacts, followups, owners
from storage.db import Database
from storage.kinds import FollowUpStatus, Rating
from storage.records import ContactAnswers, ContactDetails

NOTE = "restores old wooden boats with her daughter"
TODAY = date(2026, 11, 24)


def _seed(database: Database, name: str = "Anna Berger", language: str = "en") -> tuple[int, int]:
    with database.write() as session:
        owner_id = owners.get_or_create_owner(session, owners.LOCAL_USERNAME).id
        contact = contacts.add_contact(
            session,
            owner_id,
            event_id=None,
            details=ContactDetails(name=name),
            answers=ContactAnswers(rating=Rating.YES, note=NOTE),
            language=language,
        )
        follow_up = followups.queue_follow_up(
            session, owner_id, contact.id, due_at=datetime.now(UTC)
        )
    return owner_id, follow_up.id


def _open(database: Database, owner_id: int, follow_up_id: int) -> service.Composer:
    return service.open_composer(database, owner_id, follow_up_id, my_name="Max Klein")


def test_the_first_draft_is_stored_and_a_channel_change_rewrites_it(database: Database) -> None:
    owner_id, fid = _seed(database)
    email = _open(database, owner_id, fid)
    assert "wooden boats" in email.follow_up.body and email.follow_up.subject
    assert service.rewrite(
        database, owner_id, fid, my_name="Max Klein", channel=Channel.CARD, only_if_unedited=True
    )
    card = _open(database, owner_id, fid)
    assert card.follow_up.channel is Channel.CARD


def test_an_edited_text_survives_a_channel_change(database: Database) -> None:
    owner_id, fid = _seed(database)
    _open(database, owner_id, fid)
    service.save_text(database, owner_id, fid, subject="Boats", body=f"Anna, about the {NOTE}.")
    rewritten = service.rewrite(
        database, owner_id, fid, my_name="Max Klein", channel=Channel.CALL, only_if_unedited=True
    )
    composer = _open(database, owner_id, fid)
    assert not rewritten and composer.follow_up.body == f"Anna, about the {NOTE}."
    assert composer.follow_up.channel is Channel.CALL


def test_a_language_change_is_stored_on_the_contact(database: Database) -> None:
    owner_id, fid = _seed(database, "Petra Lang")
    service.rewrite(
        database, owner_id, fid, my_name="Max", language=Language.DE, address_form=AddressForm.DU
    )
    composer = _open(database, owner_id, fid)
    assert (composer.language, composer.address_form) == (Language.DE, AddressForm.DU)
    assert composer.follow_up.body.startswith("Hallo Petra") and composer.follow_up.language == "de"


def test_overrides_are_kept_only_for_findings_of_this_text(database: Database) -> None:
    owner_id, fid = _seed(database)
    _open(database, owner_id, fid)
    body = f"Hi Anna,\n\nI hope this finds you well. Your {NOTE} stays with me.\n\nMax"
    service.save_text(database, owner_id, fid, subject="", body=body)
    finding = _open(database, owner_id, fid).findings[0]
    compose_ready_service.mark_ready(
        database,
        owner_id,
        fid,
        overridden={finding.key, "stock_phrase|long gone|"},
        my_name="Max",
    )
    composer = _open(database, owner_id, fid)
    assert composer.review.ready and composer.review.overridden == (finding.key,)
    assert composer.open_findings == []


def test_done_needs_a_check_in_in_the_future(database: Database) -> None:
    owner_id, fid = _seed(database)
    with pytest.raises(ValueError, match="future"):
        queue_service.finish(database, owner_id, fid, done_on=TODAY, check_in=TODAY)
    queue_service.finish(database, owner_id, fid, done_on=TODAY, check_in=None)
    with database.read() as session:
        follow_up = followups.get_follow_up(session, owner_id, fid)
    assert follow_up is not None and follow_up.status is FollowUpStatus.DONE
    with pytest.raises(service.FollowUpGone):
        _open(database, owner_id, fid)


def test_the_proposed_check_in_is_an_ordinary_day_months_later() -> None:
    proposed = queue_service.proposed_check_in(date(2026, 9, 25), "DE")
    assert proposed >= date(2026, 12, 25) and proposed.weekday() < 5
    assert proposed >= date(2027, 1, 7), "not in the Christmas season"


def test_upcoming_check_ins_come_from_each_contacts_latest_follow_up(database: Database) -> None:
    owner_id, first = _seed(database)
    queue_service.finish(
        database, owner_id, first, done_on=TODAY, check_in=TODAY + timedelta(days=90)
    )
    with database.write() as session:
        contact_id = followups.get_follow_up(session, owner_id, first).contact_id  # type: ignore[union-attr]
        second = followups.queue_follow_up(
            session, owner_id, contact_id, due_at=datetime.now(UTC)
        ).id
    queue_service.finish(
        database,
        owner_id,
        second,
        done_on=TODAY + timedelta(days=1),
        check_in=TODAY + timedelta(days=120),
    )
    _, past = _seed(database, "Old Friend")
    queue_service.finish(
        database, owner_id, past, done_on=TODAY, check_in=TODAY + timedelta(days=2)
    )
    upcoming = queue_service.upcoming_check_ins(database, owner_id, today=TODAY + timedelta(days=3))
    assert [(c.contact_name, c.on) for c in upcoming] == [
        ("Anna Berger", TODAY + timedelta(days=120))
    ]


@pytest.mark.parametrize(
    ("language", "summaries"),
    [
        ("en", ["Follow up with Anna Berger (e-mail)", "Check in with Anna Berger"]),
        ("de", ["Nachfassen: Anna Berger (E-Mail)", "Melden bei Anna Berger"]),
        ("fr", ["Follow up with Anna Berger (e-mail)", "Check in with Anna Berger"]),
    ],
)
def test_the_calendar_is_titled_in_the_users_language(
    database: Database, language: str, summaries: list[str]
) -> None:
    owner_id, done = _seed(database)
    queue_service.finish(
        database, owner_id, done, done_on=TODAY, check_in=TODAY + timedelta(days=90)
    )
    with database.write() as session:
        contact_id = followups.get_follow_up(session, owner_id, done).contact_id  # type: ignore[union-attr]
        followups.queue_follow_up(session, owner_id, contact_id, due_at=datetime.now(UTC))
    ics = queue_service.due_calendar(database, owner_id, language=language, today=TODAY)
    events = Calendar.from_ical(ics).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == summaries
