"""Is a personal note of substance? The capture page explains why it matters when it is not.

Pure core: followup's drafts and text checks share these word lists and import them from here
(capture sits below followup). A language is its plain code, "en" or "de".
"""

from __future__ import annotations

import re


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

EMPTY = {
    "en": "Write down one personal thing you will remember about this person: "
    "it is what your follow-up will be built on.",
    "de": "Notieren Sie eine persönliche Sache, an die Sie sich bei dieser Person "
    "erinnern werden: darauf baut Ihre Nachricht später auf.",
}
SINGLE_WORD = {
    "en": "One word will not bring this conversation back next week: add what you "
    "talked about or what they need.",
    "de": "Ein einzelnes Wort erinnert Sie nächste Woche nicht an dieses Gespräch: "
    "ergänzen Sie, worüber Sie gesprochen haben oder was die Person braucht.",
}
GENERIC = {
    "en": "“{note}” could be said of anyone: add something only this person told "
    "you, so the follow-up can be personal.",
    "de": "„{note}“ könnte auf jeden passen: ergänzen Sie etwas, das nur diese "
    "Person erzählt hat, damit die Nachricht persönlich wird.",
}


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


def note_problem(note: str, language: str) -> str | None:
    """One sentence why the note matters if it is empty, one word or generic, else None."""
    if language not in EMPTY:
        raise ValueError(f"no note messages in {language!r}")
    lang = str(language)
    words = note_words(note)
    if not words:
        return EMPTY[lang]
    if len(words) == 1:
        return SINGLE_WORD[lang]
    content = [word for word in words if word not in FILLER_WORDS]
    if all(is_generic_word(word) for word in content):
        return GENERIC[lang].format(note=" ".join(note.split()))
    return None
