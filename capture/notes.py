"""Is a personal note of substance? The capture page explains why it matters when it is not.

Pure core: it names the problem (`NoteProblem`), the page words it. Followup's drafts and text
checks share these word lists and import them from here (capture sits below followup).
"""

from __future__ import annotations

import re
from enum import StrEnum


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated block (easier to read and extend)."""
    return frozenset(words.split())


# Words that say how the evening felt, not who the person is; a note made only of these
# (and of fillers) could be written about anyone.
GENERIC_WORDS = word_set(
    """
    nice good great cool fun funny friendly interesting pleasant lovely awesome amazing smart
    guy gal man woman person lady chap bloke type talk chat conversation contact people
    gut nett toll super lustig interessant spannend sympathisch freundlich angenehm witzig
    typ kerl frau mann mensch person gespräch unterhaltung kontakt leute klick
    ok okay fine meh hm hmm
    """
)
# German adjective and plural endings, so "nettes", "spannende", "Gespräche" count too.
GERMAN_ENDINGS = ("e", "er", "es", "en", "em")
FILLER_WORDS = word_set(
    """
    a an the very really quite so and or with of to was is were he she they we it
    ein eine einer eines einen sehr echt ganz so und oder mit war ist er sie es wir
    wirklich total richtig recht
    """
)


class NoteProblem(StrEnum):
    """Why a note is not enough yet; the page explains it in the user's language."""

    EMPTY = "empty"
    ONE_WORD = "one_word"
    GENERIC = "generic"  # only words that could be said of anyone


def note_words(note: str) -> list[str]:
    """Lower-case words of a note, punctuation dropped (letters and digits in any script)."""
    return re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", note.casefold())


def is_generic_word(word: str) -> bool:
    """A word that describes the mood, not the person (German endings allowed)."""
    if word in GENERIC_WORDS:
        return True
    return any(
        word.endswith(ending) and word.removesuffix(ending) in GENERIC_WORDS
        for ending in GERMAN_ENDINGS
    )


def note_problem(note: str) -> NoteProblem | None:
    """Why the note is not enough yet (empty, one word, generic), or None when it is."""
    words = note_words(note)
    if not words:
        return NoteProblem.EMPTY
    if len(words) == 1:
        return NoteProblem.ONE_WORD
    content = [word for word in words if word not in FILLER_WORDS]
    if all(is_generic_word(word) for word in content):
        return NoteProblem.GENERIC
    return None
