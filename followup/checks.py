"""Checks before queuing a follow-up: stock phrases, pitches, no personal detail, near-copies."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from capture.notes import FILLER_WORDS, is_generic_word, note_words, word_set
from followup.model import AddressForm, EarlierFollowUp, Finding, FindingKind
from followup.phrases import SALES_PHRASES, STOCK_PHRASES

# rapidfuzz ratio (0..100) of two follow-ups with greeting, names and sign-off removed;
# above this the text could as well have gone to the other person.
NEAR_COPY_THRESHOLD = 80.0
# Words this short ("Kita", "TU") still count as a detail when spelt out in full.
MIN_DETAIL_WORD = 3
# Compare word stems this long, so "boats" matches "boat" and "Segeln" matches "segelt".
STEM_LENGTH = 5

# Small words that say nothing about the person, in both languages.
STOP_WORDS = word_set(
    "his her him their them you your yours our ours my mine for from about this that "
    "these those has have had will would can could are was were not but also into "
    "sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer dein deine mein meine "
    "für von vom zum zur auf aus bei beim nach über der die das den dem des sich hat "
    "haben sind wird auch noch nicht aber dass"
)


def check_text(
    body: str,
    *,
    note: str,
    earlier: Sequence[EarlierFollowUp] = (),
    near_copy_threshold: float = NEAR_COPY_THRESHOLD,
    address_form: AddressForm | str | None = None,
) -> list[Finding]:
    """Every finding in a follow-up text, each with the phrase that triggered it.

    A finding is a kind and values, not a sentence: the page says it in the user's language.

    With `address_form`, a German text is also checked for the other form (du in a
    Sie letter, Sie/Ihnen in a du letter).
    """
    findings = phrase_findings(body, FindingKind.STOCK_PHRASE, STOCK_PHRASES)
    findings += phrase_findings(body, FindingKind.SALES_PITCH, SALES_PHRASES)
    if address_form is not None:
        findings += wrong_address(body, AddressForm(address_form))
    missing = missing_detail(body, note)
    if missing is not None:
        findings.append(missing)
    findings += near_copies(body, earlier, near_copy_threshold)
    return findings


def open_findings(findings: Sequence[Finding], overridden: Iterable[str]) -> list[Finding]:
    """Findings the user has not deliberately overridden (by `Finding.key`)."""
    overridden_keys = set(overridden)
    return [finding for finding in findings if finding.key not in overridden_keys]


def phrase_findings(
    body: str, kind: FindingKind, patterns: Sequence[re.Pattern[str]]
) -> list[Finding]:
    """One finding per distinct phrase, in order of appearance."""
    text = " ".join(body.split())
    matches = sorted(
        (match.start(), match.group(0)) for pattern in patterns for match in pattern.finditer(text)
    )
    findings: list[Finding] = []
    seen: set[str] = set()
    for _, phrase in matches:
        if phrase.casefold() in seen:
            continue
        seen.add(phrase.casefold())
        findings.append(Finding(kind, phrase))
    return findings


DU_WORDS = re.compile(
    r"(?<!\w)(?:du|dich|dir|dein(?:e|en|em|er|es)?|euch|euer|eure(?:n|m|r|s)?)(?!\w)",
    re.IGNORECASE,
)
# Capitalised only: lower-case "sie"/"ihr" are she/they/her.
SIE_WORDS = re.compile(r"(?<!\w)(?:Sie|Ihnen|Ihr(?:e|en|em|er|es)?)(?!\w)")
SENTENCE_START = re.compile(r"(?:^|[.!?:\n]\s*|[„\"“]\s*)$")


def wrong_address(body: str, form: AddressForm) -> list[Finding]:
    """Words of the other German form of address; a capital at a sentence start is ambiguous."""
    pattern = DU_WORDS if form is AddressForm.SIE else SIE_WORDS
    text = " ".join(body.splitlines()[1:])  # the greeting line names, it does not address
    phrases: list[str] = []
    for match in pattern.finditer(text):
        if form is AddressForm.DU and SENTENCE_START.search(text[: match.start()]):
            continue  # "Sie" opening a sentence may be "they"
        if match.group(0) not in phrases:
            phrases.append(match.group(0))
    return [Finding(FindingKind.WRONG_ADDRESS, phrase, form=form) for phrase in phrases]


def detail_words(text: str) -> set[str]:
    """Words that carry content: no fillers, no mood words, not too short."""
    return {
        word
        for word in note_words(text)
        if len(word) >= MIN_DETAIL_WORD
        and word not in FILLER_WORDS
        and word not in STOP_WORDS
        and not is_generic_word(word)
    }


def same_stem(one: str, other: str) -> bool:
    """Crude stemming: equal first letters, as many as the shorter word has (at most 5)."""
    length = min(len(one), len(other), STEM_LENGTH)
    return length >= MIN_DETAIL_WORD and one[:length] == other[:length]


def missing_detail(body: str, note: str) -> Finding | None:
    """A finding when no content word of the note appears in the body."""
    body_words = detail_words(body)
    if any(same_stem(word, other) for word in detail_words(note) for other in body_words):
        return None
    phrase = " ".join(note.split()) or "—"
    return Finding(FindingKind.NO_PERSONAL_DETAIL, phrase)


def comparable(body: str, names: Sequence[str]) -> str:
    """Lower-case words without greeting and sign-off lines or the people's names."""
    lines = [line for line in body.strip().splitlines() if line.strip()]
    # The greeting is the first line and the sign-off the last two; both are allowed to
    # be the same for everyone.
    core = lines[1:-2] if len(lines) > 3 else lines
    words = note_words(" ".join(core))
    name_words = {part for name in names for part in note_words(name)}
    return " ".join(word for word in words if word not in name_words)


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [" ".join(part.split()) for part in parts if len(part.split()) >= 3]


def most_alike_sentence(body: str, other: str) -> str:
    """The sentence of `body` closest to any sentence of `other`: what to show the user."""
    others = sentences(other) or [other]
    candidates = sentences(body) or [" ".join(body.split())]
    return max(candidates, key=lambda sentence: max(fuzz.ratio(sentence, o) for o in others))


def near_copies(body: str, earlier: Sequence[EarlierFollowUp], threshold: float) -> list[Finding]:
    findings = []
    for previous in earlier:
        names = [previous.contact_name]
        score = fuzz.ratio(comparable(body, names), comparable(previous.body, names))
        if score >= threshold:
            findings.append(
                Finding(
                    FindingKind.NEAR_COPY,
                    most_alike_sentence(body, previous.body),
                    contact=previous.contact_name,
                    score=round(score),
                )
            )
    return findings
