"""Which lines of a card name the firm: the best-evidenced line and the lines that continue it."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from capture.evidence import company_evidence
from capture.line_text import Layout, TextLine, case_style, is_contact, line_ok, trim_debris
from capture.vocabulary import (
    ADDRESS_WORDS_RE,
    BUSINESS_WORDS,
    COMPANY_SUFFIX_WORDS,
    DESCRIPTION_RE,
    LEGAL_FORM_ONLY_RE,
    LEGAL_FORM_RE,
    fold,
    folded_words,
    has_title_word,
    is_slogan,
    is_trade_word,
)

MAX_BLOCK_LINES = 4
# A bare number set in the firm's type: "DESPACHANTE" / "1000" / "Milhas".
NUMBER_ONLY_RE = re.compile(r"^\d{1,4}$")


def _letters(text: str) -> int:
    """How many letters `text` holds."""
    return sum(ch.isalpha() for ch in text)


def _readable(line: TextLine, vouched: bool) -> bool:
    """Logos and pictures make short, shaky fragments ("oy", "VISA" from a card logo): a firm's
    name needs readable words unless a legal form or the domain vouches for it."""
    text = line.text
    letters = _letters(text)
    return vouched or (letters >= 4 and line.conf >= 60
                       and letters >= 0.6 * len(text.replace(" ", "")))


def score_company(i: int, lines: Sequence[TextLine], layout: Layout,
                  domains: Sequence[str]) -> float | None:
    """How well line `i` names the firm, from all the evidence; None if it cannot."""
    line = lines[i]
    text = line.text.strip()
    if not line_ok(line) or "@" in text or len(re.findall(r"\d", text)) >= 4:
        return None
    if len(text.split()) > 10 or is_slogan(text) or LEGAL_FORM_ONLY_RE.match(text):
        return None
    if text.startswith("(") and text.endswith(")"):
        return None  # a nickname or a note: "(Guina)", "(next to the station)"
    legal = bool(LEGAL_FORM_RE.search(text))
    domain_match = company_evidence(text, domains)
    if not _readable(line, legal or domain_match >= 0.85):
        return None
    score = 3.5 * legal + 3.5 * domain_match + (line.conf - 70) / 50
    if layout.max_h:
        score += 2.0 * line.height / layout.max_h  # logos and big type
    score += 0.4 * (1 - i / len(lines))  # firms head the card more often than not
    if any(is_trade_word(w) for w in folded_words(text)):
        score += 0.6
    if text.isupper() and _letters(text) >= 4:
        score += 0.3  # a shop sign
    if ADDRESS_WORDS_RE.search(text):
        score -= 1.5
    if DESCRIPTION_RE.search(text):
        score -= 1.0
    if len(text.split()) > 5:
        score -= 1.0
    if has_title_word(text) and not legal:
        score -= 1.0
    return score


def _in_one_domain(a: str, b: str, domains: Sequence[str]) -> bool:
    """Both lines spell one domain together: "Brunau" + "Buffet" in brunaubuffet.com.br."""
    fa, fb = fold(a), fold(b)
    return len(fa) >= 3 and len(fb) >= 3 and any(
        fa + fb in fold(d) or fb + fa in fold(d) for d in domains)


def _ends_in_trade(line: TextLine, logo: TextLine) -> bool:
    """ "IT Solutions" under "BELTIS", "design" under "nog": a trade word that ends the name."""
    words = folded_words(line.text)
    return (1 <= len(words) <= 2 and words[-1] in COMPANY_SUFFIX_WORDS
            and len(logo.text.split()) <= 3 and logo.conf >= 80
            and not any(ch.isdigit() for ch in logo.text))


def _same_type(a: TextLine, b: TextLine) -> bool:
    """Whether `b`, under `a`, is set in the same type: size, case and nearness."""
    if not (a.height and b.height) or not 0.6 <= b.height / a.height <= 1.45:
        return False
    style_a, style_b = case_style(a.text), case_style(b.text)
    if style_a and style_b and style_a != style_b and b.height < 0.95 * a.height:
        return False  # a smaller line set otherwise is a tagline
    return not ((a.top or b.top) and abs(b.top - a.top) > 2.5 * max(a.height, b.height))


def continues(a: TextLine, b: TextLine, domains: Sequence[str]) -> bool:
    """Whether line `b` goes on with the firm's name that line `a`, just above it, holds."""
    if LEGAL_FORM_ONLY_RE.match(b.text):
        return True  # "GmbH", "Ltda." on a line of its own
    if LEGAL_FORM_RE.search(a.text):
        return False  # a legal form ends the name
    for line in (a, b):
        text = line.text
        if (is_slogan(text) or DESCRIPTION_RE.search(text) or is_contact(text)
                or ADDRESS_WORDS_RE.search(text) or has_title_word(text)):
            return False
    if _in_one_domain(a.text, b.text, domains):
        return True
    if _ends_in_trade(b, a):
        return True
    number = NUMBER_ONLY_RE.match(b.text.strip()) or NUMBER_ONLY_RE.match(a.text.strip())
    if any(ch.isdigit() for ch in a.text + b.text) and not number:
        return False
    words = len(a.text.split()) + len(b.text.split())
    return (_same_type(a, b) and b.conf >= 40 and len(b.text.split()) <= 4 and words <= 8
            and (number is not None or _letters(b.text) >= 0.8 * len(b.text.replace(" ", ""))))


