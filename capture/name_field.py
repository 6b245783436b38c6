"""Which line of a card is the person's name, and how to split a name from a title beside it."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from capture.evidence import email_name_evidence, names_domain
from capture.line_text import Layout, TextLine, line_ok, strip_honorifics
from capture.vocabulary import (
    LEGAL_FORM_RE,
    NAME_PARTICLES,
    NAME_WORD_RE,
    NOT_NAME_WORDS,
    SURNAME_TITLE_WORDS,
    fold,
    has_title_word,
    is_slogan,
    is_trade_word,
    title_word_start,
)

NAME_THRESHOLD = 1.2
# Two people on one card: "Eliete / Ana Paula", "Anna & Tom Weber".
PEOPLE_SEPARATOR_RE = re.compile(r"\s+[/&]\s+")


def _single_name_words(cleaned: str) -> list[str] | None:
    """The words of one person's name (honorifics already gone), else None."""
    words = cleaned.replace(",", " ").split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in cleaned):
        return None
    if re.search(r"[@/&:;|+=_#*!?()\[\]{}<>]", cleaned):
        return None
    lowered = [w.lower().strip(".") for w in words]
    if any(w in NOT_NAME_WORDS for w in lowered):
        return None
    core = [w for w, low in zip(words, lowered, strict=True) if low not in NAME_PARTICLES]
    if not core:
        return None
    if cleaned.isupper() or cleaned.islower():
        core = [w.capitalize() for w in core]
    if not all(NAME_WORD_RE.match(w) and w[0].isupper() for w in core):
        return None
    if any(len(fold(w)) > 16 for w in core) or sum(len(fold(w)) for w in core) < 3:
        return None
    # Every name word but an initial has a vowel: "CD", "TV", "Rgb" are not names.
    if any(len(fold(w)) > 1 and not re.search(r"[aeiouy]", fold(w)) for w in core):
        return None
    return words


def name_words(text: str) -> list[str] | None:
    """The words of `text` if it reads like a person's name (or two people's), else None."""
    cleaned = strip_honorifics(text)
    people = PEOPLE_SEPARATOR_RE.split(cleaned)
    if len(people) == 2:
        parts = [_single_name_words(p) for p in people]
        if parts[0] is None or parts[1] is None or len(parts[0]) + len(parts[1]) > 5:
            return None
        return [*parts[0], cleaned[len(people[0]):].split()[0], *parts[1]]
    return _single_name_words(cleaned)


def core_words(words: Sequence[str]) -> list[str]:
    """Name words without particles and separators ("da", "von", "/")."""
    return [w for w in words if w.lower() not in NAME_PARTICLES and any(c.isalpha() for c in w)]


def pretty_name(words: Sequence[str]) -> str:
    """A name as it goes into the address book: capitals where the card shouted or whispered."""
    text = " ".join(words)
    if text.isupper() or text.islower():
        return " ".join(
            w.lower() if w.lower() in NAME_PARTICLES - {"jr", "jr."} else w.capitalize()
            for w in words
        )
    return text


def split_name_and_title(line: TextLine) -> tuple[TextLine, TextLine] | None:
    """ "Bernard Desarnauts Founder & CEO" → the name's line and the title's, else None."""
    text = line.text
    if LEGAL_FORM_RE.search(text) or "@" in text or len(text.lower()) != len(text):
        return None
    start = title_word_start(text)
    if start <= 0 or (start > 0 and text[start - 1].isalpha()):
        return None
    head = text[:start].rstrip(" ,|–—-·•")
    tail = text[start:].strip()
    words = name_words(head)
    if words is None or len(core_words(words)) < 2 or has_title_word(head):
        return None
    if any(is_trade_word(w) for w in words):
        return None
    return TextLine(head, line.conf, line.height, line.top), TextLine(
        tail, line.conf, line.height, line.top)


def _surname_is_title(words: Sequence[str]) -> bool:
    """ "Anna Meister", "Jonas Arzt": a surname that is also a title word, after a first name."""
    return (len(core_words(words)) >= 2 and fold(words[-1]) in SURNAME_TITLE_WORDS
            and not words[-1].isupper() and not has_title_word(" ".join(words[:-1])))


