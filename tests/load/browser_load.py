"""Phones at once: browser sessions against a real Klick server, each capturing a few cards.

One chromium, one context per phone, all driven concurrently through Playwright's async
API (in a thread of its own, so it never meets the sync API's loop). Bounded: a fixed
number of cards per phone and an overall time limit, after which everything is closed.
Shared by the slow test (which asserts) and `tests.bench.load_bench` (which prints).
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, start_server, stop_server
from tests.cardmaker import CardText, photo_of_card
from tests.load.harness import prepare_owner

NOTE = "Builds cargo bikes in Fürth; needs a welder who can do aluminium frames."
FIRST_NAMES = ("Anna", "Jonas", "Lea", "Paul", "Mia", "Felix", "Emma", "Noah", "Lina", "Ben")
LAST_NAMES = ("Schäfer", "Weber", "Becker", "Hoffmann", "Richter")
SAVED = re.compile(r"^Saved .*Next card!")


@dataclass
class LoadRun:
    """Per save: seconds from tapping "Save contact" to "Saved"; per card: upload → form."""

    expected: int
    saves: int = 0
    save_latencies_ms: list[float] = field(default_factory=list)
    read_latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    elapsed_s: float = 0.0

    @property
    def saves_per_s(self) -> float:
        return self.saves / self.elapsed_s if self.elapsed_s else 0.0


def card_photos(directory: Path, phones: int, cards: int) -> list[list[Path]]:
    """Distinct rendered cards (names, e-mails, phones), so none is taken for a known one."""
    directory.mkdir(parents=True, exist_ok=True)
    photos: list[list[Path]] = []
    for phone in range(phones):
        mine: list[Path] = []
        for card in range(cards):
            first, last = FIRST_NAMES[phone % 10], LAST_NAMES[card % 5]
            text = CardText(
                name=f"{first} {last}",
                email=f"{first.lower()}.{phone}{card}@example.org",
                phone=f"+49 911 {phone + 2}{card + 3}{phone}{card}{phone + 1}{card + 4}5",
            )
            path = directory / f"phone{phone}-card{card}.jpg"
            path.write_bytes(photo_of_card(text))
            mine.append(path)
        photos.append(mine)
    return photos


def photo_hashes(photos: list[list[Path]]) -> set[str]:
    return {hashlib.sha256(p.read_bytes()).hexdigest() for mine in photos for p in mine}


async def _wait_for_app(page: Any) -> None:
    await page.wait_for_selector("[data-testid='stApp']")
    await page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stStatusWidget']\")", timeout=300_000
    )


async def _phone(browser: Any, url: str, number: int, photos: list[Path], run: LoadRun) -> None:
    context = await browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, locale="en-GB"
    )
    page = await context.new_page()
    page.set_default_timeout(300_000)
    step = "open"
    try:
        await page.goto(f"{url}/capture")
        await _wait_for_app(page)
        for card, photo in enumerate(photos):
            step = f"card {card}: upload"
            start = time.perf_counter()
            await page.locator("input[type=file]").first.set_input_files(str(photo))
            later = page.get_by_role("button", name="Later")
            await later.wait_for()
            await _wait_for_app(page)  # the script has finished: no stale upload view left
            run.read_latencies_ms.append((time.perf_counter() - start) * 1000)
            step = f"card {card}: answer"
            # By role: a collapsed or stale form's widgets are hidden and have none.
            rating = page.get_by_role("radiogroup", name="Did it click?")
            await rating.get_by_text("Yes", exact=True).tap()
            await page.get_by_role("textbox", name="Personal note").fill(NOTE)
            step = f"card {card}: save"
            start = time.perf_counter()
            await page.get_by_role("button", name="Save contact").first.tap()
            await page.get_by_text(SAVED).first.wait_for()
            run.save_latencies_ms.append((time.perf_counter() - start) * 1000)
            run.saves += 1
            await later.wait_for(state="detached")  # a fresh file picker for the next card
            await _wait_for_app(page)
    except Exception as error:
        run.errors.append(f"phone {number}, {step}: {type(error).__name__}: {error}"[:500])
    finally:
        await context.close()


async def _drive(url: str, photos: list[list[Path]], run: LoadRun, time_limit_s: float) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        start = time.perf_counter()
        try:
            phones = [_phone(browser, url, n, mine, run) for n, mine in enumerate(photos)]
            await asyncio.wait_for(asyncio.gather(*phones), timeout=time_limit_s)
        except TimeoutError:
            run.errors.append(f"the run did not finish within {time_limit_s:.0f} s")
        finally:
            run.elapsed_s = time.perf_counter() - start
            await browser.close()


def run_phones(url: str, photos: list[list[Path]], *, time_limit_s: float = 300) -> LoadRun:
    """Every phone captures and saves its cards at once; stops at the time limit."""
    run = LoadRun(expected=sum(len(mine) for mine in photos))
    worker = threading.Thread(
        target=lambda: asyncio.run(_drive(url, photos, run, time_limit_s)), daemon=True
    )
    worker.start()
    worker.join(time_limit_s + 180)
    if worker.is_alive():
        run.errors.append("the browser did not close")
    return run


@contextmanager
def klick_server(data_dir: Path, database_url: str) -> Iterator[str]:
    """A real Klick on a free loopback port with tonight's event; stopped afterwards."""
    prepare_owner(database_url, "Load evening")
    # Source files are not watched (.streamlit/config.toml): a file changed mid-run would make
    # Streamlit drop modules that other sessions are importing.
    server, process = start_server(data_dir, {"KLICK_DATABASE_URL": database_url})
    try:
        yield server.url
    finally:
        stop_server(process)
