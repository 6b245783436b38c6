"""Klick makes no network connection of its own: neither the server nor the page it serves."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import (
    PHONE,
    READ_TIMEOUT_MS,
    new_context,
    start_server,
    stop_server,
    wait_for_app,
)
from tests.cardmaker import photo_of_card

pytestmark = [pytest.mark.browser, pytest.mark.tesseract, pytest.mark.slow]

NETWATCH = Path(__file__).resolve().parent / "netwatch"
PAGES = ["event", "capture", "triage", "follow-ups", "contacts", "account"]


def test_using_every_page_causes_no_outbound_traffic(tmp_path: Path, chromium) -> None:  # type: ignore[no-untyped-def]
    # A server of its own: started with the socket watch on its path.
    log = tmp_path / "netwatch.log"
    pythonpath = os.pathsep.join(p for p in (str(NETWATCH), os.environ.get("PYTHONPATH")) if p)
    server, process = start_server(
        tmp_path, {"PYTHONPATH": pythonpath, "KLICK_NETWATCH_LOG": str(log)}
    )
    outside: list[str] = []
    context = new_context(chromium, viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((server.url, "data:", "blob:"))
            else outside.append(request.url)
        ),
    )
    try:
        page.goto(server.url)
        wait_for_app(page)
        page.get_by_label("Name").fill("Netzwerkabend")
        page.get_by_role("button", name="Create event").tap()
        page.get_by_text("Capturing for").wait_for()
        page.goto(f"{server.url}/capture")
        wait_for_app(page)
        photo = tmp_path / "card.jpg"
        photo.write_bytes(photo_of_card())
        page.locator("input[type=file]").first.set_input_files(str(photo))
        page.get_by_role("button", name="Later").wait_for(timeout=READ_TIMEOUT_MS)
        for path in PAGES:
            page.goto(f"{server.url}/{path}")
            wait_for_app(page)
    finally:
        context.close()
        stop_server(process)
    assert outside == [], "the page fetched from outside"
    assert not log.exists() or log.read_text() == "", log.read_text()


def test_the_watch_would_see_an_outbound_attempt(tmp_path: Path) -> None:
    """The check above can fail. The audit events are raised by hand, so nothing is sent."""
    import sys

    log = tmp_path / "netwatch.log"
    script = (
        "import sys\n"
        "sys.audit('socket.connect', None, ('127.0.0.1', 8501))\n"
        "sys.audit('socket.connect', None, ('203.0.113.9', 443))\n"
        "sys.audit('socket.getaddrinfo', 'updates.example', 443, 0, 0, 0)\n"
    )
    subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "PYTHONPATH": str(NETWATCH), "KLICK_NETWATCH_LOG": str(log)},
        check=True,
        timeout=600,
    )
    assert log.read_text().splitlines() == [
        "socket.connect 203.0.113.9",
        "socket.getaddrinfo updates.example",
    ]