def title_beside(i: int, lines: Sequence[TextLine], title_idx: Collection[int]) -> float:
    """How much a title line next to line `i` says it is a name: most when the title is right
    under it, less when above, nothing when the neighbour is far off on the card."""
    best = 0.0
    for j, weight in ((i + 1, 1.5), (i - 1, 1.0)):
        if j not in title_idx or j == i:
            continue
        a, b = lines[i], lines[j]
        if (a.top or b.top) and abs(a.top - b.top) > 2.5 * max(a.height, b.height, 1.0):
            continue
        best = max(best, weight)
    return best


@dataclass(frozen=True)
class NameClues:
    """What the rest of the card says about names: e-mail locals, firm domains, title lines."""

    locals_: Sequence[str]
    domains: Sequence[str]
    title_idx: Collection[int]
    layout: Layout


def score_name(i: int, lines: Sequence[TextLine], clues: NameClues) -> tuple[float, float] | None:
    """(score, e-mail evidence) for line `i` as the person's name, or None if it cannot be one."""
    line = lines[i]
    if not line_ok(line) or LEGAL_FORM_RE.search(line.text) or is_slogan(line.text):
        return None
    words = name_words(line.text)
    if words is None or (has_title_word(" ".join(words)) and not _surname_is_title(words)):
        return None
    evidence = email_name_evidence(words, clues.locals_)
    core = core_words(words)
    beside_title = title_beside(i, lines, clues.title_idx)
    if len(core) == 1 and evidence < 0.7:
        return None  # a lone word ("Ovi", "Design") is a name only if the e-mail says so
    if line.text.islower() and evidence < 0.7 and not beside_title:
        return None  # "carol soh" is a name when the e-mail or a title beside it says so
    score = 3.0 * evidence + (1.0 if 2 <= len(core) <= 4 else -0.5)
    if evidence < 0.5:
        if any(is_trade_word(w) for w in core):
            score -= 2.0
        if line.text.isupper():
            score -= 0.5  # shop signs shout; people's names are rarely set in capitals
        if names_domain(line.text, clues.domains):
            score -= 2.5  # it is the firm's name, set like a person's
    score += beside_title
    if clues.layout.median_h and line.height:
        ratio = line.height / clues.layout.median_h
        # Names are set at body size or larger; much smaller is fine print.
        score += 0.6 if 1.0 <= ratio <= 2.2 else (-0.3 if ratio < 0.6 else 0.0)
    score += (line.conf - 70) / 60
    return score, evidence


def score_names(lines: Sequence[TextLine], skip: Collection[int],
                clues: NameClues) -> dict[int, tuple[float, float]]:
    """(score, e-mail evidence) of every line outside `skip` that can be a name."""
    scores = {}
    for i in range(len(lines)):
        if i not in skip and (scored := score_name(i, lines, clues)) is not None:
            scores[i] = scored
    return scores


def pick_name(lines: Sequence[TextLine], scores: dict[int, tuple[float, float]],
              skip: Collection[int]) -> tuple[int, str, float]:
    """(line index, name, confidence) of the best name line; (-1, "", 0) when none is good."""
    ranked = sorted(((s, i, ev) for i, (s, ev) in scores.items() if i not in skip), reverse=True)
    if not ranked or ranked[0][0] < NAME_THRESHOLD:
        return -1, "", 0.0
    score, i, evidence = ranked[0]
    words = name_words(lines[i].text) or []
    confidence = 0.45 + 0.5 * evidence + (score - NAME_THRESHOLD) / 10
    return i, pretty_name(words), max(0.3, min(1.0, confidence))


def strong_names(lines: Sequence[TextLine], scores: dict[int, tuple[float, float]],
                 clues: NameClues) -> set[int]:
    """Lines that are surely a person: confirmed by the e-mail, or a full name beside a title."""
    return {i for i, (score, evidence) in scores.items()
            if evidence >= 0.7 or (score >= 2.0 and title_beside(i, lines, clues.title_idx))}
