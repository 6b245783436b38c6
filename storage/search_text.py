"""Text folded for search, so that people find a contact however they spell it.

`fold("Jörg MÜLLER")`, `fold("Joerg Mueller")` and `fold("Jorg Muller")` are all "jorg muller";
"Weiß" and "Weiss" meet at "weiss", "São" and "Sao" at "sao". A contact's folded text is kept
in `contacts.search_text` and the query is folded the same way, so a plain `LIKE` finds it on
SQLite and PostgreSQL alike (both compare the folded text as it is).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Umlauts written out ("ae", "oe", "ue") meet the umlaut without its dots ("a", "o", "u"):
# "Mueller" and "Müller" both fold to "muller". A run of e's goes at once, so the result holds
# no vowel followed by "e" to fold again ("aee" is "a", not "ae" then "a").
_WRITTEN_UMLAUT = re.compile(r"([aou])e+")
# What separates the folded fields of a contact: a query never holds it (fold turns every
# line break into a space), so no query matches across two fields.
FIELD_SEPARATOR = "\n"


def fold(text: str) -> str:
    """Case, accents, umlauts and "ß" folded away, every run of whitespace one space.

    Unicode's compatibility caseless form (NFKD(casefold(NFKD(casefold(NFD(x)))))) folds
    case and compatibility characters ("ẞ" and "ß" become "ss", "ﬁ" becomes "fi"); then the
    combining marks go (accents, umlaut dots, cedillas), then written-out umlauts. Folding
    twice changes nothing.
    """
    folded = unicodedata.normalize("NFD", text).casefold()
    folded = unicodedata.normalize("NFKD", folded).casefold()
    folded = unicodedata.normalize("NFKD", folded)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = _WRITTEN_UMLAUT.sub(r"\1", folded)
    return " ".join(folded.split())


def search_text_of(fields: Iterable[str]) -> str:
    """A contact's searchable text: each non-empty field folded, one field a line."""
    return FIELD_SEPARATOR.join(f for f in (fold(field) for field in fields) if f)


def like_pattern(query: str, escape: str = "\\") -> str:
    """A `LIKE` pattern finding the folded query anywhere, `%` and `_` taken literally."""
    needle = fold(query)
    for special in (escape, "%", "_"):
        needle = needle.replace(special, escape + special)
    return f"%{needle}%"
