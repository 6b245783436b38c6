"""Compose a follow-up draft from the note, what they need, what I offer and the event."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date

from capture.notes import FILLER_WORDS, is_generic_word, note_words, word_set
from followup import wording as w
from followup.model import AddressForm, Channel, Draft, DraftInput, Language
from followup.person import address_possessives, to_second_person

# "talked about X", "discussed X", "wir haben über X gesprochen": the X is the topic.
TOPIC_PREFIX = re.compile(
    r"^(?:we\s+)?(?:(?:talked|spoke|chatted|talking|conversation|chat|talk)\s+(?:about|on)"
    r"|discussed)\s+|^(?:wir\s+)?(?:haben\s+)?(?:(?:gespräch|geredet|gesprochen|"
    r"unterhalten)\s+)?über\s+",
    re.IGNORECASE,
)
TOPIC_SUFFIX = re.compile(r"\s+(?:gesprochen|geredet|unterhalten|diskutiert)$", re.IGNORECASE)
# "needs a carpenter" → "a carpenter"; word-bounded so "needlework" stays whole.
NEED_PREFIX = re.compile(
    r"^(?:(?:he|she|they|er|sie)\s+)?"
    r"(?:needs?|is looking for|looking for|wants?|sucht|braucht|benötigt)\b\s*",
    re.IGNORECASE,
)
OFFER_PREFIX = re.compile(
    r"^(?:i\s+)?(?:can\s+|could\s+)?offer\s+|^(?:ich\s+)?(?:kann\s+)?(?:biete|anbieten)\s+",
    re.IGNORECASE,
)
# After "Hallo Anna," a German letter goes on in lower case, unless the word is a noun.
GERMAN_LOWER_AFTER_GREETING = frozenset({"Seit", "Von", "Was", "Schön", "Gern", "Und"})
MAX_DETAILS = {Channel.CARD: 1, Channel.EMAIL: 2, Channel.CALL: 2}
TITLES = frozenset({"dr", "prof", "mr", "mrs", "ms", "mx", "herr", "frau", "sir", "dame"})
SUBJECT_WORDS = 6
# Words a subject line should not start with once subject and verb are gone.
SUBJECT_SKIP = word_set("sich dich to a an the ein eine einen einem einer der die das den dem")
CONJUNCTIONS = frozenset({"and", "or", "und", "oder"})


@dataclass(frozen=True)
class Clause:
    """One piece of the note: as written, and addressed to the reader if it is about them."""

    text: str
    statement: str | None
    was_topic: bool  # written as "talked about X": X reads well after "about"


def compose_draft(draft_input: DraftInput) -> Draft:
    """A personal draft: no sentence in it is fixed except the greeting and the sign-off."""
    # Storage keeps its own copies of these enums; compare by value, not identity.
    draft_input = replace(
        draft_input,
        language=Language(draft_input.language),
        address_form=AddressForm(draft_input.address_form),
        channel=Channel(draft_input.channel),
    )
    language = draft_input.language
    key = w.key_for(language, draft_input.address_form)
    seed = content_seed(draft_input)
    clauses = split_note(draft_input)
    at, met = event_phrases(draft_input.event_name, draft_input.event_date, language)

    opening = opening_sentence(clauses[:1], key, seed, at=at, met=met)
    details = [
        detail_sentence(clause, key, seed >> (8 * (index + 2)))
        for index, clause in enumerate(clauses[1 : 1 + MAX_DETAILS[draft_input.channel]])
    ]
    reciprocity = reciprocity_sentences(draft_input, key, seed)
    next_step = pick(w.NEXT_STEP[key], seed >> 40)

    paragraphs = [" ".join([opening, *details]), " ".join(reciprocity), next_step]
    name = greeting_name(draft_input)
    greeting = w.GREETING[key].format(name=name) if name else w.GREETING_WITHOUT_NAME[key]
    first = paragraphs[0]
    if language is Language.DE and first.split(" ", 1)[0] in GERMAN_LOWER_AFTER_GREETING:
        paragraphs[0] = first[0].lower() + first[1:]
    sign_off = "\n".join(part for part in (w.SIGN_OFF[key], draft_input.my_name.strip()) if part)
    body = "\n\n".join([greeting, *(p for p in paragraphs if p), sign_off])
    return Draft(
        subject=subject_line(clauses, draft_input),
        body=body,
        talking_points=talking_points(clauses, draft_input, at),
    )


def content_seed(draft_input: DraftInput) -> int:
    """A number from the content, so choices vary between people but never between runs."""
    text = "|".join(
        (draft_input.note, draft_input.they_need, draft_input.i_offer, draft_input.contact_name)
    )
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def pick(options: tuple[str, ...], seed: int) -> str:
    return options[seed % len(options)]


def clean(text: str) -> str:
    return " ".join(text.split()).strip(" .;,:!-–")


def split_note(draft_input: DraftInput) -> list[Clause]:
    """The note's clauses with content; mood words alone ("nice guy") are dropped."""
    pieces = re.split(r"[;\n•]+|(?<=[.!?])\s+|,\s+|\s+[-–]\s+", draft_input.note)
    clauses = []
    for piece in pieces:
        text = clean(piece)
        content = [word for word in note_words(text) if word not in FILLER_WORDS]
        if not content or all(is_generic_word(word) for word in content):
            continue
        topic = clean(TOPIC_SUFFIX.sub("", TOPIC_PREFIX.sub("", text)))
        was_topic = topic != text
        statement = (
            None
            if was_topic
            else to_second_person(text, draft_input.language, draft_input.address_form)
        )
        if statement is None:
            topic = address_possessives(topic, draft_input.language, draft_input.address_form)
        clauses.append(Clause(topic, statement, was_topic))
    return clauses


