"""An account's reads and writes for app.py, the account page and the CLI; each write one
transaction with its retry."""

from __future__ import annotations

from storage import accounts, owners, privacy
from storage.db import Database
from storage.records import OwnerRecord


def owner_for(database: Database, username: str, *, display_name: str = "") -> OwnerRecord:
    """The owner with this username, created the first time it is seen (local user, OIDC)."""
    return database.write_with_retry(
        lambda session: owners.get_or_create_owner(session, username, display_name=display_name)
    )


def add_user(database: Database, username: str, password: str, *, display_name: str) -> OwnerRecord:
    """A new account that logs in with a password (`python -m storage add-user`)."""
    return database.write_with_retry(
        lambda session: accounts.add_user(session, username, password, display_name=display_name)
    )


def set_display_name(database: Database, owner_id: int, display_name: str) -> None:
    """The name follow-ups are signed with."""
    database.write_with_retry(
        lambda session: owners.set_display_name(session, owner_id, display_name)
    )


def language_of(database: Database, owner_id: int) -> str:
    """The language this owner chose ("en", "de"), or "" to follow the browser."""
    with database.read() as session:
        return owners.owner_language(session, owner_id)


def set_language(database: Database, owner_id: int, language: str) -> None:
    """Remember the owner's language for every later session ("" = follow the browser)."""
    database.write_with_retry(lambda session: owners.set_language(session, owner_id, language))


def delete_account(database: Database, owner_id: int) -> None:
    """The owner and every row they own, for good."""
    database.write_with_retry(lambda session: privacy.delete_owner(session, owner_id))


def has_accounts(database: Database) -> bool:
    """Whether anyone logs in with a password here (it decides the login on a network)."""
    with database.read() as session:
        return accounts.has_accounts(session)


def authenticate(database: Database, username: str, password: str) -> OwnerRecord | None:
    with database.read() as session:
        return accounts.authenticate(session, username, password)


def known_owner(database: Database, owner_id: int) -> OwnerRecord | None:
    with database.read() as session:
        return owners.get_owner(session, owner_id)


def export_data(database: Database, owner_id: int) -> bytes:
    """A zip of everything this owner keeps in Klick (JSON and images)."""
    with database.read() as session:
        return privacy.export_owner_data(session, owner_id)
