"""The statuses and ratings Klick stores, as plain enums shared with the pure core."""

from __future__ import annotations

from enum import StrEnum


class Rating(StrEnum):
    """The answer to "Did it click?"."""

    YES = "yes"
    NOT_SURE = "not_sure"
    NO = "no"


class ContactStatus(StrEnum):
    """Where a contact stands in triage."""

    CAPTURED = "captured"
    FOLLOW_UP = "follow_up"
    KEPT = "kept"


class Channel(StrEnum):
    CARD = "card"
    EMAIL = "email"
    CALL = "call"


class FollowUpStatus(StrEnum):
    QUEUED = "queued"
    DONE = "done"


class ScanStatus(StrEnum):
    """How far reading the card photo got; a failed read still keeps the photo."""

    PENDING = "pending"
    READ = "read"
    FAILED = "failed"
    NO_PHOTO = "no_photo"


class Language(StrEnum):
    EN = "en"
    DE = "de"


class AddressForm(StrEnum):
    """German form of address for a contact."""

    SIE = "sie"
    DU = "du"
