"""The follow-up queue and composer through AppTest: from the queue to done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from capture.translation import Translator
from followup import compose_ready_service
from followup import compose_service as service
from followup.checkin import NotOrdinary, nearest_ordinary_day, next_check_in, why_not_ordinary
from followup.model import AddressForm, Channel, Finding, FindingKind, Language
from followup.queue_page_composer_checks import finding_text
from storage import contacts, events, followups, owners
from storage.db import Database
from storage.kinds import FollowUpStatus, Rating
from storage.records import ContactAnswers, ContactDetails
from tests.pages.conftest import APP, APP_TIMEOUT_S, local_owner_id

PAGE = "followup/queue_page.py"
ANNA = ContactDetails(
    name="Anna Berger",
    emails=("anna@bootswerft.example",),
    phones=("+49 911 123456",),
    address="Anna Berger\nHafenstraße 3\n90402 Nürnberg",
)
ANNA_NOTE = "restores old wooden boats with her daughter"
STOCK = "I hope this finds you well."
NO_FINDINGS = "Nothing to flag: it reads as written to this person."


@dataclass(frozen=True)
class Seeded:
    owner_id: int
    contact_id: int
    follow_up_id: int


def seed(
    database: Database,
    *,
    details: ContactDetails = ANNA,
    note: str = ANNA_NOTE,
    need: str = "a carpenter who knows larch",
    due_in: timedelta = timedelta(hours=-2),
    language: str = "en",
    my_name: str = "Max Klein",
) -> Seeded:
    owner_id = local_owner_id(database)
    with database.write() as session:
        owners.set_display_name(session, owner_id, my_name)
        event = events.create_event(
            session, owner_id, name="Founders Night", held_on=date(2026, 11, 23)
        )
        contact = contacts.add_contact(
            session,
            owner_id,
            event_id=event.id,
            details=details,
            answers=ContactAnswers(rating=Rating.YES, note=note, they_need=need),
            language=language,
        )
        follow_up = followups.queue_follow_up(
            session, owner_id, contact.id, due_at=datetime.now(UTC) + due_in, language=language
        )
    return Seeded(owner_id, contact.id, follow_up.id)


def queue_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S).run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def open_composer(at: AppTest, follow_up_id: int) -> None:
    at.button(key=f"queue.open.{follow_up_id}").click().run()
    assert not at.exception, at.exception


def body_area(at: AppTest, follow_up_id: int):
    return next(a for a in at.text_area if (a.key or "").startswith(f"queue.body.{follow_up_id}."))


def stored(database: Database, seeded: Seeded):
    with database.read() as session:
        return (
            followups.get_follow_up(session, seeded.owner_id, seeded.follow_up_id),
            followups.get_review(session, seeded.owner_id, seeded.follow_up_id),
        )


def test_the_queue_lists_by_due_date_and_marks_the_overdue(
    app_env: Path, app_database: Database
) -> None:
    later = seed(app_database, details=ContactDetails(name="Bea Later"), due_in=timedelta(days=2))
    overdue = seed(app_database, due_in=timedelta(days=-1))
    at = queue_page()
    rows = [m.value for m in at.markdown if m.value.startswith("**")]
    assert rows[0].startswith("**Anna Berger**") and "overdue since" in rows[0]
    assert rows[1].startswith("**Bea Later**") and "overdue" not in rows[1]
    assert [b.key for b in at.button if b.key and b.key.startswith("queue.open.")] == [
        f"queue.open.{overdue.follow_up_id}",
        f"queue.open.{later.follow_up_id}",
    ]
    assert [d.label for d in at.download_button] == ["Add due dates to my calendar (.ics)"]


def test_from_the_queue_to_done(app_env: Path, app_database: Database) -> None:
    seeded = seed(app_database)
    fid = seeded.follow_up_id
    at = queue_page()
    open_composer(at, fid)

    # A draft written from the note, stored at once.
    draft = body_area(at, fid).value
    assert "wooden boats with your daughter" in draft and "carpenter who knows larch" in draft
    assert draft.startswith("Dear Anna,") and draft.endswith("Max Klein")
    follow_up, review = stored(app_database, seeded)
    assert follow_up.body == draft and not review.ready
    # The draft from the note passes every check: no finding, and the page says so.
    assert [w.value for w in at.warning] == []
    assert NO_FINDINGS in [s.value for s in at.success]

    # A stock phrase is flagged with the phrase; ready is refused until it is overridden.
    body_area(at, fid).input(draft.replace("Dear Anna,", f"Dear Anna,\n\n{STOCK}"))
    at.button(key=f"queue.save.{fid}").click().run()
    assert not at.exception, at.exception
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 1 and "I hope this finds you well" in warnings[0]
    assert at.button(key=f"queue.ready.{fid}").disabled
    keep = next(c for c in at.checkbox if (c.key or "").startswith(f"queue.keep.{fid}."))
    keep.check().run()
    assert not at.button(key=f"queue.ready.{fid}").disabled
    at.button(key=f"queue.ready.{fid}").click().run()
    assert not at.exception, at.exception
    follow_up, review = stored(app_database, seeded)
    assert review.ready and len(review.overridden) == 1 and STOCK in follow_up.body
    assert any("ready to send" in s.value for s in at.success)

    # Card: the PNG preview on the page and the PDF to download; the edited text is kept.
    at.radio(key=f"queue.channel.{fid}").set_value(Channel.CARD).run()
    assert not at.exception, at.exception
    assert at.image, "the card preview is shown"
    downloads = at.download_button
    assert [d.label for d in downloads] == ["Download the card (PDF, A6)"]
    follow_up, review = stored(app_database, seeded)
    assert follow_up.channel is Channel.CARD and STOCK in follow_up.body and review.ready

    # E-mail: a mailto link with subject and body, and the text in a copyable block.
    at.radio(key=f"queue.channel.{fid}").set_value(Channel.EMAIL).run()
    links = [link.proto.url for link in at.link_button]
    assert len(links) == 1 and links[0].startswith("mailto:anna@bootswerft.example?subject=")
    assert "wooden%20boats" in links[0]
    assert at.code and "wooden boats" in at.code[0].value

    # Call: a tel: link and talking points from the note.
    at.radio(key=f"queue.channel.{fid}").set_value(Channel.CALL).run()
    assert [link.proto.url for link in at.link_button] == ["tel:+49911123456"]
    points = [m.value for m in at.markdown if m.value.startswith("- ")]
    assert points and "wooden boats" in points[0]

    # Done: the proposed next check-in is an ordinary day months later, and it is stored.
    proposed = next_check_in(date.today(), country="DE")
    assert at.date_input(key=f"queue.check_in.{fid}").value == proposed
    at.button(key=f"queue.done.{fid}").click().run()
    assert not at.exception, at.exception
    follow_up, _ = stored(app_database, seeded)
    assert follow_up.status is FollowUpStatus.DONE and follow_up.done_on == date.today()
    assert follow_up.next_check_in == proposed and proposed.weekday() < 5
    shown = Translator("en").day(proposed)  # e.g. "Mon, Feb 22, 2027"
    assert shown in at.success[0].value
    assert "Nothing to follow up" in at.info[0].value
    assert at.expander[0].label == "Next check-ins (1)"
    assert [t.value for t in at.text] == [f"{shown} · Anna Berger"]
    assert [d.label for d in at.download_button] == ["Add due dates to my calendar (.ics)"]


def test_the_user_may_change_the_proposed_check_in(app_env: Path, app_database: Database) -> None:
    seeded = seed(app_database)
    at = queue_page()
    open_composer(at, seeded.follow_up_id)
    chosen = date.today() + timedelta(days=40)
    at.date_input(key=f"queue.check_in.{seeded.follow_up_id}").set_value(chosen).run()
    at.button(key=f"queue.done.{seeded.follow_up_id}").click().run()
    follow_up, _ = stored(app_database, seeded)
    assert follow_up.next_check_in == chosen


def _next_christmas(after: date) -> date:
    christmas = date(after.year, 12, 25)
    return christmas if christmas > after else date(after.year + 1, 12, 25)


def test_a_check_in_picked_at_christmas_gets_a_note_and_a_better_day(
    app_env: Path, app_database: Database
) -> None:
    seeded = seed(app_database)
    fid = seeded.follow_up_id
    at = queue_page()
    open_composer(at, fid)
    # The proposal is an ordinary day: no note under the picker.
    assert not [c for c in at.caption if "15 December" in c.value]
    christmas = _next_christmas(date.today() + timedelta(days=1))
    at.date_input(key=f"queue.check_in.{fid}").set_value(christmas).run()
    assert not at.exception, at.exception
    english = Translator("en")
    notes = [c.value for c in at.caption if "15 December and 6 January" in c.value]
    assert notes == [
        f"{english.day(christmas)} falls between 15 December and 6 January, when a check-in "
        "drowns among season's greetings."
    ]
    better = nearest_ordinary_day(christmas)
    assert better.month == 1 and better.day > 6 and better.weekday() < 5
    offer = at.button(key=f"queue.better_check_in.{fid}")
    assert offer.label == f"Use {english.day(better)} instead"
    offer.click().run()
    assert not at.exception, at.exception
    assert at.date_input(key=f"queue.check_in.{fid}").value == better
    assert not [c for c in at.caption if "15 December" in c.value]
    with pytest.raises(KeyError):
        at.button(key=f"queue.better_check_in.{fid}")
    at.button(key=f"queue.done.{fid}").click().run()
    follow_up, _ = stored(app_database, seeded)
    assert follow_up.next_check_in == better


def test_a_weekend_check_in_may_be_kept(app_env: Path, app_database: Database) -> None:
    seeded = seed(app_database)
    fid = seeded.follow_up_id
    at = queue_page()
    open_composer(at, fid)
    saturday = date.today() + timedelta(days=10)
    saturday += timedelta(days=(5 - saturday.weekday()) % 7)
    while why_not_ordinary(saturday) is not NotOrdinary.WEEKEND:  # not at Christmas, say
        saturday += timedelta(days=7)
    at.date_input(key=f"queue.check_in.{fid}").set_value(saturday).run()
    shown = Translator("en").day(saturday)
    assert f"{shown} falls on a weekend." in [c.value for c in at.caption]
    better = nearest_ordinary_day(saturday)
    assert better.weekday() < 5 and better - saturday <= timedelta(days=4)
    offered = Translator("en").day(better, year=better.year != saturday.year)
    assert at.button(key=f"queue.better_check_in.{fid}").label == f"Use {offered} instead"
    at.button(key=f"queue.done.{fid}").click().run()
    follow_up, _ = stored(app_database, seeded)
    assert follow_up.next_check_in == saturday


def test_different_notes_give_different_drafts(app_env: Path, app_database: Database) -> None:
    anna = seed(app_database)
    ben = seed(
        app_database,
        details=ContactDetails(name="Ben Ortiz", emails=("ben@example.org",)),
        note="builds cargo bikes for bakeries in Fürth",
        need="",
    )
    at = queue_page()
    open_composer(at, anna.follow_up_id)
    at.button(key="queue.back").click().run()
    open_composer(at, ben.follow_up_id)
    ben_body = body_area(at, ben.follow_up_id).value
    anna_body, _ = stored(app_database, anna)
    assert "cargo bikes" in ben_body and "boats" not in ben_body
    assert "boats" in anna_body.body and ben_body != anna_body.body


def test_a_german_contact_gets_sie_and_can_be_switched_to_du(
    app_env: Path, app_database: Database
) -> None:
    seeded = seed(
        app_database,
        details=ContactDetails(name="Jürgen Weiß", emails=("jw@kita-app.de",)),
        note="sucht einen Mitgründer für seine Kita-App",
        need="",
        language="de",
    )
    fid = seeded.follow_up_id
    at = queue_page()
    open_composer(at, fid)
    sie = body_area(at, fid).value
    assert "Jürgen Weiß" in sie.splitlines()[0] and "Sie" in sie
    at.radio(key=f"queue.form.{fid}").set_value(AddressForm.DU).run()
    assert not at.exception, at.exception
    du = body_area(at, fid).value
    assert du != sie and du.startswith("Hallo Jürgen")
    assert not [w for w in at.warning], "the du draft passes the form-of-address check"
    assert NO_FINDINGS in [s.value for s in at.success], "the checks ran on the du draft"
    with app_database.read() as session:
        contact = contacts.get_contact(session, seeded.owner_id, seeded.contact_id)
    assert contact is not None and (contact.language, contact.address_form) == ("de", "du")

    at.radio(key=f"queue.language.{fid}").set_value(Language.EN).run()
    assert body_area(at, fid).value.startswith(("Dear", "Hi", "Hello"))


def test_the_users_own_name_is_asked_once_for_the_sign_off(
    app_env: Path, app_database: Database
) -> None:
    seeded = seed(app_database, my_name="")
    fid = seeded.follow_up_id
    at = queue_page()
    open_composer(at, fid)
    unsigned = body_area(at, fid).value
    assert "wooden boats" in unsigned and not unsigned.endswith("Max Klein")
    at.text_input(key=f"queue.my_name.{fid}").input("Max Klein")
    at.button(key=f"queue.save_name.{fid}").click().run()
    assert not at.exception, at.exception
    assert body_area(at, fid).value.endswith("Max Klein")
    with app_database.read() as session:
        owner = owners.find_owner(session, owners.LOCAL_USERNAME)
    assert owner is not None and owner.display_name == "Max Klein"
    assert not [t for t in at.text_input if t.key == f"queue.my_name.{fid}"]


def test_ready_is_refused_while_a_finding_is_open(app_env: Path, app_database: Database) -> None:
    seeded = seed(app_database)
    service.open_composer(app_database, seeded.owner_id, seeded.follow_up_id, my_name="Max")
    service.save_text(
        app_database, seeded.owner_id, seeded.follow_up_id, subject="Hi", body=f"Hi Anna,\n{STOCK}"
    )
    with pytest.raises(compose_ready_service.NotReadyError) as refused:
        compose_ready_service.mark_ready(
            app_database,
            seeded.owner_id,
            seeded.follow_up_id,
            overridden=set(),
            my_name="Max",
        )
    assert {f.kind for f in refused.value.findings} >= {"stock_phrase", "no_personal_detail"}
    _, review = stored(app_database, seeded)
    assert not review.ready


def test_markup_in_a_note_is_shown_as_typed(app_env: Path, app_database: Database) -> None:
    seeded = seed(
        app_database,
        details=ContactDetails(name="**Eve** <b>Bold</b>"),
        note="<script>alert(1)</script> restores [boats](javascript:x)",
    )
    at = queue_page()
    rows = [m.value for m in at.markdown if "Eve" in m.value]
    assert rows and "\\*\\*Eve\\*\\*" in rows[0] and "\\<b\\>" in rows[0]
    open_composer(at, seeded.follow_up_id)
    assert not at.exception, at.exception
    assert any("<script>" in t.value for t in at.text)
    assert not [m for m in at.markdown if "<script>" in m.value]


def test_taking_back_an_override_takes_back_ready(app_env: Path, app_database: Database) -> None:
    seeded = seed(app_database)
    fid = seeded.follow_up_id
    at = queue_page()
    open_composer(at, fid)
    body_area(at, fid).input(f"{STOCK}\n\n{body_area(at, fid).value}")
    at.button(key=f"queue.save.{fid}").click().run()
    keep = next(c for c in at.checkbox if (c.key or "").startswith(f"queue.keep.{fid}."))
    keep.check().run()
    at.button(key=f"queue.ready.{fid}").click().run()
    assert stored(app_database, seeded)[1].ready
    keep = next(c for c in at.checkbox if (c.key or "").startswith(f"queue.keep.{fid}."))
    keep.uncheck().run()
    assert not at.exception, at.exception
    assert not stored(app_database, seeded)[1].ready
    assert at.button(key=f"queue.ready.{fid}").disabled
    assert not at.link_button, "nothing to send while a finding is open"


def test_an_edited_text_must_be_checked_again(app_env: Path, app_database: Database) -> None:
    seeded = seed(app_database)
    fid = seeded.follow_up_id
    at = queue_page()
    open_composer(at, fid)
    at.button(key=f"queue.ready.{fid}").click().run()
    assert at.link_button, "ready: the e-mail can be opened"
    body_area(at, fid).input(body_area(at, fid).value + "\n\nPS: the larch offcuts are yours.")
    at.button(key=f"queue.save.{fid}").click().run()
    assert not at.exception, at.exception
    follow_up, review = stored(app_database, seeded)
    assert "larch offcuts" in follow_up.body and not review.ready
    assert "larch offcuts" in body_area(at, fid).value, "the composer is shown again"
    assert not at.link_button


@pytest.mark.parametrize(
    ("zone", "shown"),
    # Babel puts a narrow no-break space before AM/PM.
    [
        ("Europe/Berlin", "Jan 1, 2027, 12:30\u202fAM"),
        ("America/New_York", "Dec 31, 2026, 6:30\u202fPM"),
    ],
)
def test_due_times_read_as_the_users_clock(
    app_env: Path, app_database: Database, zone: str, shown: str
) -> None:
    seeded = seed(app_database)
    with app_database.write() as session:
        from storage.models import FollowUp

        row = session.get(FollowUp, seeded.follow_up_id)
        assert row is not None
        row.due_at = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    at = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S)
    at.context = {"timezone": zone}
    at.run()
    at.switch_page(PAGE).run()
    assert any(shown in m.value for m in at.markdown), [m.value for m in at.markdown]


def test_the_queue_speaks_german_with_german_dates(
    app_env: Path, app_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KLICK_LANGUAGE", "de")
    seeded = seed(app_database)
    with app_database.write() as session:
        from storage.models import FollowUp

        row = session.get(FollowUp, seeded.follow_up_id)
        assert row is not None
        row.due_at = datetime(2025, 12, 31, 23, 30, tzinfo=UTC)
    at = queue_page()
    assert at.title[0].value == "Nachfassen"
    rows = [m.value for m in at.markdown if m.value.startswith("**Anna Berger**")]
    assert rows and "überfällig seit 31. Dez. 2025, 23:30" in rows[0] and "E-Mail" in rows[0]
    open_composer(at, seeded.follow_up_id)
    assert any(c.value.startswith("Kennengelernt bei Founders Night") for c in at.caption)
    assert "Nichts zu beanstanden: Der Text gilt erkennbar dieser Person." in [
        s.value for s in at.success
    ]


def test_a_card_too_long_to_write_by_hand_is_explained_in_german(
    app_env: Path, app_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KLICK_LANGUAGE", "de")
    seeded = seed(app_database)
    fid = seeded.follow_up_id
    at = queue_page()
    open_composer(at, fid)
    body_area(at, fid).input(body_area(at, fid).value + "\n\n" + ANNA_NOTE * 40)
    at.button(key=f"queue.save.{fid}").click().run()
    at.radio(key=f"queue.channel.{fid}").set_value(Channel.CARD).run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [
        "Dieser Text ist zu lang für eine handgeschriebene Karte; kürzen Sie ihn oder schicken "
        "Sie ihn als E-Mail."
    ]
    assert not at.download_button


@pytest.mark.parametrize(
    ("finding", "english", "german"),
    [
        (
            Finding(FindingKind.STOCK_PHRASE, "I hope this finds you well"),
            "“I hope this finds you well” is a stock phrase",
            "„I hope this finds you well“ ist eine Floskel",
        ),
        (
            Finding(FindingKind.SALES_PITCH, "price list"),
            "“price list” reads like a sales pitch",
            "„price list“ klingt nach Verkauf",
        ),
        (
            Finding(FindingKind.NO_PERSONAL_DETAIL, "boats"),
            "Nothing from your note (“boats”)",
            "Nichts aus Ihrer Notiz („boats“)",
        ),
        (
            Finding(FindingKind.WRONG_ADDRESS, "dir", form=AddressForm.SIE),
            "“dir” does not fit the form of address chosen for this contact (Sie).",
            "„dir“ passt nicht zur gewählten Anrede (Sie).",
        ),
        (
            Finding(FindingKind.NEAR_COPY, "Shall we meet", contact="Anna Berger", score=91),
            "you wrote to Anna Berger (91 % alike, e.g. “Shall we meet”)",
            "an Anna Berger (91 % gleich, z. B. „Shall we meet“)",
        ),
    ],
)
def test_findings_are_worded_in_the_users_language(
    finding: Finding, english: str, german: str
) -> None:
    assert english in finding_text(Translator("en"), finding)
    assert german in finding_text(Translator("de"), finding)


def test_a_findings_phrase_is_shown_as_typed() -> None:
    finding = Finding(FindingKind.NEAR_COPY, "**bold** [x](y)", contact="<b>Eve</b>", score=90)
    text = finding_text(Translator("en"), finding)
    assert "\\*\\*bold\\*\\* \\[x\\]\\(y\\)" in text and "\\<b\\>Eve" in text
