"""The contacts page through AppTest: search, detail, edit, delete, export and import."""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from capture.event_choice import event_label
from capture.translation import Translator, inert
from followup import contact_service
from followup.vcard import parse_vcards
from storage import contacts, events, followups, triage
from storage.db import Database
from storage.kinds import ContactStatus, Rating
from storage.records import ContactAnswers, ContactDetails
from tests.pages.conftest import APP, APP_TIMEOUT_S, local_owner_id


def _add(database: Database, owner_id: int, event_id: int | None, name: str, **kw: Any) -> int:
    details = ContactDetails(
        name=name,
        company=kw.get("company", ""),
        emails=kw.get("emails", ()),
        phones=kw.get("phones", ()),
    )
    with database.write() as session:
        return contacts.add_contact(
            session,
            owner_id,
            event_id=event_id,
            details=details,
            answers=ContactAnswers(rating=Rating.YES, note=kw.get("note", f"{name} rows boats.")),
        ).id


@pytest.fixture
def book(app_env: Any, app_database: Database) -> dict[str, Any]:
    owner_id = local_owner_id(app_database)
    with app_database.write() as session:
        event = events.create_event(session, owner_id, name="Gründerabend", held_on=date.today())
        later = events.create_event(
            session, owner_id, name="Sommerfest", held_on=date.today() + timedelta(days=1)
        )
    jörg = _add(
        app_database,
        owner_id,
        event.id,
        "Jörg Müller",
        company="Kofferfabrik",
        emails=("joerg@kofferfabrik.de",),
        phones=("+49 176 12345678",),
        note="Restores Bauhaus chairs; wants a fabric printer.",
    )
    anna = _add(app_database, owner_id, event.id, "Anna Schäfer", company="Lindenhof")
    with app_database.write() as session:
        contacts.add_meeting(session, owner_id, jörg, event_id=later.id, note="Met at the lake.")
        followups.queue_follow_up(
            session, owner_id, jörg, due_at=datetime.now(UTC) + timedelta(hours=48)
        )
    return {"db": app_database, "owner": owner_id, "jörg": jörg, "anna": anna}


def _open() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S).run()
    at.switch_page("followup/contacts_page.py").run()
    assert not at.exception, at.exception
    return at


def _names(at: AppTest) -> list[str]:
    return [m.value.strip("*") for m in at.markdown if m.value.startswith("**")]


@pytest.mark.parametrize("query", ["müller", "KOFFER", "bauhaus"])
def test_search_finds_by_name_company_and_note(book: dict[str, Any], query: str) -> None:
    at = _open()
    assert len(_names(at)) == 2
    at.text_input(key="contacts.query").input(query).run()
    assert _names(at) == ["Jörg Müller"]


def test_search_finds_a_name_however_it_is_spelled(book: dict[str, Any]) -> None:
    at = _open()
    at.text_input(key="contacts.query").input("Mueller").run()
    assert not at.exception, at.exception
    assert _names(at) == ["Jörg Müller"]
    at.text_input(key="contacts.query").input("SCHAEFER").run()
    assert _names(at) == ["Anna Schäfer"]
    at.text_input(key="contacts.query").input("%").run()
    assert _names(at) == []


def test_detail_shows_where_you_met_and_the_follow_up_history(book: dict[str, Any]) -> None:
    at = _open()
    at.button(key=f"contacts.open.{book['jörg']}").click().run()
    assert not at.exception, at.exception
    texts = [t.value for t in at.text]
    links = [m.value for m in at.markdown]
    assert ":material/mail: [joerg@kofferfabrik\\.de](mailto:joerg@kofferfabrik.de)" in links
    assert ":material/call: [0176 12345678](tel:+4917612345678)" in links
    timeline = [m for m in links if " · " in m and m.startswith("**")]
    assert [m.split(" · ")[1] for m in timeline] == ["Gründerabend", "Sommerfest"]
    assert "Met at the lake." in texts
    assert any(t.startswith("E-mail, due ") for t in texts)
    assert [b.label for b in at.get("download_button")] == ["vCard"]
    at.button(key="contacts.back").click().run()
    assert len(_names(at)) == 2


def test_an_edit_that_makes_two_contacts_one_person_offers_the_meeting(
    book: dict[str, Any],
) -> None:
    at = _open()
    at.button(key=f"contacts.open.{book['anna']}").click().run()
    key = f"contacts.edit.{book['anna']}"
    at.text_area(key=f"{key}.emails").input("JOERG@kofferfabrik.de")
    at.button(key=f"{key}.save").click().run()
    assert not at.exception, at.exception
    assert any("Jörg Müller" in w.value for w in at.warning)
    with book["db"].read() as session:
        assert contacts.get_contact(session, book["owner"], book["anna"]) is not None
    assert at.checkbox(key=f"{key}.merge").value is True
    at.button(key=f"{key}.save").click().run()
    assert not at.exception, at.exception
    assert "Saved Jörg Müller" in at.success[0].value
    with book["db"].read() as session:
        assert contacts.get_contact(session, book["owner"], book["anna"]) is None
        met = contacts.contact_meetings(session, book["owner"], book["jörg"])
    assert len(met) == 2  # Anna's evening was Jörg's too: one event, listed once
    assert at.session_state["contacts.open_id"] == book["jörg"]


