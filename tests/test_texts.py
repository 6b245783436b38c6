"""Language choice, translations and inert user text."""

from __future__ import annotations

import re

import pytest

from storage.texts import Texts, choose_language, inert


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


def test_texts_fall_back_to_english_and_fill_values() -> None:
    texts = Texts({"hi": {"en": "Hi {name}", "de": "Hallo {name}"}, "only": {"en": "Only"}})
    assert texts("de", "hi", name="Jo") == "Hallo Jo"
    assert texts("de", "only") == "Only"
    assert texts.untranslated("de") == {"only"}
    with pytest.raises(ValueError, match="without English"):
        Texts({"x": {"de": "nur deutsch"}})


def test_inert_escapes_every_markdown_construct() -> None:
    payload = "[click](javascript:alert(1)) **bold** <img src=x onerror=alert(1)> # h\x00"
    escaped = inert(payload)
    special = re.escape("\\`*_{}[]()<>#+-.!|~:$=")
    # Every markup character is preceded by a backslash, so none of them means anything.
    assert re.fullmatch(rf"(?:\\[{special}]|[^{special}])*", escaped), escaped
    assert "\x00" not in escaped
    assert escaped.replace("\\", "") == payload.replace("\x00", "")
