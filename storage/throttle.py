"""Login attempts rate-limited per username and per client address."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

MAX_FAILURES = 5
WINDOW_S = 15 * 60


class LoginThrottle:
    """At most MAX_FAILURES failed logins per key in WINDOW_S seconds.

    One per server process (sticky sessions keep a browser on one process); the keys are
    the username and the client address, so guessing many names from one address is
    limited as much as guessing one name from many.
    """

    def __init__(
        self,
        max_failures: int = MAX_FAILURES,
        window_s: float = WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._max = max_failures
        self._window = window_s
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and now - failures[0] > self._window:
            failures.popleft()
        return failures

    def retry_after(self, *keys: str) -> float:
        """Seconds until another attempt is allowed for all keys; 0 when allowed now."""
        now = self._clock()
        with self._lock:
            waits = [
                self._window - (now - failures[0])
                for key in keys
                if len(failures := self._recent(key, now)) >= self._max
            ]
        return max(waits, default=0.0)

    def failed(self, *keys: str) -> None:
        now = self._clock()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def succeeded(self, username_key: str) -> None:
        with self._lock:
            self._failures.pop(username_key, None)
