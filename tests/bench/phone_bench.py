"""Speed on the phone: the real Klick in Debian's chromium at 390×844, as a thumb uses it.

    .venv/bin/python -m tests.bench.phone_bench [--runs 10] [--engine rapidocr|tesseract]

Starts the real app (`streamlit run app.py`) on a free loopback port with a fresh SQLite
database in a temporary folder and tonight's event, then, in one phone-sized touch browser
session, `--runs` times (after one warm-up card that is reported on its own):

- upload: a rendered card photo chosen in the file picker → the prefilled form is visible
  (the "Did it click?" question), OCR on the server included;
- save: "Save contact" tapped (rating and note already given) → "Saved …" is shown;
- a page switch through the app's navigation bar (Contacts, Follow-ups, Triage, Capture):
  the link tapped → the new page's title is visible.

Before each timed step the app is idle (its script has finished), so a step never waits for
the one before. Every card is another person, so none is offered as a contact already saved.
Prints medians and p95 in ms and the OCR engine the server used; asserts nothing. Waits have
the browser tests' generous ceilings; a step that still times out is counted and reported.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.browser.conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PHONE,
    READ_TIMEOUT_MS,
    UI_TIMEOUT_MS,
    start_server,
    stop_server,
)
from tests.cardmaker import CardText, photo_of_card
from tests.load.harness import prepare_owner
from tests.support import p95

NOTE = "Repairs church organs in Franconia; wants an apprentice who can read old scores."
NAV_LINK = ".st-key-app-nav [data-testid='stPageLink-NavLink']"
# (link in the bar, title of the page it opens), in the order tapped; ends where it began.
SWITCHES = (
    ("Contacts", "Contacts"),
    ("Follow-ups", "Follow-ups"),
    ("Triage", "Triage"),
    ("Capture", "Capture"),
)
SAVED = re.compile(r"^Saved .*Next card!")
FIRST_NAMES = ("Ida", "Moritz", "Greta", "Anton", "Luise", "Oskar", "Frida", "Theo", "Ella")
LAST_NAMES = ("Brenner", "Vogt", "Kuhn", "Seidel", "Ziegler", "Winkler", "Haas", "Lang")


@dataclass
class Timings:
    upload_ms: list[float] = field(default_factory=list)
    save_ms: list[float] = field(default_factory=list)
    switch_ms: dict[str, list[float]] = field(default_factory=dict)
    names_read: int = 0
    warmup_upload_ms: float | None = None
    errors: list[str] = field(default_factory=list)


def card_text(number: int) -> CardText:
    """Person `number`: a name, e-mail and phone no other card of the run has."""
    first = FIRST_NAMES[number % len(FIRST_NAMES)]
    last = LAST_NAMES[(number // len(FIRST_NAMES)) % len(LAST_NAMES)]
    return CardText(
        name=f"{first} {last}",
        company=f"{last} Orgelbau GmbH",
        email=f"{first.lower()}.{last.lower()}{number}@orgelbau.de",
        phone=f"+49 911 {4_400_000 + number * 137}",
    )


def wait_idle(page: Any) -> None:
    """Streamlit's script has run and no "running" indicator is left."""
    page.wait_for_selector("[data-testid='stApp']")
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stStatusWidget']\")",
        timeout=UI_TIMEOUT_MS,
    )


def timed(step: Callable[[], None]) -> float:
    start = time.perf_counter()
    step()
    return (time.perf_counter() - start) * 1000


def capture_card(page: Any, photo: Path, text: CardText) -> tuple[float, float, bool]:
    """(upload → prefilled form ms, save → "Saved" ms, whether the name was read right)."""
    picker = page.locator("input[type=file]:not([multiple])").first
    rating = page.get_by_role("radiogroup", name="Did it click?")

    def upload() -> None:
        picker.set_input_files(str(photo))
        rating.wait_for(state="visible", timeout=READ_TIMEOUT_MS)

    upload_ms = timed(upload)
    wait_idle(page)
    name_read = page.get_by_role("textbox", name="Name").first.input_value() == text.name
    rating.get_by_text("Yes", exact=True).tap()
    page.get_by_role("textbox", name="Personal note").fill(NOTE)

    def save() -> None:
        page.get_by_role("button", name="Save contact").first.tap()
        page.get_by_text(SAVED).first.wait_for(state="visible")

    save_ms = timed(save)
    page.get_by_role("button", name="Later").wait_for(state="detached")  # a fresh picker
    wait_idle(page)
    return upload_ms, save_ms, name_read


