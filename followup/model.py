"""Plain values of the follow-up core: its enums and dataclasses; stored kinds come from storage."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from storage.kinds import AddressForm, Channel, Language, Rating

__all__ = [
    "AddressForm",
    "CalendarItem",
    "Channel",
    "Decision",
    "Draft",
    "DraftInput",
    "EarlierFollowUp",
    "Finding",
    "FindingKind",
    "Language",
    "Rating",
]


class Decision(StrEnum):
    """What triage does with a contact the next morning."""

    FOLLOW_UP = "follow_up"
    KEEP = "keep"
    DISCARD = "discard"


class FindingKind(StrEnum):
    """What a check before queuing found wrong with a follow-up text."""

    STOCK_PHRASE = "stock_phrase"
    SALES_PITCH = "sales_pitch"
    NO_PERSONAL_DETAIL = "no_personal_detail"
    NEAR_COPY = "near_copy"
    WRONG_ADDRESS = "wrong_address"  # du in a Sie letter or the other way round


@dataclass(frozen=True, kw_only=True)
class DraftInput:
    """Everything a draft is composed from; strings may be empty, never None."""

    contact_name: str
    contact_first_name: str | None = None
    company: str = ""
    event_name: str = ""
    event_date: date | None = None
    note: str = ""
    they_need: str = ""
    i_offer: str = ""
    my_name: str = ""
    language: Language = Language.EN
    address_form: AddressForm = AddressForm.SIE
    channel: Channel = Channel.EMAIL


@dataclass(frozen=True)
class Draft:
    """A starting point the user edits: subject (e-mail), body, and talking points (call)."""

    subject: str
    body: str
    talking_points: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    """One problem in a follow-up text: its kind, the phrase that triggered it, and the
    values the page needs to say it (the page words the sentence, not the core)."""

    kind: FindingKind
    phrase: str
    contact: str | None = None  # near copy: whom the earlier, alike text went to
    score: int | None = None  # near copy: how alike the two texts are, in percent
    form: AddressForm | None = None  # wrong address: the form chosen for this contact

    @property
    def key(self) -> str:
        """Stable identity, so a deliberate override survives re-checking the same text."""
        return f"{self.kind}|{self.phrase.casefold()}|{self.contact or ''}"


@dataclass(frozen=True)
class EarlierFollowUp:
    """A follow-up already written to someone else, for the near-copy check."""

    contact_name: str
    body: str


@dataclass(frozen=True)
class CalendarItem:
    """One due follow-up in the calendar export; naive datetimes are taken as UTC."""

    uid: str
    summary: str
    due: datetime
    description: str = ""
    duration: timedelta = timedelta(minutes=15)
    reminder_before: timedelta = timedelta(hours=1)
    categories: tuple[str, ...] = field(default=("Klick",))
