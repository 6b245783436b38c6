"""The README's serve commands: a refused start without login, and HTTPS for the phone."""

from __future__ import annotations

import contextlib
import os
import signal
import ssl
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import PHONE, free_port, new_context, wait_for_app, wait_healthy
from tests.conftest import REPO_ROOT
from tests.support import call_cli

pytestmark = [pytest.mark.slow]
PASSWORD = "correct horse battery"
# The scripts run scripts/setup.sh first, which on a fresh clone installs the packages once
# more (its stamp for a plain install differs from the test install's): minutes, not seconds.
SCRIPT_TIMEOUT_S = 900


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KLICK_")}
    return {**env, "KLICK_DATA_DIR": str(data_dir), **extra}


def test_run_refuses_to_serve_the_network_without_a_login(tmp_path: Path) -> None:
    result = subprocess.run(
        ["bash", "scripts/run.sh"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=SCRIPT_TIMEOUT_S,
        env=_env(tmp_path, KLICK_ADDRESS="0.0.0.0", KLICK_PORT=str(free_port())),
        check=False,
    )
    assert result.returncode == 1
    assert "no login is configured" in result.stderr


@pytest.mark.browser
def test_https_serves_a_secure_page_for_the_in_page_camera(
    tmp_path: Path,
    chromium,  # type: ignore[no-untyped-def]
) -> None:
    add = call_cli(
        "storage", "add-user", "jana", "--password-stdin", data_dir=tmp_path, stdin=PASSWORD
    )
    assert add.returncode == 0, add.stderr
    port = free_port()
    log_path = tmp_path / "https.log"
    log = log_path.open("wb")
    server = subprocess.Popen(
        ["bash", "scripts/https.sh"],
        cwd=REPO_ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=_env(tmp_path, KLICK_ADDRESS="127.0.0.1", KLICK_PORT=str(port)),
        start_new_session=True,
    )
    url = f"https://127.0.0.1:{port}"
    try:
        unverified = ssl.create_default_context()
        unverified.check_hostname = False
        unverified.verify_mode = ssl.CERT_NONE
        # Set-up, a certificate, migrations, then Streamlit: up to SERVER_READY_S.
        wait_healthy(url, server, log_path, context=unverified)
        assert (tmp_path / "tls" / "klick-cert.pem").is_file()
        context = new_context(chromium, viewport=PHONE, ignore_https_errors=True)
        page = context.new_page()
        page.goto(url)
        wait_for_app(page)
        assert page.evaluate("window.isSecureContext") is True
        # An account exists, so a login is asked for.
        page.get_by_role("textbox", name="Password").wait_for()
        context.close()
    finally:
        with contextlib.suppress(ProcessLookupError):  # gone already: its error is raised
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()
