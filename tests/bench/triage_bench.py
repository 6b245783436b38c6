"""How long the triage and contacts pages take to render with 10,000 contacts stored.

    .venv/bin/python -m tests.bench.triage_bench [--contacts 10000] [--runs 15]

Seeds a temporary SQLite database (and, when KLICK_TEST_POSTGRES_URL is set, a fresh
PostgreSQL database created and dropped for the run) with the contacts of many past
events plus tonight's 300 captures with card images, then drives the real pages through
AppTest and prints medians and p95 in milliseconds. Search is timed twice: typed into the
contacts page (the whole rerun), and as the query alone (`contact_service.search`: count and
first page) for spellings that must meet ("mueller" finds "Müller", "gross" finds "Groß") and
for a literal "%". The target is 300 ms; nothing is asserted.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PIL import Image
from sqlalchemy import insert, text
from streamlit.testing.v1 import AppTest

from followup import contact_service
from storage import events, owners
from storage.db import Database
from storage.kinds import ContactStatus, Rating
from storage.matching import contact_keys
from storage.models import CardImage, Contact
from storage.search_text import search_text_of
from tests.conftest import REPO_ROOT
from tests.support import fresh_postgres, p95

APP = str(REPO_ROOT / "app.py")
TONIGHT = 300
PER_EVENT = 50
FIRST = ("Anna", "Jörg", "Bea", "Carl", "Dora", "Emil", "Zoë", "Fritz", "Greta", "Hanna")
LAST = ("Müller", "Schäfer", "Weiß", "Öztürk", "Becker", "Hoffmann", "Krüger", "Lang", "Groß")
TOPICS = ("Bauhaus chairs", "cargo bikes", "sourdough", "organ repair", "cheese cellar")


def small_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 500), (235, 230, 220)).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def seed(database: Database, total: int) -> int:
    """`total` contacts: past events of 50, and tonight's captures; returns tonight's id."""
    rng = random.Random(5)
    jpeg = small_jpeg()
    with database.write() as session:
        owner_id = owners.get_or_create_owner(session, owners.LOCAL_USERNAME).id
        past = [
            events.create_event(
                session, owner_id, name=f"Abend {n}", held_on=date.today() - timedelta(days=n + 1)
            ).id
            for n in range(max(1, (total - TONIGHT) // PER_EVENT))
        ]
        tonight = events.create_event(session, owner_id, name="Heute", held_on=date.today()).id
    start = datetime.now(UTC) - timedelta(days=400)
    for batch_start in range(0, total, 1000):
        rows, cards = [], []
        for n in range(batch_start, min(total, batch_start + 1000)):
            is_tonight = n >= total - TONIGHT
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}"
            email, phone = f"person{n}@example.de", f"+49 911 {1000000 + n}"
            rating = rng.choice(list(Rating))
            company, note = f"Firma {n % 700}", f"Talked about {rng.choice(TOPICS)} and {n}."
            rows.append(
                {
                    "id": n + 1,
                    "owner_id": owner_id,
                    "event_id": tonight if is_tonight else past[n // PER_EVENT % len(past)],
                    "name": name,
                    "company": company,
                    "emails": [email],
                    "phones": [phone],
                    "websites": [],
                    "rating": rating.value,
                    "note": note,
                    "is_pitch": n % 11 == 0,
                    "status": (ContactStatus.CAPTURED if is_tonight else ContactStatus.KEPT).value,
                    "match_keys": " ".join(contact_keys([email], [phone])),
                    # A bulk insert passes by the ORM's write hook: fold here what it would.
                    "search_text": search_text_of((name, company, email, note)),
                    "created_at": start + timedelta(minutes=n),
                    "updated_at": start + timedelta(minutes=n),
                    "answered_at": start + timedelta(minutes=n, seconds=30),
                }
            )
            cards.append(
                {
                    "owner_id": owner_id,
                    "contact_id": n + 1,
                    "photo": jpeg if is_tonight else os.urandom(4096),
                    "photo_type": "image/jpeg",
                    "sha256": uuid.uuid4().hex,
                    "card_jpeg": jpeg if is_tonight else None,
                    "scan_status": "read",
                    "created_at": start + timedelta(minutes=n),
                }
            )
        with database.write() as session:
            session.execute(insert(Contact), rows)
            session.execute(insert(CardImage), cards)
    if not database.is_sqlite:
        with database.write() as session:
            session.execute(
                text("SELECT setval('contacts_id_seq', (SELECT max(id) FROM contacts))")
            )
            session.execute(text("ANALYZE"))
    return tonight


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


# Typed into the contacts page before the 'müller' search that opens a contact's detail.
PAGE_QUERIES = ("mueller", "gross", "%")
# The query alone: spellings that must meet, and the characters LIKE would take as wildcards.
SERVICE_QUERIES = ("mueller", "Müller", "gross", "schaefer", "%", "_")


def measure(url: str, runs: int) -> dict[str, list[float]]:
    os.environ["KLICK_DATABASE_URL"] = url
    figures: dict[str, list[float]] = {
        "triage page (tonight, 300 open)": [],
        "triage rerun": [],
        "contacts page (list)": [],
        **{f"contacts search '{q}'": [] for q in PAGE_QUERIES},
        "contacts search 'müller'": [],
        "contact detail": [],
    }
    for _ in range(runs):
        at = AppTest.from_file(APP, default_timeout=120).run()
        figures["triage page (tonight, 300 open)"].append(
            timed(lambda at=at: at.switch_page("followup/triage_page.py").run())  # type: ignore[misc]
        )
        assert not at.exception, at.exception
        figures["triage rerun"].append(timed(at.run))
        figures["contacts page (list)"].append(
            timed(lambda at=at: at.switch_page("followup/contacts_page.py").run())  # type: ignore[misc]
        )
        # The search box is looked up afresh for every query: an element kept from an
        # earlier run would send that run's widget states again.
        for typed in (*PAGE_QUERIES, "müller"):
            query = at.text_input(key="contacts.query")
            figures[f"contacts search '{typed}'"].append(
                timed(lambda q=query, t=typed: q.input(t).run())  # type: ignore[misc]
            )
            assert not at.exception, at.exception
        first = next(b for b in at.button if (b.key or "").startswith("contacts.open."))
        figures["contact detail"].append(timed(first.click().run))
        assert not at.exception, at.exception
    return figures


def measure_queries(url: str, runs: int) -> dict[str, list[float]]:
    """The search alone, as the contacts page asks for it: the count and the first page."""
    database = Database(url)
    try:
        with database.read() as session:
            owner = owners.find_owner(session, owners.LOCAL_USERNAME)
        assert owner is not None
        owner_id = owner.id
        figures: dict[str, list[float]] = {}
        for typed in SERVICE_QUERIES:
            found = contact_service.search(database, owner_id, typed)
            figures[f"search '{typed}' ({found.total} found)"] = [
                timed(lambda t=typed: contact_service.search(database, owner_id, t))  # type: ignore[misc]
                for _ in range(runs)
            ]
        return figures
    finally:
        database.dispose()


def report(label: str, figures: dict[str, list[float]]) -> None:
    print(f"\n{label}")
    print(f"{'':34}{'median ms':>11}{'p95 ms':>10}")
    for name, values in figures.items():
        print(f"{name:34}{statistics.median(values):11.1f}{p95(values):10.1f}")


def run_sqlite(total: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as workdir:
        os.environ["KLICK_DATA_DIR"] = workdir
        url = f"sqlite:///{Path(workdir) / 'klick.db'}"
        database = Database(url)
        database.upgrade()
        start = time.perf_counter()
        seed(database, total)
        database.dispose()
        print(f"seeded {total} contacts into SQLite in {time.perf_counter() - start:.1f} s")
        report(f"SQLite, {total} contacts, {runs} runs", measure(url, runs))
        report(f"SQLite search alone, {total} contacts, {runs} runs", measure_queries(url, runs))


def run_postgres(base_url: str, total: int, runs: int) -> None:
    with fresh_postgres(base_url, prefix="klick_bench") as url:
        database = Database(url)
        seed(database, total)
        database.dispose()
        report(f"PostgreSQL, {total} contacts, {runs} runs", measure(url, runs))
        report(
            f"PostgreSQL search alone, {total} contacts, {runs} runs", measure_queries(url, runs)
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    os.environ.pop("KLICK_LANGUAGE", None)
    run_sqlite(args.contacts, args.runs)
    postgres = os.environ.get("KLICK_TEST_POSTGRES_URL")
    if postgres:
        run_postgres(postgres, args.contacts, args.runs)
    else:
        print("\n(KLICK_TEST_POSTGRES_URL is not set: PostgreSQL skipped)")


if __name__ == "__main__":
    main()
