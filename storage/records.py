"""Plain dataclasses the repositories return: no ORM object outlives its session."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from storage.kinds import ContactStatus, Rating, ScanStatus


@dataclass(frozen=True)
class OwnerRecord:
    id: int
    username: str
    display_name: str


@dataclass(frozen=True)
class EventRecord:
    id: int
    name: str
    held_on: date
    place: str


@dataclass(frozen=True)
class ContactDetails:
    """What a card (or the user) says about a person."""

    name: str = ""
    title: str = ""
    company: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    websites: tuple[str, ...] = ()
    address: str = ""


@dataclass(frozen=True)
class ContactAnswers:
    """The user's own answers; rating and note are required before a contact is saved."""

    rating: Rating
    note: str
    they_need: str = ""
    i_offer: str = ""
    is_pitch: bool = False


@dataclass(frozen=True)
class ContactRecord:
    id: int
    event_id: int | None
    details: ContactDetails
    rating: Rating | None
    note: str
    they_need: str
    i_offer: str
    is_pitch: bool
    status: ContactStatus
    language: str
    address_form: str
    created_at: datetime
    answered_at: datetime | None
    scan_status: ScanStatus = ScanStatus.NO_PHOTO

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

    @property
    def holds_a_contact(self) -> bool:
        """Something read or typed says who this is: a name, company, e-mail or phone."""
        details = self.details
        return bool(details.name or details.company or details.emails or details.phones)

    @property
    def display_name(self) -> str:
        details = self.details
        first_email = details.emails[0] if details.emails else ""
        return details.name or details.company or first_email or f"#{self.id}"


@dataclass(frozen=True)
class CardRecord:
    contact_id: int
    photo: bytes
    photo_type: str
    card_jpeg: bytes | None
    scan_status: ScanStatus
    scan_error: str
    raw_text: str
    field_confidence: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class ScanOutcome:
    """What reading the card produced, as storage keeps it."""

    details: ContactDetails
    card_jpeg: bytes
    raw_text: str
    word_confidences: list[tuple[str, float]]
    field_confidence: dict[str, float]


@dataclass(frozen=True)
class NoThanksHit:
    discarded_at: datetime
    event_name: str
    event_date: date | None
