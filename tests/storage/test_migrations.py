"""The schema comes from migrations only: one head, and the models match it."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from storage.db import Database, alembic_config
from storage.models import Base


def test_empty_database_upgrades_to_head_and_matches_the_models(database: Database) -> None:
    config = alembic_config(database.write_engine)
    command.check(config)  # raises when the models and the migrated schema differ
    tables = set(inspect(database.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_migrations_have_exactly_one_head(sqlite_database: Database) -> None:
    script = ScriptDirectory.from_config(alembic_config(sqlite_database.engine))
    assert len(script.get_heads()) == 1


def test_upgrade_is_idempotent(sqlite_database: Database) -> None:
    sqlite_database.upgrade()
    sqlite_database.upgrade()
    config = alembic_config(sqlite_database.write_engine)
    command.check(config)


def test_sqlite_is_tuned_for_concurrent_writers(sqlite_database: Database) -> None:
    with sqlite_database.engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA foreign_keys").scalar() == 1
        assert pragma("PRAGMA busy_timeout").scalar() >= 5000
        assert pragma("PRAGMA secure_delete").scalar() == 1
