"""SQLAlchemy 2.0 models: every row belongs to an owner."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names keep Alembic's batch mode on SQLite and `alembic check` honest.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC: SQLite keeps no time zone, PostgreSQL would."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), date: Date()}  # noqa: RUF012


class Owner(Base):
    """A Klick account; the local single user is an owner too."""

    __tablename__ = "owners"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str | None] = mapped_column(String(255))
    # Per-owner salt for the no-thanks hashes: the same card hashes differently per account.
    salt: Mapped[bytes] = mapped_column(LargeBinary(32))
    language: Mapped[str] = mapped_column(String(5), default="")  # "" = the browser's
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date]
    place: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Contact(Base):
    """A person met at an event; a capture is a contact whose questions are still open."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(300), default="")
    title: Mapped[str] = mapped_column(String(300), default="")
    company: Mapped[str] = mapped_column(String(300), default="")
    emails: Mapped[list[str]] = mapped_column(JSON, default=list)
    phones: Mapped[list[str]] = mapped_column(JSON, default=list)
    websites: Mapped[list[str]] = mapped_column(JSON, default=list)
    address: Mapped[str] = mapped_column(Text, default="")
    rating: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    they_need: Mapped[str] = mapped_column(Text, default="")
    i_offer: Mapped[str] = mapped_column(Text, default="")
    is_pitch: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default="captured", index=True)
    language: Mapped[str] = mapped_column(String(5), default="en")
    address_form: Mapped[str] = mapped_column(String(5), default="sie")
    # Lower-cased e-mails and trailing phone digits, joined, so duplicates are found by query.
    match_keys: Mapped[str] = mapped_column(Text, default="")
    # Name, title, company, e-mails and note folded for search (storage/search_text.py).
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    answered_at: Mapped[datetime | None]

    card: Mapped[CardImage | None] = relationship(
        back_populates="contact", cascade="all, delete-orphan", passive_deletes=True
    )


class CardImage(Base):
    """The photo as taken, the straightened card and what OCR read from it."""

    __tablename__ = "card_images"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), unique=True
    )
    photo: Mapped[bytes] = mapped_column(LargeBinary)
    photo_type: Mapped[str] = mapped_column(String(50), default="")
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    card_jpeg: Mapped[bytes | None] = mapped_column(LargeBinary)
    scan_status: Mapped[str] = mapped_column(String(20), default="pending")
    scan_error: Mapped[str] = mapped_column(Text, default="")
    raw_text: Mapped[str] = mapped_column(Text, default="")
    word_confidences: Mapped[list[Any]] = mapped_column(JSON, default=list)
    field_confidence: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    contact: Mapped[Contact] = relationship(back_populates="card")


class Meeting(Base):
    """A later meeting with a known contact ("add this meeting to …"), with its own answers."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    rating: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    they_need: Mapped[str] = mapped_column(Text, default="")
    i_offer: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class FollowUp(Base):
    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(String(10), default="email")
    subject: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(5), default="en")
    due_at: Mapped[datetime] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(10), default="queued")
    done_on: Mapped[date | None]
    next_check_in: Mapped[date | None]
    # Finding keys (followup.model.Finding.key) the user deliberately kept, and whether the
    # checked text was marked ready to send; saving a changed text clears `ready`.
    overridden_findings: Mapped[list[str]] = mapped_column(JSON, default=list)
    ready: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class NoThanks(Base):
    """A salted hash of a pitch's e-mail or phone: recognised later, nothing readable kept."""

    __tablename__ = "no_thanks"
    __table_args__ = (UniqueConstraint("owner_id", "key_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"), index=True)
    key_hash: Mapped[str] = mapped_column(String(64))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    discarded_at: Mapped[datetime] = mapped_column(default=utcnow)


class DiscardTally(Base):
    """What is left of a discarded contact: no personal data, only the numbers."""

    __tablename__ = "discard_tallies"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True
    )
    rating: Mapped[str | None] = mapped_column(String(20))
    is_pitch: Mapped[bool] = mapped_column(Boolean, default=False)
    discarded_at: Mapped[datetime] = mapped_column(default=utcnow)


__all__ = [
    "Base",
    "CardImage",
    "Contact",
    "DiscardTally",
    "Event",
    "FollowUp",
    "Meeting",
    "NoThanks",
    "Owner",
    "utcnow",
]
