"""Search as people spell: folded text, literal wildcards, the same on SQLite and PostgreSQL."""

from __future__ import annotations

import functools
import itertools
import unicodedata

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from storage import contacts, owners, triage
from storage.db import Database, alembic_config
from storage.kinds import Rating
from storage.models import Contact
from storage.records import ContactAnswers, ContactDetails, ScanOutcome
from storage.search_text import fold, like_pattern, search_text_of

NOTE = ContactAnswers(rating=Rating.YES, note="Met at the bakery stand.")

# Two spellings of one name: each is stored and the other typed, both ways round.
SPELLINGS = [
    ("Müller", "Mueller"),
    ("Müller", "Muller"),
    ("Mueller", "Muller"),
    ("Müller", "MÜLLER"),
    ("Weiß", "Weiss"),
    ("Weiß", "WEISS"),
    ("Sören", "Soeren"),
    ("São", "Sao"),
    ("Groß", "gross"),
    ("Schäfer", "schaefer"),
    ("Schäfer", "SCHAFER"),
    ("Öztürk", "oeztuerk"),
    ("François", "francois"),
    ("JÖRG ÖZDEMİR", "jörg özdemir"),
]
BOTH_WAYS = [*SPELLINGS, *((typed, stored) for stored, typed in SPELLINGS)]

_usernames = itertools.count()


def _owner(database: Database) -> int:
    with database.write() as session:
        return owners.create_owner(session, f"searcher{next(_usernames)}").id


def _add(database: Database, owner_id: int, name: str, **fields: str) -> int:
    details = ContactDetails(
        name=name,
        title=fields.pop("title", ""),
        company=fields.pop("company", ""),
        emails=tuple(filter(None, [fields.pop("email", "")])),
        phones=tuple(filter(None, [fields.pop("phone", "")])),
    )
    answers = ContactAnswers(rating=Rating.YES, note=fields.pop("note", NOTE.note), **fields)
    with database.write() as session:
        return contacts.add_contact(
            session, owner_id, event_id=None, details=details, answers=answers
        ).id


def _found(database: Database, owner_id: int, query: str) -> list[int]:
    with database.read() as session:
        found = [c.id for c in contacts.search_contacts(session, owner_id, query, limit=100)]
        assert contacts.count_contacts(session, owner_id, query) == len(found)
    return sorted(found)


def _search_text(database: Database, contact_id: int) -> str:
    with database.read() as session:
        return session.scalar(select(Contact.search_text).where(Contact.id == contact_id)) or ""


@pytest.mark.parametrize(("stored", "typed"), BOTH_WAYS)
def test_a_name_is_found_however_it_is_spelled(database: Database, stored: str, typed: str) -> None:
    owner_id = _owner(database)
    wanted = _add(database, owner_id, f"Kim {stored}", company="Kim & Co")
    _add(database, owner_id, "Bea Becker", company="Hoffmann KG")
    assert _found(database, owner_id, typed) == [wanted]


def test_every_searched_field_is_folded(database: Database) -> None:
    owner_id = _owner(database)
    ids = {
        "title": _add(database, owner_id, "A", title="Geschäftsführerin"),
        "company": _add(database, owner_id, "B", company="Bäckerei Größle"),
        "email": _add(database, owner_id, "C", email="info@kaesekueche.de"),
        "note": _add(database, owner_id, "D", note="Baut Lastenräder in Fürth."),
        "they_need": _add(database, owner_id, "E", they_need="Übersetzung ins Französische"),
        "i_offer": _add(database, owner_id, "F", i_offer="Kontakt zur Städtischen Bühne"),
    }
    assert _found(database, owner_id, "geschaeftsfuehrerin") == [ids["title"]]
    assert _found(database, owner_id, "baeckerei groessle") == [ids["company"]]
    assert _found(database, owner_id, "KÄSEKÜCHE") == [ids["email"]]
    assert _found(database, owner_id, "lastenraeder in furth") == [ids["note"]]
    assert _found(database, owner_id, "uebersetzung") == [ids["they_need"]]
    assert _found(database, owner_id, "stadtischen  buehne") == [ids["i_offer"]]
    # The phone is not searched, and no query matches across two fields ("F" then the note).
    assert _found(database, owner_id, "met at") == sorted(set(ids.values()) - {ids["note"]})
    assert _found(database, owner_id, "f met") == []


def test_percent_underscore_and_backslash_are_literal(database: Database) -> None:
    owner_id = _owner(database)
    percent = _add(database, owner_id, "Ida Percent", company="100% Bio")
    underscore = _add(database, owner_id, "Ole Under", email="ole_under@example.de")
    backslash = _add(database, owner_id, "Bo Slash", note=r"Uses C:\temp for scans.")
    _add(database, owner_id, "Plain Person", company="Bio 1000")
    assert _found(database, owner_id, "%") == [percent]
    assert _found(database, owner_id, "0%") == [percent]
    assert _found(database, owner_id, "_") == [underscore]
    assert _found(database, owner_id, "ole_") == [underscore]
    assert _found(database, owner_id, "e_u") == [underscore]
    assert _found(database, owner_id, "\\") == [backslash]
    assert _found(database, owner_id, "%%") == []
    assert _found(database, owner_id, "bi_") == []
    assert _found(database, owner_id, "1_0") == []


