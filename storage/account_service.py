"""An account's writes, each one transaction with its retry, for app.py and the account page."""

from __future__ import annotations

from storage import owners, privacy
from storage.db import Database
from storage.records import OwnerRecord


def owner_for(database: Database, username: str, *, display_name: str = "") -> OwnerRecord:
    """The owner with this username, created the first time it is seen (local user, OIDC)."""
    return database.write_with_retry(
        lambda session: owners.get_or_create_owner(session, username, display_name=display_name)
    )


def set_display_name(database: Database, owner_id: int, display_name: str) -> None:
    """The name follow-ups are signed with."""
    database.write_with_retry(
        lambda session: owners.set_display_name(session, owner_id, display_name)
    )


def delete_account(database: Database, owner_id: int) -> None:
    """The owner and every row they own, for good."""
    database.write_with_retry(lambda session: privacy.delete_owner(session, owner_id))
