"""Run writer processes against one database and check that every capture arrived.

Shared by the slow tests (which assert) and `tests.bench.load_bench` (which prints).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from storage import events, owners
from storage.db import Database
from storage.models import CardImage, Contact
from tests.conftest import REPO_ROOT


def prepare_owner(url: str, event_name: str = "Load test") -> tuple[int, int]:
    """The local owner and tonight's event in a migrated database: (owner id, event id)."""
    database = Database(url)
    try:
        database.upgrade()
        with database.write() as session:
            owner_id = owners.get_or_create_owner(session, owners.LOCAL_USERNAME).id
            event = events.create_event(session, owner_id, name=event_name, held_on=date.today())
        return owner_id, event.id
    finally:
        database.dispose()


@dataclass
class Writer:
    process: subprocess.Popen[bytes]
    output: Path
    ready: Path


@dataclass
class WriterRun:
    """What the writers reported: photos committed, latency per capture, retries, errors."""

    shas: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    retries: int = 0
    errors: list[str] = field(default_factory=list)
    elapsed_s: float = 0.0

    @property
    def saves_per_s(self) -> float:
        return len(self.shas) / self.elapsed_s if self.elapsed_s else 0.0


def start_writers(
    url: str, owner_id: int, event_id: int, workdir: Path, *, writers: int, captures: int
) -> list[Writer]:
    """Start writer processes and wait until each is connected; they wait for `go`."""
    started: list[Writer] = []
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for n in range(writers):
        output, ready = workdir / f"writer-{n}.out", workdir / f"writer-{n}.ready"
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.load.writer",
                url,
                str(owner_id),
                str(event_id),
                f"--writer={n}",
                f"--captures={captures}",
                f"--ready={ready}",
            ],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=output.open("wb"),
            stderr=subprocess.STDOUT,
        )
        started.append(Writer(process, output, ready))
    deadline = time.monotonic() + 600  # each imports SQLAlchemy and connects: slow under load
    while not all(w.ready.exists() for w in started):
        if time.monotonic() > deadline or any(w.process.poll() is not None for w in started):
            stop_writers(started)
            raise RuntimeError(f"writers did not start: {read_outputs(started)}")
        time.sleep(0.05)
    return started


def go(writers: list[Writer]) -> None:
    for writer in writers:
        assert writer.process.stdin is not None
        writer.process.stdin.write(b"go\n")
        writer.process.stdin.close()


def stop_writers(writers: list[Writer]) -> None:
    for writer in writers:
        if writer.process.poll() is None:
            writer.process.terminate()
    for writer in writers:
        try:
            writer.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            writer.process.kill()
            writer.process.wait()


def read_outputs(writers: list[Writer]) -> str:
    return "\n".join(w.output.read_text(errors="replace")[-2000:] for w in writers)


def collect(writers: list[Writer], elapsed_s: float) -> WriterRun:
    run = WriterRun(elapsed_s=elapsed_s)
    for writer in writers:
        for line in writer.output.read_text(errors="replace").splitlines():
            kind, _, rest = line.partition(" ")
            if kind == "saved":
                sha, ms = rest.split()
                run.shas.append(sha)
                run.latencies_ms.append(float(ms))
            elif kind == "done":
                run.retries += int(rest)
            elif line.strip():
                run.errors.append(line)
        if writer.process.returncode not in (0, None):
            run.errors.append(f"writer exited with {writer.process.returncode}")
    return run


def run_writers(
    url: str, *, writers: int = 8, captures: int = 300, timeout_s: float = 600
) -> WriterRun:
    """`writers` processes each saving `captures` captures at once, started together."""
    owner_id, event_id = prepare_owner(url)
    with tempfile.TemporaryDirectory(prefix="klick-writers-") as workdir:
        started = start_writers(
            url, owner_id, event_id, Path(workdir), writers=writers, captures=captures
        )
        begin = time.perf_counter()
        go(started)
        deadline = time.monotonic() + timeout_s
        try:
            for writer in started:
                writer.process.wait(timeout=max(1.0, deadline - time.monotonic()))
        finally:
            elapsed = time.perf_counter() - begin
            stop_writers(started)
        return collect(started, elapsed)


@dataclass(frozen=True)
class Stored:
    contacts: int
    answered: int
    cards: int
    shas: list[str]
    bad_photos: int  # photos whose bytes no longer hash to the sha256 stored with them
    half_captures: int  # unanswered contacts without their photo


def stored_captures(url: str) -> Stored:
    """Everything the database holds, hashed again from the photo bytes."""
    database = Database(url)
    try:
        with database.read() as session:
            contacts = session.scalar(select(func.count(Contact.id))) or 0
            answered = (
                session.scalar(
                    select(func.count(Contact.id)).where(Contact.answered_at.is_not(None))
                )
                or 0
            )
            half = (
                session.scalar(
                    select(func.count(Contact.id)).where(
                        Contact.answered_at.is_(None),
                        ~select(CardImage.id).where(CardImage.contact_id == Contact.id).exists(),
                    )
                )
                or 0
            )
            shas: list[str] = []
            bad = 0
            for photo, sha in session.execute(select(CardImage.photo, CardImage.sha256)):
                shas.append(sha)
                bad += hashlib.sha256(photo).hexdigest() != sha
        return Stored(contacts, answered, len(shas), shas, bad, half)
    finally:
        database.dispose()
