"""With CI set, a real-part test that would skip fails instead; without CI it skips."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

SKIPPING = """
import pytest

@pytest.mark.tesseract
def test_needs_tesseract():
    pytest.skip("no tesseract here")

def test_plain_skip():
    pytest.skip("fine to skip")
"""


def _run(tmp_path: Path, ci: bool) -> subprocess.CompletedProcess[str]:
    probe = REPO_ROOT / "tests" / f"test_zz_probe_{os.getpid()}.py"
    probe.write_text(SKIPPING)
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci:
        env["CI"] = "true"
    try:
        return subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(probe)],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        probe.unlink()


@pytest.mark.parametrize(("ci", "summary"), [(True, "1 failed, 1 skipped"), (False, "2 skipped")])
def test_ci_turns_skips_of_real_parts_into_failures(tmp_path: Path, ci: bool, summary: str) -> None:
    result = _run(tmp_path, ci)
    assert summary in result.stdout, result.stdout
