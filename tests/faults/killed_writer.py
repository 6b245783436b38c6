"""A child process that is SIGKILLed while it saves a capture (see test_killed_writer.py).

    python -m tests.faults.killed_writer URL OWNER_ID EVENT_ID --committed N --then pause|loop

Saves N complete captures (photo, read result, answers: one transaction each, as the page
does), printing `committed <sha256>` after each commit. Then either
- `pause`: opens one more write transaction, stores a photo, its read result and the
  answers, prints `inside` and sleeps inside the open transaction until killed; or
- `loop`: goes on saving captures as fast as it can until killed.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from itertools import count

from sqlalchemy.orm import Session

from storage import contacts
from storage.db import Database
from storage.kinds import Rating
from storage.records import ContactAnswers, ContactDetails, ScanOutcome

NOTE = "Builds cargo bikes in Fürth; needs a welder who can do aluminium frames."


def photo(number: int) -> bytes:
    # Large enough to span many database pages, so a torn write would show.
    return bytes(f"photo {number} ", "ascii") * 20_000


def save_capture(session: Session, owner_id: int, event_id: int, number: int) -> str:
    data = photo(number)
    capture_id = contacts.start_capture(
        session, owner_id, event_id=event_id, photo=data, photo_type="image/jpeg"
    )
    details = ContactDetails(name=f"Person {number}", emails=(f"p{number}@example.org",))
    contacts.record_scan(
        session,
        owner_id,
        capture_id,
        ScanOutcome(
            details=details,
            card_jpeg=data[: len(data) // 2],
            raw_text=f"Person {number}",
            word_confidences=[("Person", 95.0)],
            field_confidence={"name": 0.9},
        ),
    )
    contacts.answer_capture(
        session,
        owner_id,
        capture_id,
        details=details,
        answers=ContactAnswers(rating=Rating.YES, note=NOTE),
    )
    return hashlib.sha256(data).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("owner_id", type=int)
    parser.add_argument("event_id", type=int)
    parser.add_argument("--committed", type=int, default=3)
    parser.add_argument("--then", choices=("pause", "loop"), default="pause")
    args = parser.parse_args(argv)
    database = Database(args.url)
    numbers = count()
    for number in numbers:
        if number >= args.committed and args.then == "pause":
            break
        sha = database.write_with_retry(
            lambda session, n=number: save_capture(session, args.owner_id, args.event_id, n)
        )
        print(f"committed {sha}", flush=True)
    with database.write() as session:
        save_capture(session, args.owner_id, args.event_id, args.committed)
        session.flush()
        print("inside", flush=True)
        time.sleep(600)  # killed here, with the transaction open
    return 0


if __name__ == "__main__":
    sys.exit(main())
