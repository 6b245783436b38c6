"""One line of card text: its evidence, its cleaning, and the layout of all lines together."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from capture.contacts import find_websites
from capture.vocabulary import HONORIFICS_RE, TITLE_WORDS


@dataclass(frozen=True)
class TextLine:
    """One line of card text with the evidence OCR gives about it."""

    text: str
    conf: float = 90.0  # mean word confidence, 0..100
    height: float = 0.0  # letter height in pixels; 0 when unknown
    top: float = 0.0


@dataclass(frozen=True)
class Layout:
    """Letter heights over the whole card: what body text and the biggest type measure."""

    median_h: float
    max_h: float

    @classmethod
    def of(cls, lines: Sequence[TextLine]) -> Layout:
        # Heights of confidently read lines only: logo fragments read as "Le" or "67." are
        # huge and would make every real line look small.
        heights = sorted(ln.height for ln in lines if ln.height > 0 and ln.conf >= 60) or sorted(
            ln.height for ln in lines if ln.height > 0)
        if not heights:
            return cls(0.0, 0.0)
        return cls(heights[len(heights) // 2], heights[-1])


def strip_honorifics(text: str) -> str:
    """Remove titles of address and degrees: the label says "Avery Smith", not "Dr. Avery Smith"."""
    stripped = HONORIFICS_RE.sub(" ", text)
    # Rules, bullets and stray marks OCR reads beside a name ("—- Guilherme", "Ana ~").
    stripped = re.sub(r"^[^\w(]+|[^\w.)]+$", "", stripped)
    return " ".join(stripped.replace(" ,", ",").split()).strip(", ")


def trim_debris(text: str) -> str:
    """A title or company without the rules, dashes and stray brackets OCR reads around it."""
    words = text.split()
    while words and not any(ch.isalnum() for ch in words[-1]):
        words.pop()
    while words and not any(ch.isalnum() for ch in words[0]):
        words.pop(0)
    text = " ".join(words)
    if text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1]
    if text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:]
    return text.strip(" ,|-•")


# Title words long enough that one wrong letter cannot turn another word into them.
SPELLING_TITLE_WORDS = tuple(w for w in TITLE_WORDS if len(w) >= 7 and " " not in w)


def correct_title_spelling(text: str) -> str:
    """Repair one misread letter in a title word: "Sonsultor" → "Consultor"."""

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        low = word.lower()
        if len(low) < 7 or low in SPELLING_TITLE_WORDS:
            return word
        near = [w for w in SPELLING_TITLE_WORDS
                if len(w) == len(low) and Levenshtein.distance(w, low, score_cutoff=1) <= 1]
        if len(near) != 1:
            return word
        fixed = near[0]
        if word.isupper():
            return fixed.upper()
        return fixed.capitalize() if word[0].isupper() else fixed

    return re.sub(r"[^\W\d_]+", fix, text)


def is_contact(text: str) -> bool:
    """Whether a line holds an e-mail address, a website or a run of digits."""
    return bool("@" in text or find_websites(text) or len(re.findall(r"\d", text)) >= 5)


def line_ok(line: TextLine) -> bool:
    """Whether a line was read well enough to be a name, title or company."""
    letters = sum(ch.isalpha() for ch in line.text)
    return letters >= 2 and line.conf >= 30


def case_style(text: str) -> str:
    """ "upper", "lower" or "mixed": how a line is set; "" when it has no letters."""
    if not any(ch.isalpha() for ch in text):
        return ""
    if text.isupper():
        return "upper"
    return "lower" if text == text.lower() else "mixed"
