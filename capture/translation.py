"""Words for people: one translator per session over the gettext catalogues in assets/locales.

Messages are written in English in the code (`_("Saved {name}.")`) and looked up in the
catalogue of the session's language; German lives in `assets/locales/de/LC_MESSAGES/klick.po`.
The catalogue is read with Babel once per process and language and never installed into
builtins: every session holds its own `Translator`, so two people in two languages never
see each other's words. Dates and times are formatted by Babel in the user's time zone.
"""

from __future__ import annotations

import functools
import gettext
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import format_skeleton, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LANGUAGES = ("en", "de")
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch"}
LOCALES = Path(__file__).resolve().parent.parent / "assets" / "locales"
DOMAIN = "klick"
# Functions whose string arguments are messages (Babel's keyword syntax: argument positions).
KEYWORDS = {"_": None, "N_": None, "plural": (1, 2)}

# Every character Markdown (and Streamlit's flavour of it) gives a meaning to.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=])")
# What GitHub-flavoured Markdown links by itself even when escaped: "http://", "www.".
_AUTOLINK = re.compile(r"(?i)(?:\b[a-z][a-z0-9+.-]*:/|\bwww\.)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined; it is translated where shown."""
    return message


def choose_language(setting: str | None, browser_locale: str | None) -> str:
    """The user's setting, else the browser's language where we have it, else English."""
    for candidate in (setting, browser_locale):
        if candidate:
            code = candidate.replace("_", "-").split("-")[0].lower()
            if code in LANGUAGES:
                return code
    return "en"


def inert(text: str) -> str:
    """User or card text to show inside Markdown: every markup character is escaped, and
    a web address is broken with an invisible joiner so it is not turned into a link."""
    text = _AUTOLINK.sub(lambda m: m.group(0)[:-1] + "\u2060" + m.group(0)[-1], text)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _CONTROL.sub("", text))


def catalogue_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def catalogue(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of one language, read from its .po file once per process.

    English is the language of the code, so it needs no catalogue of its own; its plural
    rule (one, other) is gettext's default.
    """
    path = catalogue_path(language)
    if language == "en" or not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as po:
        messages = read_po(po, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, messages)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def user_zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


@dataclass(frozen=True)
class Translator:
    """One session's words: its language's catalogue, its locale and its time zone."""

    language: str
    timezone: str = "UTC"
    _messages: gettext.NullTranslations = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_messages", catalogue(self.language))

    def __call__(self, message: str, /, **values: object) -> str:
        """The message in this language, its `{placeholders}` filled from `values`."""
        text = self._messages.gettext(message)
        return text.format(**values) if values else text

    def plural(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        """The form for `count` by the language's plural rule; `{count}` is filled in."""
        return self._messages.ngettext(singular, plural, count).format(count=count, **values)

    def local(self, moment: datetime) -> datetime:
        """A stored moment (UTC when naive) in the user's time zone."""
        aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return aware.astimezone(user_zone(self.timezone))

    def moment(self, moment: datetime, *, year: bool = True) -> str:
        """Date and time on the user's clock: "1 Dec 2026, 15:51" / "1. Dez. 2026, 15:51"."""
        local = self.local(moment)
        pattern = str(self.locale.datetime_formats["medium"])  # how the locale joins the two
        on = format_skeleton("yMMMd" if year else "MMMd", local, locale=self.locale)
        at = format_time(local, "short", locale=self.locale)
        return pattern.replace("{1}", on).replace("{0}", at)

    def day(self, on: date | datetime, *, year: bool = True) -> str:
        """A calendar day: "Dec 1, 2026" / "1. Dez. 2026"; a moment counts on the user's clock."""
        if isinstance(on, datetime):
            on = self.local(on).date()
        skeleton = "yMMMEd" if year else "MMMEd"
        return format_skeleton(skeleton, on, locale=self.locale)

    @property
    def date_input_format(self) -> str:
        """The closest of the formats Streamlit's date picker offers to the language's own."""
        return "DD.MM.YYYY" if self.language == "de" else "YYYY-MM-DD"  # unambiguous in English

    @property
    def locale(self) -> Locale:
        return Locale.parse(self.language)


def source_messages(root: Path) -> dict[str, str | None]:
    """Every message the code under `root` asks for: msgid -> its plural msgid (or None)."""
    from babel.messages.extract import extract

    found: dict[str, str | None] = {}
    parts = ("capture", "followup", "storage")
    files = [root / "app.py", *sorted(p for part in parts for p in (root / part).rglob("*.py"))]
    for path in files:
        with path.open("rb") as source:
            for _line, message, _comments, _context in extract("python", source, KEYWORDS):
                singular, plural = (message, None) if isinstance(message, str) else message[:2]
                found[singular] = plural
    return found
