"""Engine, sessions and migrations: SQLite tuned for concurrent writers, or PostgreSQL."""

from __future__ import annotations

import logging
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 15_000

# A write the database asks us to repeat is repeated this often, waiting a random time up to
# RETRY_FIRST_DELAY_S, doubling to at most RETRY_MAX_DELAY_S (about 1.5 s in all), so a
# phone that met a busy moment never sees "database is locked" (issue 8).
WRITE_ATTEMPTS = 5
RETRY_FIRST_DELAY_S = 0.05
RETRY_MAX_DELAY_S = 1.0

# SQLite's own words for "another connection holds the lock, ask again later".
SQLITE_BUSY_MESSAGES = ("database is locked", "database is busy", "database table is locked")
# PostgreSQL: serialization failure, deadlock, lock not available, and the server
# shutting down or starting up. Class 08 (connection exceptions) is matched by prefix.
POSTGRES_RETRY_STATES = frozenset({"40001", "40P01", "55P03", "57P01", "57P02", "57P03"})
SQLITE_FULL = 13
POSTGRES_DISK_FULL = "53100"

T = TypeVar("T")


def _sqlstate(error: DBAPIError) -> str:
    return str(getattr(error.orig, "sqlstate", "") or "")


def connection_lost(error: DBAPIError) -> bool:
    """The connection broke or could not be made (PostgreSQL); SQLite has no connection."""
    if isinstance(error.orig, sqlite3.Error):
        return False
    state = _sqlstate(error)
    return bool(
        error.connection_invalidated
        or state.startswith("08")
        or state in {"57P01", "57P02", "57P03"}
        or (not state and type(error.orig).__name__ == "OperationalError")
    )


def is_transient(error: BaseException) -> bool:
    """Whether the database asked for the same work again: busy, serialization, connection."""
    if not isinstance(error, DBAPIError):
        return False
    if isinstance(error.orig, sqlite3.OperationalError):
        message = str(error.orig).lower()
        return any(busy in message for busy in SQLITE_BUSY_MESSAGES)
    return _sqlstate(error) in POSTGRES_RETRY_STATES or connection_lost(error)


def is_storage_full(error: BaseException) -> bool:
    """The disk (or the database's size limit) is full: repeating the write cannot help."""
    if not isinstance(error, DBAPIError):
        return False
    orig = error.orig
    if isinstance(orig, sqlite3.Error):
        return getattr(orig, "sqlite_errorcode", None) == SQLITE_FULL or (
            "database or disk is full" in str(orig).lower()
        )
    return _sqlstate(error) == POSTGRES_DISK_FULL


def _describe(error: DBAPIError) -> str:
    # The class and SQLSTATE only: the statement's parameters may hold personal data.
    return f"{type(error.orig).__name__} {_sqlstate(error)}".strip()


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _unicode_lower(value: str | bytes | int | float | None) -> str | bytes | int | float | None:
    return value.lower() if isinstance(value, str) else value


def _tune_sqlite(engine: Engine, *, immediate: bool) -> None:
    """WAL lets readers work beside a writer; IMMEDIATE makes a writer queue instead of fail."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (the pysqlite driver would defer it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        # A discarded contact's bytes are overwritten, not merely unlinked from the b-tree.
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.close()
        # SQLite's own lower() folds ASCII only, so "MÜLLER" would not find "Müller"; Python's
        # folds every letter, as PostgreSQL's lower() does in a UTF-8 database.
        dbapi_connection.create_function("lower", 1, _unicode_lower, deterministic=True)

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str, *, immediate: bool = False) -> Engine:
    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _tune_sqlite(engine, immediate=immediate)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (idempotent)."""
    command.upgrade(alembic_config(engine), "head")


class Database:
    """One database: a read engine and, on SQLite, a write engine that begins IMMEDIATE."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.write_engine = make_engine(url, immediate=True) if is_sqlite(url) else self.engine
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self.write_engine, expire_on_commit=False)
        self.retries = 0  # writes repeated by write_with_retry, for benchmarks and logs

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; rolled back at the end."""
        with self._read_sessions() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose work commits as one transaction, or not at all."""
        with self._write_sessions.begin() as session:
            yield session

    def write_with_retry(
        self,
        work: Callable[[Session], T],
        *,
        attempts: int = WRITE_ATTEMPTS,
        first_delay_s: float = RETRY_FIRST_DELAY_S,
    ) -> T:
        """`work(session)` in one write transaction, repeated while the database asks for it.

        Each attempt is a fresh transaction, so `work` must do all its writing through the
        session it is given. A busy SQLite, a serialization failure or a connection lost
        before the commit is retried with jittered exponential back-off; anything else, and
        the last failure, is raised. A connection lost *during* the commit is not retried:
        the server may have committed, and doing the work twice could duplicate it.
        """
        delay = first_delay_s
        for attempt in range(1, attempts + 1):
            committing = False
            try:
                with self._write_sessions() as session, session.begin():
                    result = work(session)
                    committing = True
                return result
            except DBAPIError as error:
                in_doubt = committing and connection_lost(error)
                if attempt == attempts or in_doubt or not is_transient(error):
                    raise
                self.retries += 1
                log.warning(
                    "write attempt %d of %d failed (%s); retrying",
                    attempt,
                    attempts,
                    _describe(error),
                )
                time.sleep(random.uniform(delay / 2, delay))
                delay = min(delay * 2, RETRY_MAX_DELAY_S)
        raise AssertionError("unreachable")  # pragma: no cover

    def upgrade(self) -> None:
        upgrade(self.write_engine)

    def dispose(self) -> None:
        self.engine.dispose()
        if self.write_engine is not self.engine:
            self.write_engine.dispose()


def open_database(url: str, *, migrate: bool = True) -> Database:
    """The database at this URL, migrated to the newest schema."""
    database = Database(url)
    if migrate:
        database.upgrade()
    log.info("database ready (%s)", database.engine.url.get_backend_name())
    return database
