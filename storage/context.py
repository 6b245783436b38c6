"""What every page needs to know about the request: database, owner, language, settings."""

from __future__ import annotations

from dataclasses import dataclass

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
