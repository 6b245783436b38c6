"""What every page needs to know about the request: database, owner, settings and its words."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from capture.translation import Translator
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
    translate: Translator = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "translate", Translator(self.language, self.timezone))

    def local(self, moment: datetime) -> datetime:
        """A stored (UTC) moment in the user's time zone, for showing it."""
        return self.translate.local(moment)
