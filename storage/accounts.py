"""Klick's own accounts: argon2id password hashes, checked in constant time."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Owner
from storage.owners import create_owner, find_owner
from storage.records import OwnerRecord

MIN_PASSWORD = 10
USERNAME = re.compile(r"[a-z0-9][a-z0-9._@-]{2,79}")

_hasher = PasswordHasher()  # argon2id with the library's current recommended cost
# Verifying against this when the user does not exist costs the same as a real check, so
# the response time does not tell which usernames exist.
_DUMMY_HASH = _hasher.hash("klick-no-such-user")


class AccountError(ValueError):
    """An account that cannot be created as given; the message is for the operator."""


def normalise_username(username: str) -> str:
    return username.strip().lower()


def add_user(
    session: Session, username: str, password: str, *, display_name: str = ""
) -> OwnerRecord:
    name = normalise_username(username)
    if not USERNAME.fullmatch(name):
        raise AccountError(
            "A username has 3 to 80 characters: letters, digits, '.', '_', '@' or '-'."
        )
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"A password has at least {MIN_PASSWORD} characters.")
    if find_owner(session, name) is not None:
        raise AccountError(f"There is already an account named {name}.")
    return create_owner(
        session, name, display_name=display_name.strip(), password_hash=_hasher.hash(password)
    )


def authenticate(session: Session, username: str, password: str) -> OwnerRecord | None:
    """The owner when the password is right, else None; as slow for unknown names."""
    owner = session.scalar(select(Owner).where(Owner.username == normalise_username(username)))
    stored = owner.password_hash if owner is not None and owner.password_hash else _DUMMY_HASH
    try:
        _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if owner is None or not owner.password_hash:
        return None
    return OwnerRecord(id=owner.id, username=owner.username, display_name=owner.display_name)


def has_accounts(session: Session) -> bool:
    """Whether any owner can log in with a password."""
    count = session.scalar(select(func.count(Owner.id)).where(Owner.password_hash.is_not(None)))
    return bool(count)
