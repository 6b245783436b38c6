"""Bring the German catalogue in line with the code: `python scripts/catalogue.py [extra.po ...]`.

New messages are added untranslated (or with the translation found in an extra .po file),
messages the code no longer asks for are dropped, translations already made are kept.
`tests/test_translations.py` fails while any message is untranslated.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
CREATED = datetime(2026, 12, 1, tzinfo=UTC)
sys.path.insert(0, str(ROOT))

from capture.translation import DOMAIN, catalogue_path, source_messages  # noqa: E402


def known_translations(paths: list[Path]) -> dict[str, object]:
    """Translations from .po files and from JSON files ({"English": "Deutsch" or [forms]})."""
    known: dict[str, object] = {}
    for path in paths:
        if path.suffix == ".json":
            known.update(
                {
                    k: tuple(v) if isinstance(v, list) else v
                    for k, v in json.loads(path.read_text(encoding="utf-8")).items()
                    if v
                }
            )
        elif path.exists():
            with path.open("rb") as po:
                for message in read_po(po, locale="de"):
                    string = message.string
                    forms = string if isinstance(string, tuple) else (string,)
                    if message.id and all(forms) and not message.fuzzy:
                        singular = message.id if isinstance(message.id, str) else message.id[0]
                        known[singular] = message.string
    return known


def main(extra: list[str]) -> int:
    target = catalogue_path("de")
    known = known_translations([Path(p) for p in extra] + [target])
    catalog = Catalog(
        locale="de",
        domain=DOMAIN,
        header_comment="# German messages of Klick; scripts/catalogue.py keeps them in step.",
        project="Klick",
        msgid_bugs_address="Klick contributors",
        version="1",
        copyright_holder="Klick contributors",
        last_translator="Klick contributors",
        language_team="Klick contributors",
        creation_date=CREATED,  # fixed, so a rerun changes nothing but the messages
        revision_date=CREATED,
        fuzzy=False,
    )
    missing = 0
    for singular, plural in source_messages(ROOT).items():
        string = known.get(singular)
        if plural is not None:
            forms = string if isinstance(string, (tuple, list)) else ("", "")
            catalog.add((singular, plural), tuple(forms))
            missing += not all(forms)
        else:
            catalog.add(singular, string if isinstance(string, str) else "")
            missing += not isinstance(string, str)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as po:
        write_po(po, catalog, width=100, omit_header=False, sort_output=True, no_location=True)
    print(f"{target.relative_to(ROOT)}: {len(catalog)} messages, {missing} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