def test_a_later_meeting_shows_its_own_answers_in_the_timeline(book: dict[str, Any]) -> None:
    with book["db"].write() as session:
        again = events.create_event(
            session, book["owner"], name="Barcamp", held_on=date.today() + timedelta(days=9)
        )
        contacts.add_meeting(
            session,
            book["owner"],
            book["anna"],
            event_id=again.id,
            note="Showed me her cheese cellar plans.",
            rating=Rating.YES,
            they_need="A mason for vaults",
            i_offer="My cousin the mason",
        )
    at = _open()
    at.button(key=f"contacts.open.{book['anna']}").click().run()
    assert not at.exception, at.exception
    texts = [t.value for t in at.text]
    assert "Did it click? Yes" in texts
    assert "They need: A mason for vaults" in texts and "I can offer: My cousin the mason" in texts
    assert "Showed me her cheese cellar plans." in texts


def test_edit_keeps_what_is_typed_and_saves(book: dict[str, Any]) -> None:
    at = _open()
    at.button(key=f"contacts.open.{book['anna']}").click().run()
    key = f"contacts.edit.{book['anna']}"
    at.text_input(key=f"{key}.company").input("Gasthof Linde")
    at.text_area(key=f"{key}.note").input("Runs the Linde; wants a cellar for cheese.")
    at.button(key=f"{key}.save").click().run()
    assert not at.exception, at.exception
    assert "Saved Anna Schäfer" in at.success[0].value
    with book["db"].read() as session:
        anna = contacts.get_contact(session, book["owner"], book["anna"])
    assert anna.details.company == "Gasthof Linde"
    assert anna.note == "Runs the Linde; wants a cellar for cheese."


def test_delete_asks_then_purges_like_discard(book: dict[str, Any]) -> None:
    at = _open()
    at.button(key=f"contacts.open.{book['jörg']}").click().run()
    at.button(key="contacts.delete").click().run()
    assert "Delete Jörg Müller for good?" in at.warning[0].value
    at.button(key="contacts.delete_yes").click().run()
    assert not at.exception, at.exception
    assert "deleted, for good" in at.success[0].value
    with book["db"].read() as session:
        assert contacts.get_contact(session, book["owner"], book["jörg"]) is None
        assert followups.list_follow_ups(session, book["owner"], status=None) == []
        summary = triage.event_summary(session, book["owner"], 1)
    assert summary.discarded == 1
    assert _names(at) == ["Anna Schäfer"]


def test_export_all_as_vcard_and_csv(book: dict[str, Any]) -> None:
    database, owner = book["db"], book["owner"]
    cards = parse_vcards(contact_service.all_vcards(database, owner))
    assert {c.details.name for c in cards} == {"Jörg Müller", "Anna Schäfer"}
    label = functools.partial(event_label, Translator("de"))
    csv_bytes = contact_service.all_csv(database, owner, event_label=label)
    assert csv_bytes.startswith(b"\xef\xbb\xbf") and "Jörg Müller".encode() in csv_bytes
    assert f"Gründerabend ({Translator('de').day(date.today())})".encode() in csv_bytes
    one = contact_service.vcard_of(database, owner, book["jörg"])
    assert "TEL;TYPE=CELL,VOICE:+49 176 12345678" in one
    at = _open()
    assert {b.label for b in at.get("download_button")} >= {"All as vCard", "All as CSV"}


def test_import_skips_duplicates_and_adds_the_rest(book: dict[str, Any]) -> None:
    vcf = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jörg Müller\r\nEMAIL:JOERG@kofferfabrik.de\r\n"
        "END:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Neu\r\nTEL;TYPE=CELL:0176 55544433\r\n"
        "NOTE:Makes cello strings from gut.\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë N.\r\nTEL:+49 176 55544433\r\nEND:VCARD\r\n"
    )
    at = _open()
    at.file_uploader(key="contacts.import.0").upload("book.vcf", vcf.encode(), "text/vcard").run()
    assert not at.exception, at.exception
    assert "1 new, 2 already known (skipped)." in [c.value for c in at.caption]
    texts = [t.value for t in at.text]
    assert "Jörg Müller: already known as Jörg Müller" in texts
    assert "Zoë N.: twice in this file" in texts
    at.button(key="contacts.import_run").click().run()
    assert "Imported 1 contact." in at.success[0].value
    with book["db"].read() as session:
        (zoe,) = contacts.search_contacts(session, book["owner"], "Zoë")
    assert zoe.note == "Makes cello strings from gut."
    assert zoe.status is ContactStatus.KEPT and zoe.event_id is None


