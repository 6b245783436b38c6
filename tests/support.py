"""Helpers shared by tests and benchmarks: fresh PostgreSQL databases, CLIs, percentiles."""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from storage.db import Database

REPO_ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def fresh_postgres(base_url: str, *, prefix: str = "klick_test") -> Iterator[str]:
    """A new, migrated PostgreSQL database of its own, dropped afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(base_url).set(database=name).render_as_string(hide_password=False)
    try:
        database = Database(url)
        database.upgrade()
        database.dispose()
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run_cli(
    module: str, *args: str, data_dir: Path, stdin: str = "", timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """`python -m MODULE ARGS` as a user runs it: a clean environment, data in data_dir."""
    env = {"PATH": "/usr/bin:/bin", "KLICK_DATA_DIR": str(data_dir), "HOME": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=REPO_ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def call_cli(
    module: str, *args: str, data_dir: Path, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """`MODULE.__main__.main(ARGS)` in this process, with what `run_cli` gives a subprocess.

    The same clean KLICK_* environment (data in data_dir), the repository as the working
    directory, stdin from `stdin`; stdout, stderr and the exit code come back as from
    `run_cli`, argparse's exits included. Each CLI keeps one `run_cli` smoke test.
    """
    main = importlib.import_module(f"{module}.__main__").main
    saved_env, saved_cwd, saved_stdin = dict(os.environ), Path.cwd(), sys.stdin
    for name in [name for name in os.environ if name.startswith("KLICK_")]:
        del os.environ[name]
    os.environ.update({"KLICK_DATA_DIR": str(data_dir), "HOME": str(data_dir)})
    # A text stream over bytes, as a real stdout is: `sys.stdout.buffer` works too.
    out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
    try:
        os.chdir(REPO_ROOT)
        sys.stdin = io.StringIO(stdin)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exited:
                code = 0 if exited.code is None else exited.code
                code = code if isinstance(code, int) else 1
    finally:
        sys.stdin = saved_stdin
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    out.flush()
    assert isinstance(out.buffer, io.BytesIO)
    stdout = out.buffer.getvalue().decode("utf-8")
    return subprocess.CompletedProcess(
        [sys.executable, "-m", module, *args], code, stdout, err.getvalue()
    )


def percentile(values: list[float], q: float) -> float:
    """The q-quantile by nearest rank (q=0.5 median, 0.95 p95); 0 for no values."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def p95(values: list[float]) -> float:
    return percentile(values, 0.95)