def event_phrases(event: str, on: date | None, language: Language) -> tuple[str, str]:
    """("at Founders Night on 24 November", "we met at …") or the German equivalents."""
    event = clean(event)
    day = ""
    if on is not None:
        month = w.MONTHS[language][on.month - 1]
        day = f"on {on.day} {month}" if language is Language.EN else f"am {on.day}. {month}"
    if language is Language.EN:
        place = f"at {event}" if event else ""
        at = " ".join(part for part in (place, day) if part)
        return (at, f"we met {at}") if at else w.WITHOUT_EVENT[language]
    place = f"bei „{event}“" if event else ""
    at = " ".join(part for part in (place, day) if part)
    return (at, f"unserer Begegnung {at}") if at else w.WITHOUT_EVENT[language]


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def german_statement(statement: str, language: Language) -> str:
    # Duden: after a colon a complete sentence starts with a capital letter.
    return capitalise(statement) if language is Language.DE else statement


def opening_sentence(clauses: list[Clause], key: w.Key, seed: int, *, at: str, met: str) -> str:
    if not clauses:
        return pick(w.OPEN_WITHOUT_NOTE[key], seed).format(at=at)
    clause = clauses[0]
    if clause.statement is not None:
        statement = german_statement(clause.statement, key[0])
        return pick(w.OPEN_STATEMENT[key], seed).format(at=at, met=met, statement=statement)
    frames = w.OPEN_TOPIC if clause.was_topic else w.OPEN_OTHER
    sentence = pick(frames[key], seed).format(at=at, met=met, topic=clause.text)
    return capitalise(sentence)


def detail_sentence(clause: Clause, key: w.Key, seed: int) -> str:
    if clause.statement is not None:
        statement = german_statement(clause.statement, key[0])
        return capitalise(pick(w.MORE_STATEMENT[key], seed).format(statement=statement))
    frames = w.MORE_TOPIC if clause.was_topic else w.MORE_OTHER
    return capitalise(pick(frames[key], seed).format(topic=clause.text))


def reciprocity_sentences(draft_input: DraftInput, key: w.Key, seed: int) -> list[str]:
    """What they need turned into an offer of help; what I can offer."""
    need = clean(NEED_PREFIX.sub("", clean(draft_input.they_need)))
    offer = clean(OFFER_PREFIX.sub("", clean(draft_input.i_offer)))
    sentences = []
    if need:
        sentences.append(pick(w.NEED[key], seed >> 16).format(need=need))
        if offer:
            sentences.append(pick(w.OFFER_FOR_NEED[key], seed >> 24).format(offer=offer))
        else:
            sentences.append(pick(w.HELP_WITHOUT_OFFER[key], seed >> 24))
    elif offer:
        sentences.append(pick(w.OFFER_ALONE[key], seed >> 24).format(offer=offer))
    return sentences


def is_title(word: str) -> bool:
    """ "Dr.", "Prof.", "Herr", "Ms": not a first name to greet someone with."""
    return word.endswith(".") or word.lower() in TITLES


def greeting_name(draft_input: DraftInput) -> str:
    """First name where it fits (English, du), the full name for a German Sie."""
    full = clean(draft_input.contact_name)
    given_names = [word for word in full.split() if not is_title(word)]
    first = clean(draft_input.contact_first_name or "") or (given_names or [""])[0]
    if draft_input.language is Language.DE and draft_input.address_form is AddressForm.SIE:
        return full
    return first or full


def subject_line(clauses: list[Clause], draft_input: DraftInput) -> str:
    """What the first clause is about, then the event: "Old boats – Founders Night"."""
    event = clean(draft_input.event_name)
    words: list[str] = []
    if clauses:
        clause = clauses[0]
        words = clause.text.split()
        if clause.statement is not None:
            # Drop subject and verb: "you restore old boats" → "old boats".
            words = clause.statement.split()[2:] or words
        while len(words) > 1 and words[0].lower() in SUBJECT_SKIP:
            words = words[1:]
        cut = next((i for i, word in enumerate(words) if i and word in CONJUNCTIONS), None)
        words = words[:cut][:SUBJECT_WORDS]
    topic = capitalise(" ".join(words))
    if draft_input.language is Language.DE and event:
        event = f"„{event}“"
    return " – ".join(part for part in (topic, event) if part)


def talking_points(clauses: list[Clause], draft_input: DraftInput, at: str) -> tuple[str, ...]:
    """Short cues for a call, in the contact's language."""
    labels = w.POINTS[draft_input.language]
    points = []
    for index, clause in enumerate(clauses):
        text = clause.statement or clause.text
        points.append(labels["start" if index == 0 else "more"].format(text=text))
    if clean(draft_input.they_need):
        points.append(labels["need"].format(text=clean(draft_input.they_need)))
    if clean(draft_input.i_offer):
        points.append(labels["offer"].format(text=clean(draft_input.i_offer)))
    if clean(draft_input.event_name) or draft_input.event_date is not None:
        points.append(labels["met"].format(text=at))
    points.append(labels["next"])
    return tuple(points)