def test_import_knows_a_person_by_name_and_company_however_spelled(book: dict[str, Any]) -> None:
    vcf = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Joerg Mueller\r\nORG:KOFFERFABRIK\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jörg Müller\r\nORG:Andere GmbH\r\nEND:VCARD\r\n"
    )
    at = _open()
    at.file_uploader(key="contacts.import.0").upload("book.vcf", vcf.encode(), "text/vcard").run()
    assert not at.exception, at.exception
    texts = [t.value for t in at.text]
    assert "Joerg Mueller: already known as Jörg Müller" in texts  # same name, same company
    assert "1 new, 1 already known (skipped)." in [c.value for c in at.caption]  # a namesake


def test_a_contact_without_a_note_is_dated_on_the_users_day(book: dict[str, Any]) -> None:
    vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ida Ohne\r\nEND:VCARD\r\n"
    at = _open()
    at.file_uploader(key="contacts.import.0").upload("ida.vcf", vcf.encode(), "text/vcard").run()
    at.button(key="contacts.import_run").click().run()
    assert not at.exception, at.exception
    with book["db"].read() as session:
        (ida,) = contacts.search_contacts(session, book["owner"], "Ida")
    assert ida.note.startswith("Imported from a vCard file on ")
    assert str(datetime.now(UTC).year) in ida.note


def test_the_detail_speaks_german_with_german_dates(
    book: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KLICK_LANGUAGE", "de")
    at = _open()
    assert at.title[0].value == "Kontakte"
    assert at.caption[0].value == "2 Kontakte"
    at.button(key=f"contacts.open.{book['jörg']}").click().run()
    assert not at.exception, at.exception
    assert "Hat es Klick gemacht? **Ja**" in [m.value for m in at.markdown]
    texts = [t.value for t in at.text]
    (due,) = [t for t in texts if t.startswith("E-Mail, fällig am ")]
    assert "." in due and ":" in due and "/" not in due  # "1. Dez. 2026, 15:51"


def test_a_file_that_is_no_vcard_is_explained(book: dict[str, Any]) -> None:
    at = _open()
    at.file_uploader(key="contacts.import.0").upload("x.vcf", b"\x89PNG...", "text/vcard").run()
    assert "could not be read as vCards" in at.error[0].value


def test_the_contact_list_is_paginated(app_env: Any, app_database: Database) -> None:
    owner_id = local_owner_id(app_database)
    for number in range(45):
        _add(app_database, owner_id, None, f"Gast {number:02d}")
    at = _open()
    assert len(_names(at)) == 20 and "Page 1 of 3" in [c.value for c in at.caption]
    at.button(key="contacts.next").click().run()
    at.button(key="contacts.next").click().run()
    assert len(_names(at)) == 5


HOSTILE = "![x](http://127.0.0.1:9/n.png)"


@pytest.mark.parametrize(
    ("region", "german_phone"),
    [("DE", "0711 1234567"), ("US", r"\+49 711 1234567")],
)
def test_the_detail_offers_phones_and_emails_to_tap(
    app_env: Any,
    app_database: Database,
    monkeypatch: pytest.MonkeyPatch,
    region: str,
    german_phone: str,
) -> None:
    monkeypatch.setenv("KLICK_REGION", region)
    contact_id = _add(
        app_database,
        local_owner_id(app_database),
        None,
        HOSTILE,
        emails=("o'neil+klick@example.org", "eve)(x@example.org", HOSTILE),
        phones=("+33612345678", "+497111234567", "call [me](javascript:alert(1))"),
    )
    at = _open()
    at.button(key=f"contacts.open.{contact_id}").click().run()
    assert not at.exception, at.exception
    links = [m.value for m in at.markdown if m.value.startswith(":material/")]
    # Stored E.164, shown as people dial it; the URL holds nothing but digits or %XX.
    assert links == [
        r":material/call: [\+33 6 12 34 56 78](tel:+33612345678)",
        f":material/call: [{german_phone}](tel:+497111234567)",
        r":material/call: call \[me\]\(javascript\:alert\(1\)\)",
        r":material/mail: [o'neil\+klick@example\.org](mailto:o%27neil%2Bklick@example.org)",
        r":material/mail: eve\)\(x@example\.org",  # no address: text, no link
        ":material/mail: " + inert("![x](http://127.0.0.1:9/n.png)"),  # no link either
    ]
    with app_database.read() as session:
        stored = contacts.get_contact(session, local_owner_id(app_database), contact_id)
    assert stored.details.phones[:2] == ("+33612345678", "+497111234567")
