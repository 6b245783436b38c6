"""Words for people: the language to use, translations, and user text made inert."""

from __future__ import annotations

import re
from collections.abc import Mapping

LANGUAGES = ("en", "de")
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch"}

# Every character Markdown (and Streamlit's flavour of it) gives a meaning to.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def choose_language(setting: str | None, browser_locale: str | None) -> str:
    """The user's setting, else the browser's language where we have it, else English."""
    for candidate in (setting, browser_locale):
        if candidate:
            code = candidate.replace("_", "-").split("-")[0].lower()
            if code in LANGUAGES:
                return code
    return "en"


def inert(text: str) -> str:
    """User or card text to show inside Markdown: every markup character is escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _CONTROL.sub("", text))


class Texts:
    """One feature's UI strings in every language; English is the fallback."""

    def __init__(self, table: Mapping[str, Mapping[str, str]]) -> None:
        missing = {key for key, entry in table.items() if "en" not in entry}
        if missing:
            raise ValueError(f"texts without English: {sorted(missing)}")
        self._table = table

    def __call__(self, language: str, key: str, **values: object) -> str:
        entry = self._table[key]
        template = entry.get(language) or entry["en"]
        return template.format(**values) if values else template

    def __contains__(self, key: object) -> bool:
        return key in self._table

    def untranslated(self, language: str) -> set[str]:
        return {key for key, entry in self._table.items() if language not in entry}
