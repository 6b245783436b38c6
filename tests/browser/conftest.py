"""A real Klick server on a free loopback port, and Debian's chromium at a phone viewport."""

from __future__ import annotations

import os
import socket
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


@dataclass(frozen=True)
class KlickServer:
    url: str
    data_dir: Path
    database_url: str


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not come up: {log.read_text()[-2000:]}")


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
        _wait_healthy(url, process, log)
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
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture
def klick_server(tmp_path: Path) -> Iterator[KlickServer]:
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


@pytest.fixture
def phone(chromium):  # type: ignore[no-untyped-def]
    """A fresh phone-sized, touch-enabled page."""
    context = chromium.new_context(  # type: ignore[attr-defined]
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="en-GB"
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        yield page
    finally:
        context.close()


def wait_for_app(page) -> None:  # type: ignore[no-untyped-def]
    """Streamlit is ready when its script has run and no spinner is left."""
    page.wait_for_selector("[data-testid='stApp']")
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stStatusWidget']\")", timeout=30_000
    )
