"""What every page needs to know about the request: database, owner, language, settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from storage.db import Database
from storage.settings import Settings

CONTEXT_KEY = "klick.context"


@dataclass(frozen=True)
class AppContext:
    database: Database
    settings: Settings
    owner_id: int
    owner_name: str
    language: str
    timezone: str = "UTC"  # the browser's, so a due time reads as the user's clock

    def local(self, moment: datetime) -> datetime:
        """A stored (UTC) moment in the user's time zone, for showing it."""
        try:
            zone = ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            zone = ZoneInfo("UTC")
        aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return aware.astimezone(zone)
