"""The README's serve commands: a refused start without login, and HTTPS for the phone."""

from __future__ import annotations

import os
import ssl
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import PHONE, free_port, wait_for_app
from tests.conftest import REPO_ROOT

pytestmark = [pytest.mark.slow]
PASSWORD = "correct horse battery"


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KLICK_")}
    return {**env, "KLICK_DATA_DIR": str(data_dir), **extra}


def test_run_refuses_to_serve_the_network_without_a_login(tmp_path: Path) -> None:
    result = subprocess.run(
        ["bash", "scripts/run.sh"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
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
    add = subprocess.run(
        [sys.executable, "-m", "storage", "add-user", "jana", "--password-stdin"],
        cwd=REPO_ROOT,
        env=_env(tmp_path),
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert add.returncode == 0, add.stderr
    port = free_port()
    log = (tmp_path / "https.log").open("wb")
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
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(
                    f"{url}/_stcore/health", context=unverified, timeout=2
                ) as response:
                    assert response.status == 200
                    break
            except OSError:
                assert server.poll() is None, (tmp_path / "https.log").read_text()
                assert time.monotonic() < deadline, "HTTPS server did not come up"
                time.sleep(0.5)
        assert (tmp_path / "tls" / "klick-cert.pem").is_file()
        context = chromium.new_context(viewport=PHONE, ignore_https_errors=True)
        page = context.new_page()
        page.goto(url)
        wait_for_app(page)
        assert page.evaluate("window.isSecureContext") is True
        # An account exists, so a login is asked for.
        page.get_by_role("textbox", name="Password").wait_for()
        context.close()
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=20)
        log.close()