def switch_pages(page: Any, timings: Timings) -> None:
    """Tap through the bar, timing each tap until the new page's title shows."""
    for label, title in SWITCHES:
        link = page.locator(NAV_LINK).filter(has_text=label)
        link.wait_for(state="visible")
        heading = page.locator("h1").filter(has_text=re.compile(rf"^\s*{re.escape(title)}\s*$"))

        def switch(link: Any = link, heading: Any = heading) -> None:
            link.tap()
            heading.wait_for(state="visible")

        timings.switch_ms.setdefault(label, []).append(timed(switch))
        wait_idle(page)


def drive(url: str, photos: list[tuple[Path, CardText]], timings: Timings) -> None:
    """One phone session: a warm-up card, then each run's card and page switches."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(
            viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="en-GB"
        )
        context.set_default_timeout(UI_TIMEOUT_MS)
        context.set_default_navigation_timeout(UI_TIMEOUT_MS)
        page = context.new_page()
        try:
            page.goto(f"{url}/capture")
            wait_idle(page)
            page.locator(NAV_LINK).nth(len(SWITCHES) - 1).wait_for(state="visible")
            for number, (photo, text) in enumerate(photos):
                try:
                    upload_ms, save_ms, name_read = capture_card(page, photo, text)
                    if number == 0:
                        timings.warmup_upload_ms = upload_ms
                        continue
                    timings.upload_ms.append(upload_ms)
                    timings.save_ms.append(save_ms)
                    timings.names_read += name_read
                    switch_pages(page, timings)
                except PlaywrightError as error:  # a timeout too: counted, then a clean page
                    timings.errors.append(f"run {number}: {type(error).__name__}: {error}"[:300])
                    page.goto(f"{url}/capture")
                    wait_idle(page)
        finally:
            context.close()
            browser.close()


def engine_used(requested: str, log: Path) -> str:
    """What read the cards: the server says in its log when PP-OCRv6 could not be loaded."""
    if requested == "tesseract":
        return "Tesseract (KLICK_OCR_ENGINE=tesseract)"
    said = log.read_text(errors="replace") if log.exists() else ""
    if "cannot be loaded, using Tesseract" in said:
        return "Tesseract (PP-OCRv6 could not be loaded, see the server's log)"
    return "PP-OCRv6 (neural, RapidOCR on ONNX Runtime)"


def report(timings: Timings, runs: int, engine: str, load: tuple[float, float]) -> None:
    print(
        f"phone at {PHONE['width']}×{PHONE['height']}, Debian's chromium, real server on "
        f"loopback, SQLite; runs: {runs}, after one warm-up card"
    )
    print(f"OCR engine of the server: {engine}")
    print(
        f"cpus: {os.cpu_count()}; load average (1 min) before / after: "
        f"{load[0]:.1f} / {load[1]:.1f}"
    )
    print(f"{'':38}{'median':>10}{'p95':>10}{'n':>5}")
    rows = [
        ("upload → prefilled form (ms)", timings.upload_ms),
        ("save → “Saved” shown (ms)", timings.save_ms),
    ]
    rows += [
        (f"bar → {label} page title (ms)", values) for label, values in timings.switch_ms.items()
    ]
    every_switch = [v for values in timings.switch_ms.values() for v in values]
    rows.append(("any page switch (ms)", every_switch))
    for label, values in rows:
        if values:
            print(f"{label:38}{statistics.median(values):10.0f}{p95(values):10.0f}{len(values):5}")
    if timings.warmup_upload_ms is not None:
        print(f"warm-up card, upload → prefilled form: {timings.warmup_upload_ms:.0f} ms")
    print(f"names read exactly: {timings.names_read} of {len(timings.upload_ms)}")
    for error in timings.errors:
        print(f"FAILED {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument(
        "--engine",
        choices=("rapidocr", "tesseract"),
        default=os.environ.get("KLICK_OCR_ENGINE", "rapidocr"),
    )
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"skipped: {CHROMIUM} is not installed (bash scripts/setup.sh --test installs it)")
        return
    load_before = os.getloadavg()[0]
    timings = Timings()
    with tempfile.TemporaryDirectory() as workdir:
        root = Path(workdir)
        photos = []
        for number in range(args.runs + 1):
            text = card_text(number)
            path = root / f"card-{number}.jpg"
            path.write_bytes(photo_of_card(text))
            photos.append((path, text))
        data_dir = root / "data"
        data_dir.mkdir()
        database_url = f"sqlite:///{data_dir / 'klick.db'}"
        prepare_owner(database_url, "Orgelbauertreffen")
        server, process = start_server(data_dir, {"KLICK_OCR_ENGINE": args.engine})
        try:
            drive(server.url, photos, timings)
        finally:
            stop_server(process)
        engine = engine_used(args.engine, data_dir / "streamlit.log")
    report(timings, args.runs, engine, (load_before, os.getloadavg()[0]))


if __name__ == "__main__":
    main()
