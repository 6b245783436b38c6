"""A stack of card photos read in the background: one worker per process, one card at a time.

The photos are stored before they are handed over (`intake.store_photo`). The worker reads
each through `pending.read_pending`, which owns its transactions, so the reading goes on when
the browser tab closes; one card at a time, because reading a card takes a whole core. A
capture not read when the server stops stays "pending" and is read when it is opened.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from capture import intake, pending
from capture.neural_ocr import NeuralEngine
from storage.db import Database
from storage.settings import Settings

log = logging.getLogger(__name__)

# How long the outcome of a finished stack is kept for the page that asked for it.
KEEP_FINISHED_S = 3600.0

ReadOne = Callable[[Database, int, int, Settings, NeuralEngine | None], intake.ReadOutcome | None]


@dataclass(frozen=True)
class StackFile:
    """A stored photo of the stack, with the file name it was chosen under."""

    capture_id: int
    name: str


@dataclass(frozen=True)
class Refusal:
    """A file of the stack that the decoder refused: `code` is its CaptureError code."""

    name: str
    code: str


@dataclass(frozen=True)
class StackProgress:
    total: int
    done: int
    refused: tuple[Refusal, ...]

    @property
    def finished(self) -> bool:
        return self.done >= self.total

    @property
    def reading(self) -> int:
        """The position (from 1) of the photo being read now."""
        return min(self.done + 1, self.total)


@dataclass
class _Stack:
    names: dict[int, str]
    done: int = 0
    refused: list[Refusal] = field(default_factory=list)
    finished_at: float | None = None


@dataclass(frozen=True)
class _Job:
    stack_id: str
    database: Database
    owner_id: int
    capture_id: int
    settings: Settings
    neural: NeuralEngine | None


class StackReader:
    """Reads the stacks handed to it one photo after another, on one daemon thread."""

    def __init__(self, read_one: ReadOne = pending.read_pending) -> None:
        self._read_one = read_one
        self._jobs: queue.Queue[_Job] = queue.Queue()
        self._lock = threading.Lock()
        self._stacks: dict[str, _Stack] = {}
        self._held: set[tuple[int, int]] = set()  # (owner, capture) queued or being read
        self._thread: threading.Thread | None = None

    def submit(
        self,
        database: Database,
        owner_id: int,
        files: Sequence[StackFile],
        settings: Settings,
        neural: NeuralEngine | None,
    ) -> str:
        """Queue the stored photos, in their order; the id asks for the stack's progress."""
        stack_id = uuid.uuid4().hex
        with self._lock:
            self._forget_old()
            stack = _Stack(names={f.capture_id: f.name for f in files})
            stack.finished_at = None if files else time.monotonic()
            self._stacks[stack_id] = stack
            self._held.update((owner_id, f.capture_id) for f in files)
        for file in files:
            self._jobs.put(_Job(stack_id, database, owner_id, file.capture_id, settings, neural))
        self._start_worker()
        return stack_id

    def progress(self, stack_id: str) -> StackProgress | None:
        """How far the stack is; None for a stack this process does not know (restarted)."""
        with self._lock:
            stack = self._stacks.get(stack_id)
            if stack is None:
                return None
            return StackProgress(len(stack.names), stack.done, tuple(stack.refused))

    def holds(self, owner_id: int, capture_id: int) -> bool:
        """Whether the capture waits in a stack or is being read now."""
        with self._lock:
            return (owner_id, capture_id) in self._held

    def wait_idle(self, timeout_s: float) -> bool:
        """Whether every queued photo was read within `timeout_s` (for tests and shutdown)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            with self._lock:
                if not self._held:
                    return True
            time.sleep(0.1)
        return False

    def _start_worker(self) -> None:
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self._thread = threading.Thread(
                target=self._work, name="klick-stack-reader", daemon=True
            )
            self._thread.start()

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                self._read(job)
            finally:
                self._jobs.task_done()

    def _read(self, job: _Job) -> None:
        refused: str | None = None
        try:
            outcome = self._read_one(
                job.database, job.owner_id, job.capture_id, job.settings, job.neural
            )
            if outcome is not None and outcome.discarded:
                refused = outcome.error_code
        except Exception as error:  # the capture stays pending: it is read when opened
            log.warning("a stacked card could not be read: %s", type(error).__name__)
        with self._lock:
            self._held.discard((job.owner_id, job.capture_id))
            stack = self._stacks.get(job.stack_id)
            if stack is None:
                return
            stack.done += 1
            if refused is not None:
                stack.refused.append(Refusal(stack.names.get(job.capture_id, ""), refused))
            if stack.done >= len(stack.names):
                stack.finished_at = time.monotonic()

    def _forget_old(self) -> None:
        """Drop stacks finished long ago (called with the lock held)."""
        now = time.monotonic()
        for stack_id, stack in list(self._stacks.items()):
            if stack.finished_at is not None and now - stack.finished_at > KEEP_FINISHED_S:
                del self._stacks[stack_id]
