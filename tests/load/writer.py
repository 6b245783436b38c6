"""One of several processes saving card captures into the same database, as a server would.

    python -m tests.load.writer URL OWNER_ID EVENT_ID --writer N --captures 300 --ready FILE

Writes "ready" to FILE once imported and connected, then waits for a line on stdin so
that all writers start together. Each capture is saved as the capture page saves it:
`store_photo` (the photo, one transaction), then `save_capture` (the answers, another).
After each commit it prints `saved <sha256 of the photo> <milliseconds for both writes>`;
at the end `done <writes retried>`. `--captures 0` writes until the process is stopped.
Any error reaching this loop is printed and ends the process with status 1: for a user
it would have been an error message.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from itertools import count
from pathlib import Path

import cv2
import numpy as np

from capture import intake
from storage.db import Database
from storage.kinds import Rating
from storage.records import ContactAnswers, ContactDetails

NOTE = "Runs a letterpress workshop; wants to print small batches of cards for a café."


def tiny_photo(writer: int, number: int) -> bytes:
    """A small, unique JPEG (a few KB): what matters here is bytes in, the same bytes out."""
    rng = np.random.default_rng([writer, number])
    noise = rng.integers(0, 256, size=(40, 64, 3), dtype=np.uint8)
    ok, buffer = cv2.imencode(".jpg", noise, [cv2.IMWRITE_JPEG_QUALITY, 90])
    assert ok
    return bytes(buffer.tobytes())


def save_one(database: Database, owner_id: int, event_id: int, writer: int, number: int) -> str:
    photo = tiny_photo(writer, number)
    capture_id = intake.store_photo(
        database, owner_id, event_id=event_id, photo=photo, photo_type="image/jpeg"
    )
    intake.save_capture(
        database,
        owner_id,
        capture_id,
        details=ContactDetails(name=f"Writer {writer} card {number}"),
        answers=ContactAnswers(rating=Rating.YES, note=NOTE),
        language="en",
    )
    return hashlib.sha256(photo).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("owner_id", type=int)
    parser.add_argument("event_id", type=int)
    parser.add_argument("--writer", type=int, required=True)
    parser.add_argument("--captures", type=int, default=300)
    parser.add_argument("--ready", type=Path, required=True)
    args = parser.parse_args(argv)

    database = Database(args.url)
    with database.read() as session:  # connect (and set SQLite's pragmas) before the start
        session.connection()
    args.ready.write_text("ready\n")
    sys.stdin.readline()
    numbers = count() if args.captures == 0 else range(args.captures)
    try:
        for number in numbers:
            start = time.perf_counter()
            sha = save_one(database, args.owner_id, args.event_id, args.writer, number)
            print(f"saved {sha} {(time.perf_counter() - start) * 1000:.2f}", flush=True)
    except Exception as error:  # what a user would have seen
        print(f"error {type(error).__name__}: {error}", flush=True)
        return 1
    finally:
        print(f"done {database.retries}", flush=True)
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
