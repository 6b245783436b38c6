"""One translation mechanism: gettext catalogues read with Babel, one translator per session."""

from __future__ import annotations

import ast
import re
import string
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from capture.translation import (
    Translator,
    catalogue_path,
    choose_language,
    inert,
    source_messages,
)

ROOT = Path(__file__).resolve().parent.parent


def german() -> dict[str, str | tuple[str, ...]]:
    with catalogue_path("de").open("rb") as po:
        catalog = read_po(po, locale="de")
    return {
        (m.id if isinstance(m.id, str) else m.id[0]): m.string
        for m in catalog
        if m.id and not m.fuzzy
    }


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_message_of_the_code_is_in_german_and_nothing_else_is() -> None:
    asked = source_messages(ROOT)
    translated = german()
    assert len(asked) > 200  # the extraction found the pages' messages at all
    untranslated = sorted(
        msgid
        for msgid in asked
        if not translated.get(msgid)
        or (isinstance(translated[msgid], tuple) and not all(translated[msgid]))
    )
    assert untranslated == [], "run scripts/catalogue.py and translate these"
    assert sorted(set(translated) - set(asked)) == [], "messages the code no longer asks for"


def test_every_translation_keeps_the_placeholders_of_its_message() -> None:
    asked = source_messages(ROOT)
    for msgid, german_text in german().items():
        forms = german_text if isinstance(german_text, tuple) else (german_text,)
        expected = placeholders(msgid) | placeholders(asked.get(msgid) or "")
        for form in forms:
            assert placeholders(form) == expected, (msgid, form)


# One German wording for each concept (Sie-form throughout).
GLOSSARY = [
    (r"\bclick", r"Klick", r"gepasst"),
    (r"\bfollow-ups?\b", r"Nachfass|Nachricht", r"Follow-up"),
    (r"\btriage\b", r"Sicht", r"Triage"),
    (r"\bevents?\b", r"Veranstaltung", r"Event\b"),
    (r"\bdiscard", r"[Vv]erw[oe]rf|[Vv]erwerfen", r"[Ww]egwerfen"),
]


@pytest.mark.parametrize(("english", "required", "forbidden"), GLOSSARY)
def test_one_german_wording_per_concept(english: str, required: str, forbidden: str) -> None:
    for msgid, german_text in german().items():
        forms = german_text if isinstance(german_text, tuple) else (german_text,)
        for form in map(without_placeholders, forms):
            assert not re.search(forbidden, form), (msgid, form)
            if re.search(english, without_placeholders(msgid), re.IGNORECASE):
                assert re.search(required, form), (msgid, form)


def without_placeholders(text: str) -> str:
    return re.sub(r"\{[^{}]*\}", "", text)


def test_no_informal_du_in_the_interface() -> None:
    for msgid, german_text in german().items():
        forms = german_text if isinstance(german_text, tuple) else (german_text,)
        for form in forms:
            assert not re.search(r"\b(du|dich|dir|dein\w*)\b", form), (msgid, form)


def test_the_failed_save_has_one_wording() -> None:
    saves = [m for m in source_messages(ROOT) if re.search(r"not be saved|[Ss]aving failed", m)]
    assert saves == ["That could not be saved just now; nothing is lost. Try again."]


def test_two_sessions_keep_their_own_language_side_by_side() -> None:
    de, en = Translator("de"), Translator("en")
    assert de("Contacts") == "Kontakte" and en("Contacts") == "Contacts"
    assert de("Contacts") == "Kontakte"  # asking English in between changed nothing


def test_plurals_follow_each_language() -> None:
    asked = source_messages(ROOT)
    singular, plural = next((s, p) for s, p in asked.items() if p and "{count}" in s)
    de, en = Translator("de"), Translator("en")
    assert en.plural(singular, plural, 1, **_values(singular)) != en.plural(
        singular, plural, 2, **_values(singular)
    )
    assert de.plural(singular, plural, 1, **_values(singular)) != de.plural(
        singular, plural, 2, **_values(singular)
    )
    assert "2" in de.plural(singular, plural, 2, **_values(singular))


def _values(message: str) -> dict[str, str]:
    return {name: "x" for name in placeholders(message) if name != "count"}


def test_dates_and_times_are_the_users_clock_in_the_users_language() -> None:
    stored = datetime(2026, 12, 1, 14, 51, tzinfo=UTC)
    assert Translator("de", "Europe/Berlin").moment(stored) == "1. Dez. 2026, 15:51"
    assert Translator("en", "America/New_York").moment(stored) == "Dec 1, 2026, 9:51\u202fAM"
    # Naive moments from SQLite are UTC; an unknown zone falls back to UTC, never server time.
    assert (
        Translator("de", "Nowhere/Atlantis").moment(stored.replace(tzinfo=None)).endswith("14:51")
    )
    assert Translator("de").day(date(2026, 12, 24), year=False) == "Do., 24. Dez."
    # Just before midnight in Berlin it is already the next day there.
    late = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    assert Translator("de", "Europe/Berlin").day(late) == "Fr., 1. Jan. 2027"


def test_nothing_installs_a_process_wide_translation() -> None:
    for path in [ROOT / "app.py", *sorted(ROOT.glob("[cfs]*/**/*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = {
            node.func.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        }
        assert "install" not in calls or "gettext" not in path.read_text(), path


@pytest.mark.parametrize(
    ("setting", "locale", "expected"),
    [
        ("de", "en-US", "de"),
        ("", "de-AT", "de"),
        (None, "fr-FR", "en"),
        ("", None, "en"),
        ("xx", "de_DE", "de"),
    ],
)
def test_setting_then_browser_then_english(setting, locale, expected) -> None:  # type: ignore[no-untyped-def]
    assert choose_language(setting, locale) == expected


def test_inert_escapes_every_markdown_construct() -> None:
    payload = "[click](javascript:alert(1)) **bold** <img src=x onerror=alert(1)> # h\x00"
    escaped = inert(payload)
    special = re.escape("\\`*_{}[]()<>#+-.!|~:$=")
    # Every markup character is preceded by a backslash, so none of them means anything.
    assert re.fullmatch(rf"(?:\\[{special}]|[^{special}])*", escaped), escaped
    assert "\x00" not in escaped
    assert escaped.replace("\\", "") == payload.replace("\x00", "")


def test_inert_text_holds_no_web_address_markdown_would_link() -> None:
    for text in ("![x](http://127.0.0.1:9/n.png)", "see https://evil.example", "www.evil.example"):
        shown = inert(text).replace("\\", "")
        assert "://" not in shown and "www." not in shown
        assert shown.replace("\u2060", "") == text  # nothing the reader sees is changed