def test_an_empty_or_blank_query_lists_every_answered_contact(database: Database) -> None:
    owner_id = _owner(database)
    ids = sorted(_add(database, owner_id, name) for name in ("Ada", "Ben"))
    assert _found(database, owner_id, "") == ids
    assert _found(database, owner_id, " \t ") == ids


def test_search_stays_within_the_owner(database: Database) -> None:
    mine, theirs = _owner(database), _owner(database)
    _add(database, theirs, "Anna Müller")
    assert _found(database, mine, "mueller") == []


def test_the_folded_text_follows_every_write(database: Database) -> None:
    owner_id = _owner(database)
    with database.write() as session:
        capture = contacts.start_capture(
            session, owner_id, event_id=None, photo=b"card", photo_type="image/jpeg"
        )
        contacts.record_scan(
            session,
            owner_id,
            capture,
            ScanOutcome(
                details=ContactDetails(name="Jürgen Groß", company="Weißbräu"),
                card_jpeg=b"",
                raw_text="",
                word_confidences=[],
                field_confidence={},
            ),
        )
    assert _search_text(database, capture) == "jurgen gross\nweissbrau"
    assert _found(database, owner_id, "gross") == []  # not answered yet: not in search

    with database.write() as session:
        contacts.answer_capture(
            session,
            owner_id,
            capture,
            details=ContactDetails(name="Jürgen Groß", company="Weißbräu"),
            answers=ContactAnswers(rating=Rating.YES, note="Brews", they_need="Hopfen"),
        )
    assert _found(database, owner_id, "weissbraeu") == [capture]
    assert _found(database, owner_id, "hopfen") == [capture]

    with database.write() as session:  # an edit: the old spelling goes, the new one comes
        contacts.answer_capture(
            session,
            owner_id,
            capture,
            details=ContactDetails(name="Jürgen Kühn", company="Weißbräu"),
            answers=ContactAnswers(rating=Rating.YES, note="Brews", i_offer="Etiketten"),
        )
    assert _found(database, owner_id, "gross") == []
    assert _found(database, owner_id, "kuehn") == [capture]
    assert _found(database, owner_id, "hopfen") == []
    assert _found(database, owner_id, "etiketten") == [capture]

    with database.write() as session:  # a discard and its undo keep the folded text
        discarded = triage.discard_contact(session, owner_id, capture)
    assert _found(database, owner_id, "kuehn") == []
    with database.write() as session:
        restored = triage.restore_contact(session, owner_id, discarded)
    assert _found(database, owner_id, "kuehn") == [restored]


def test_the_migration_folds_contacts_saved_before_it(database: Database) -> None:
    owner_id = _owner(database)
    config = alembic_config(database.write_engine)
    command.downgrade(config, "0003")
    try:
        rows = [
            {
                "owner": owner_id,
                "name": name,
                "company": f"Firma {n}",
                "emails": '["x@größe.de"]',
                "note": note,
                "at": "2026-11-20 10:00:00",
            }
            for n, (name, note) in enumerate(
                [("Anna Müller", "Näht Taschen"), ("Sören Weiß", "Sao Paulo")] * 300
            )
        ]
        with database.write_engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO contacts (owner_id, name, title, company, emails, phones,"
                    " websites, address, note, they_need, i_offer, is_pitch, status,"
                    " language, address_form, match_keys, created_at, updated_at,"
                    " answered_at) VALUES (:owner, :name, '', :company, :emails, '[]',"
                    " '[]', '', :note, '', '', false, 'kept', 'de', 'sie', '', :at, :at, :at)"
                ),
                rows,
            )
    finally:
        command.upgrade(config, "head")
    with database.read() as session:
        count = functools.partial(contacts.count_contacts, session, owner_id)
        assert (count("mueller"), count("são"), count("groesse"), count("firma 599")) == (
            300,
            300,
            600,
            1,
        )
        texts = set(
            session.scalars(select(Contact.search_text).where(Contact.name == "Anna Müller"))
        )
    assert "anna muller\nfirma 0\nx@grosse.de\nnaht taschen" in texts


# --- the fold itself ------------------------------------------------------------------------

# Any text a person can type or a card can print; surrogates cannot be stored at all.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
WORD = st.text(st.characters(exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1)


@given(TEXT)
def test_folding_twice_changes_nothing(value: str) -> None:
    assert fold(fold(value)) == fold(value)


@given(WORD, TEXT, TEXT)
def test_a_word_always_finds_itself_after_folding(word: str, before: str, after: str) -> None:
    assert fold(word) in fold(f"{before} {word} {after}")
    assert fold(word) in search_text_of(["", before, f"{before} {word} {after}", after])


@given(TEXT)
def test_folded_text_has_no_case_accents_or_runs_of_whitespace(value: str) -> None:
    folded = fold(value)
    assert folded == folded.casefold() and folded == folded.strip()
    assert "  " not in folded and "\n" not in folded
    assert not any(unicodedata.combining(c) for c in folded)


def test_like_pattern_escapes_what_like_would_read_as_wildcards() -> None:
    assert like_pattern("Müller") == "%muller%"
    assert like_pattern("100%_x\\") == "%100\\%\\_x\\\\%"


WORDS = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=20
)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=WORDS)
def test_a_stored_word_is_found_by_itself(database: Database, word: str) -> None:
    owner_id = _owner(database)
    wanted = _add(database, owner_id, "Kim", note=f"Mentioned {word} twice.")
    _add(database, owner_id, "Lou", note="Nothing in common.")
    assert wanted in _found(database, owner_id, word)
