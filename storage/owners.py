"""Owners (accounts): the local user, and team members with a password."""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Owner
from storage.records import OwnerRecord

LOCAL_USERNAME = "local"


def _record(owner: Owner) -> OwnerRecord:
    return OwnerRecord(id=owner.id, username=owner.username, display_name=owner.display_name)


def create_owner(
    session: Session, username: str, *, display_name: str = "", password_hash: str | None = None
) -> OwnerRecord:
    owner = Owner(
        username=username,
        display_name=display_name,
        password_hash=password_hash,
        salt=secrets.token_bytes(32),
    )
    session.add(owner)
    session.flush()
    return _record(owner)


def find_owner(session: Session, username: str) -> OwnerRecord | None:
    owner = session.scalar(select(Owner).where(Owner.username == username))
    return None if owner is None else _record(owner)


def get_owner(session: Session, owner_id: int) -> OwnerRecord | None:
    owner = session.get(Owner, owner_id)
    return None if owner is None else _record(owner)


def get_or_create_owner(session: Session, username: str, *, display_name: str = "") -> OwnerRecord:
    return find_owner(session, username) or create_owner(
        session, username, display_name=display_name
    )


def owner_salt(session: Session, owner_id: int) -> bytes:
    salt = session.scalar(select(Owner.salt).where(Owner.id == owner_id))
    if salt is None:
        raise LookupError(f"no owner {owner_id}")
    return salt


def set_display_name(session: Session, owner_id: int, display_name: str) -> None:
    owner = session.get(Owner, owner_id)
    if owner is None:
        raise LookupError(f"no owner {owner_id}")
    owner.display_name = display_name.strip()


def owner_language(session: Session, owner_id: int) -> str:
    """The language the owner chose for Klick ("en", "de"), or "" to follow the browser."""
    language = session.scalar(select(Owner.language).where(Owner.id == owner_id))
    if language is None:
        raise LookupError(f"no owner {owner_id}")
    return language


def set_language(session: Session, owner_id: int, language: str) -> None:
    """Remember the owner's language: a two-letter code, or "" to follow the browser."""
    code = language.strip().lower()
    if code and not (len(code) == 2 and code.isascii() and code.isalpha()):
        raise ValueError(f"not a language code: {language!r}")
    owner = session.get(Owner, owner_id)
    if owner is None:
        raise LookupError(f"no owner {owner_id}")
    owner.language = code
