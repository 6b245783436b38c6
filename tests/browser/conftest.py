"""A real Klick server on a free loopback port, and Debian's chromium at a phone viewport."""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Every wait below returns as soon as what it waits for is there; the ceilings are what a
# loaded 2-core CI machine may need (a server start there can take a minute, a read of a
# card half of one), never what the work should take.
SERVER_READY_S = 600  # from `streamlit run` (or scripts/*.sh with their set-up) to healthy
UI_TIMEOUT_MS = 180_000  # Playwright's default for every action and wait on a page
READ_TIMEOUT_MS = 300_000  # a card photo uploaded until its fields are shown


@dataclass(frozen=True)
class KlickServer:
    url: str
    data_dir: Path
    database_url: str


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(
    url: str,
    process: subprocess.Popen[bytes],
    log: Path,
    *,
    context: ssl.SSLContext | None = None,
) -> None:
    """Poll the server's health endpoint until it answers, for up to SERVER_READY_S."""
    deadline = time.monotonic() + SERVER_READY_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(
                f"{url}/_stcore/health", timeout=30, context=context
            ) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(
        f"the server was not healthy after {SERVER_READY_S} s: {log.read_text()[-2000:]}"
    )


def start_server(
    data_dir: Path, extra_env: dict[str, str] | None = None
) -> tuple[KlickServer, subprocess.Popen[bytes]]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    database_url = f"sqlite:///{data_dir / 'klick.db'}"
    env = {
        **os.environ,
        "KLICK_DATA_DIR": str(data_dir),
        "KLICK_DATABASE_URL": database_url,
        **(extra_env or {}),
    }
    log = data_dir / "streamlit.log"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=REPO_ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    try:
        wait_healthy(url, process, log)
    except Exception:
        process.kill()
        raise
    return KlickServer(url=url, data_dir=data_dir, database_url=database_url), process


SCREENSHOTS = REPO_ROOT / "assets" / "screenshots"


def save_screenshot(page, name: str, scratch: Path) -> Path:  # type: ignore[no-untyped-def]
    """Every run takes the screenshot; it replaces the README's copy only when asked to
    (KLICK_UPDATE_SCREENSHOTS=1), so running the tests leaves the work tree clean."""
    folder = SCREENSHOTS if os.environ.get("KLICK_UPDATE_SCREENSHOTS") == "1" else scratch
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    page.screenshot(path=str(target), full_page=False)
    assert target.stat().st_size > 10_000, "an empty screenshot"
    return target


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def module_klick_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KlickServer]:
    """One server (and database) for all tests of a module: a start costs seconds, on a
    loaded machine a minute. Its tests must not depend on each other's data: each makes its
    own event (a new browser session captures for, and triages, the newest event of today)
    and looks only at what belongs to it."""
    server, process = start_server(tmp_path_factory.mktemp("klick-server"))
    try:
        yield server
    finally:
        stop_server(process)


@pytest.fixture
def klick_server(tmp_path: Path) -> Iterator[KlickServer]:
    """A server with an empty database of its own, for a test that needs exactly that."""
    server, process = start_server(tmp_path)
    try:
        yield server
    finally:
        stop_server(process)


@pytest.fixture(scope="session")
def playwright() -> Iterator[object]:
    """One Playwright driver per test run (its sync API allows only one at a time)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (the README's test command installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


def launch_chromium(playwright, *extra_args: str):  # type: ignore[no-untyped-def]
    return playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *extra_args])


@pytest.fixture(scope="session")
def chromium(playwright) -> Iterator[object]:  # type: ignore[no-untyped-def]
    browser = launch_chromium(playwright)
    try:
        yield browser
    finally:
        browser.close()


def new_context(browser, **options):  # type: ignore[no-untyped-def]
    """A browser context whose pages wait up to UI_TIMEOUT_MS for anything."""
    context = browser.new_context(**options)
    context.set_default_timeout(UI_TIMEOUT_MS)
    context.set_default_navigation_timeout(UI_TIMEOUT_MS)
    return context


@pytest.fixture
def phone(chromium):  # type: ignore[no-untyped-def]
    """A fresh phone-sized, touch-enabled page."""
    context = new_context(
        chromium,
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="en-GB",
    )
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def wait_for_app(page) -> None:  # type: ignore[no-untyped-def]
    """Streamlit is ready when its script has run and no spinner is left."""
    page.wait_for_selector("[data-testid='stApp']", timeout=UI_TIMEOUT_MS)
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stStatusWidget']\")",
        timeout=UI_TIMEOUT_MS,
    )