def _contains_words(outer: str, inner: str) -> bool:
    """Whether the words of `inner` open `outer` ("CEASTEC" in "CEASTEC S/C LTDA.")."""
    wo, wi = folded_words(outer), folded_words(inner)
    return bool(wi) and wo[: len(wi)] == wi


def _takes_person(lines: Sequence[TextLine], shown: Sequence[int], j: int) -> bool:
    """Whether a line that reads as a person's name goes on with the firm's name in `shown`.

    After a trade it names the shop ("AUTO SOCORRO" / "R. OLIVEIRA"), and so it does when set
    the same size; smaller, under a brand, it is the person.
    """
    edge = lines[shown[0] if j < shown[0] else shown[-1]]
    if edge.height and lines[j].height >= 0.8 * edge.height:
        return True
    held = " ".join(lines[k].text for k in shown)
    run = fold(held)  # OCR splits words: "AUTOSOC" / "CORRO"
    return (any(is_trade_word(w) for w in folded_words(held))
            or any(w in run for w in BUSINESS_WORDS if len(w) >= 5))


def grow_block(start: int, lines: Sequence[TextLine], skip: Collection[int],
               domains: Sequence[str], people: Collection[int] = ()
               ) -> tuple[list[int], list[int]]:
    """(lines whose text makes the name, all lines of the block) around line `start`."""
    shown, block = [start], [start]

    def usable(j: int) -> bool:
        """A line the block may take: on the card, free, and read well or a bare number."""
        return 0 <= j < len(lines) and j not in skip and (
            line_ok(lines[j]) or bool(NUMBER_ONLY_RE.match(lines[j].text.strip())))

    for step in (1, -1):
        j = (block[-1] if step == 1 else block[0]) + step
        while usable(j) and len(shown) < MAX_BLOCK_LINES:
            edge = shown[-1] if step == 1 else shown[0]
            text, edge_text = lines[j].text, lines[edge].text
            if (len(shown) == 1 and _contains_words(text, edge_text) and text != edge_text
                    and not (is_slogan(text) or DESCRIPTION_RE.search(text) or is_contact(text))):
                shown = [j]  # the logo word again in the full name: keep the full name
            elif _contains_words(edge_text, text):
                pass  # the same name once more (a logo repeated): absorbed, not repeated
            else:
                pair = (lines[edge], lines[j]) if step == 1 else (lines[j], lines[edge])
                if not continues(*pair, domains) or (
                        j in people and not _takes_person(lines, shown, j)):
                    break
                shown = [*shown, j] if step == 1 else [j, *shown]
            block = sorted({*block, j})
            j += step
    while len(shown) > 1 and NUMBER_ONLY_RE.match(lines[shown[-1]].text.strip()):
        shown.pop()
    while len(shown) > 1 and NUMBER_ONLY_RE.match(lines[shown[0]].text.strip()):
        shown.pop(0)
    return shown, block


def _vouched(text: str, domains: Sequence[str]) -> bool:
    """A legal form, the domain or a trade word says the line is a firm's."""
    return bool(LEGAL_FORM_RE.search(text) or company_evidence(text, domains) >= 0.5
                or any(is_trade_word(w) for w in folded_words(text)))


def pick_company(lines: Sequence[TextLine], skip: Collection[int], layout: Layout,
                 domains: Sequence[str], people: Collection[int] = ()
                 ) -> tuple[str, list[int], float]:
    """(firm's name, indexes of its lines, confidence); ("", [], 0) when no line is good.

    A line that reads as a person's name (`people`) heads the firm's name only when something
    vouches for it; it may still continue one ("MECÂNICA E PINTURA" / "FLÁVIO E VALDEQUE").
    """
    best: tuple[float, int] | None = None
    for i in range(len(lines)):
        if i in skip or (i in people and not _vouched(lines[i].text, domains)):
            continue
        score = score_company(i, lines, layout, domains)
        if score is not None and (best is None or score > best[0]):
            best = (score, i)
    if best is None or best[0] < 1.0:
        return "", [], 0.0
    shown, block = grow_block(best[1], lines, skip, domains, people)
    name = " ".join(trim_debris(lines[j].text) for j in shown)
    return name, block, company_confidence(best[0], [lines[j] for j in shown], domains)


# A logo word the recogniser was unsure of is often a misread one ("wem nãoQuer").
SHAKY_COMPANY_CONF = 90.0


def company_confidence(score: float, shown: Sequence[TextLine], domains: Sequence[str]) -> float:
    """How far to trust the firm's name: its score, unless a line of it was read shakily or
    the domain spells more than the card gave ("ario" in "dimario…": the logo lost letters)."""
    confidence = max(0.2, min(1.0, score / 5))
    folded = fold("".join(line.text for line in shown))
    cut = any(folded and folded in fold(d) and not fold(d).startswith(folded[:3])
              for d in domains)
    if cut or min(line.conf for line in shown) < SHAKY_COMPANY_CONF:
        confidence = min(confidence, 0.5)
    return confidence
