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
    """pytest on a probe in tmp_path, with the suite's conftest loaded as a plugin: nothing
    is written into the work tree."""
    probe = tmp_path / "test_probe.py"
    probe.write_text(SKIPPING)
    (tmp_path / "pytest.ini").write_text("[pytest]\nmarkers =\n    tesseract: probe\n")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH")) if p)
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "tests.conftest",
            str(probe),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.mark.parametrize(("ci", "summary"), [(True, "1 failed, 1 skipped"), (False, "2 skipped")])
def test_ci_turns_skips_of_real_parts_into_failures(tmp_path: Path, ci: bool, summary: str) -> None:
    result = _run(tmp_path, ci)
    assert summary in result.stdout, result.stdout
