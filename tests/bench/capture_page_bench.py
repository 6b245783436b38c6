"""What the capture page adds around OCR, and how long saving a contact takes.

    .venv/bin/python -m tests.bench.capture_page_bench [--runs 15]

Each run drives the real page through AppTest against a fresh SQLite database: upload a
rendered card photo (timing the whole script run and, separately, the card reader inside
it), then answer and save. Prints medians and p95 and the process's peak RSS; asserts
nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

import capture.intake
from storage import events, owners
from storage.db import Database
from storage.kinds import Rating
from tests.bench.capture_bench import peak_rss_mb
from tests.cardmaker import photo_of_card
from tests.conftest import REPO_ROOT
from tests.support import p95

NOTE = "Restores Bauhaus chairs; looking for a printer for small batches of seat fabric."


def one_run(photo: bytes, workdir: Path) -> tuple[float, float, float]:
    """(upload → prefilled form, of which OCR, save) in milliseconds."""
    url = f"sqlite:///{workdir / 'klick.db'}"
    os.environ["KLICK_DATABASE_URL"] = url
    database = Database(url)
    database.upgrade()
    with database.write() as session:
        owner_id = owners.get_or_create_owner(session, owners.LOCAL_USERNAME).id
        events.create_event(session, owner_id, name="Bench", held_on=date.today())
    database.dispose()

    reader_ms: list[float] = []
    real_scan = capture.intake.scan_image

    def timed_scan(*args, **kwargs):
        start = time.perf_counter()
        try:
            return real_scan(*args, **kwargs)
        finally:
            reader_ms.append((time.perf_counter() - start) * 1000)

    capture.intake.scan_image = timed_scan
    try:
        at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=120).run()
        at.switch_page("capture/page.py").run()
        start = time.perf_counter()
        at.file_uploader[0].upload("card.jpg", photo, "image/jpeg").run()
        upload_ms = (time.perf_counter() - start) * 1000
        capture_id = at.session_state["capture.active_id"]
        at.radio(key=f"capture.form.{capture_id}.rating").set_value(Rating.YES)
        at.text_area(key=f"capture.form.{capture_id}.note").input(NOTE)
        start = time.perf_counter()
        at.button(key=f"capture.form.{capture_id}.save").click().run()
        save_ms = (time.perf_counter() - start) * 1000
        assert at.session_state["capture.active_id"] is None, "the contact was not saved"
    finally:
        capture.intake.scan_image = real_scan
    return upload_ms, sum(reader_ms), save_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    photo = photo_of_card()
    uploads, readers, saves = [], [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as workdir:
            upload_ms, reader_ms, save_ms = one_run(photo, Path(workdir))
        uploads.append(upload_ms)
        readers.append(reader_ms)
        saves.append(save_ms)
    added = [u - r for u, r in zip(uploads, readers, strict=True)]
    print(f"capture page, {args.runs} runs (rendered card, SQLite, AppTest)")
    print(f"{'':34}{'median':>10}{'p95':>10}")
    for label, values in (
        ("upload → prefilled form (ms)", uploads),
        ("  of which reading the card (ms)", readers),
        ("  added by the page (ms)", added),
        ("save contact (ms)", saves),
    ):
        print(f"{label:34}{statistics.median(values):10.1f}{p95(values):10.1f}")
    # The whole app ran in this process (AppTest), with the PP-OCRv6 engine loaded.
    print(f"peak RSS of the app process with the engine loaded: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
