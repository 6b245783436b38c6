"""Settings read from the environment, with defaults that need nothing installed."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "klick"


@dataclass(frozen=True)
class Settings:
    """Everything Klick can be configured with; see README "Configuration"."""

    database_url: str
    data_dir: Path
    region: str = "DE"
    ocr_engine: str = "rapidocr"
    ocr_languages: str = "deu+eng"
    ocr_timeout_s: float = 20.0
    follow_up_hours: int = 48
    language: str = ""
    holiday_country: str = "DE"
    session_hours: float = 12.0


def default_data_dir(env: Mapping[str, str]) -> Path:
    configured = env.get("KLICK_DATA_DIR")
    return Path(configured) if configured else Path(user_data_dir(APP_NAME, appauthor=False))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read KLICK_* variables; an unset database URL means SQLite in the user's data dir."""
    env = os.environ if env is None else env
    data_dir = default_data_dir(env)
    url = env.get("KLICK_DATABASE_URL") or sqlite_url(data_dir / "klick.db")
    return Settings(
        database_url=url,
        data_dir=data_dir,
        region=(env.get("KLICK_REGION") or "DE").upper(),
        ocr_engine=(env.get("KLICK_OCR_ENGINE") or "rapidocr").strip().lower(),
        ocr_languages=env.get("KLICK_OCR_LANGUAGES") or "deu+eng",
        ocr_timeout_s=float(env.get("KLICK_OCR_TIMEOUT_S") or 20.0),
        follow_up_hours=int(env.get("KLICK_FOLLOW_UP_HOURS") or 48),
        language=(env.get("KLICK_LANGUAGE") or "").lower(),
        holiday_country=(env.get("KLICK_HOLIDAY_COUNTRY") or "DE").upper(),
        session_hours=float(env.get("KLICK_SESSION_HOURS") or 12.0),
    )
