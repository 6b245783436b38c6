"""Turn a note about someone ("he restores old boats") into words to them ("you restore …")."""

from __future__ import annotations

import re

from followup.model import AddressForm, Language


def _words(text: str) -> frozenset[str]:
    """Word lists are written as text blocks: easier to read and extend."""
    return frozenset(text.split())


EN_PRONOUNS = ("he", "she", "they")
EN_IRREGULAR = {
    "is": "are",
    "has": "have",
    "was": "were",
    "does": "do",
    "goes": "go",
    "isn't": "aren't",
    "wasn't": "weren't",
    "doesn't": "don't",
    "hasn't": "haven't",
    "'s": "'re",
}
EN_OBJECT = {
    "him": "you",
    "his": "your",
    "himself": "yourself",
    "herself": "yourself",
    "their": "your",
    "them": "you",
    "themselves": "yourself",
    "theirs": "yours",
}
# A 3rd-person note often starts with its verb ("loves sailing"); these are the ones
# people write at events, recognised without a dictionary.
EN_VERBS = _words(
    "is has was loves likes wants needs runs works plays builds restores plans started "
    "founded moved lives studies teaches writes organises organizes sells makes does goes "
    "knows collects owns leads manages coaches mentors volunteers sails rides climbs cooks "
    "brews looks searches hires just recently "
)

DE_PRONOUNS = ("er", "sie")
DE_IRREGULAR = {
    # third person singular: (Sie form, du form)
    "ist": ("sind", "bist"),
    "hat": ("haben", "hast"),
    "will": ("wollen", "willst"),
    "kann": ("können", "kannst"),
    "muss": ("müssen", "musst"),
    "darf": ("dürfen", "darfst"),
    "mag": ("mögen", "magst"),
    "weiß": ("wissen", "weißt"),
    "möchte": ("möchten", "möchtest"),
    "wird": ("werden", "wirst"),
    "fährt": ("fahren", "fährst"),
    "läuft": ("laufen", "läufst"),
    "liest": ("lesen", "liest"),
    "spricht": ("sprechen", "sprichst"),
    "trifft": ("treffen", "triffst"),
    "gibt": ("geben", "gibst"),
    "nimmt": ("nehmen", "nimmst"),
    "sieht": ("sehen", "siehst"),
    "hilft": ("helfen", "hilfst"),
    "isst": ("essen", "isst"),
    "schläft": ("schlafen", "schläfst"),
    "trägt": ("tragen", "trägst"),
    "war": ("waren", "warst"),
    "hatte": ("hatten", "hattest"),
    "wollte": ("wollten", "wolltest"),
}
DE_OBJECT = {
    # er/sie words after the verb → (Sie, du)
    "ihm": ("Ihnen", "dir"),
    "ihn": ("Sie", "dich"),
    "sich": ("sich", "dich"),
    "sein": ("Ihr", "dein"),
    "seine": ("Ihre", "deine"),
    "seinen": ("Ihren", "deinen"),
    "seinem": ("Ihrem", "deinem"),
    "seiner": ("Ihrer", "deiner"),
    "seines": ("Ihres", "deines"),
    "ihre": ("Ihre", "deine"),
    "ihren": ("Ihren", "deinen"),
    "ihrem": ("Ihrem", "deinem"),
    "ihrer": ("Ihrer", "deiner"),
    "ihres": ("Ihres", "deines"),
}
# Lower-case words that start a German note but are no verb (German nouns are capitalised,
# so a lower-case first word is nearly always a verb, an article or a preposition).
DE_NOT_VERBS = _words(
    "der die das den dem des ein eine einen einem einer eines mit für über von vom zum zur "
    "bei beim im in am an auf aus nach seit und oder auch noch sehr ganz viel viele kein "
    "keine nicht nur schon wie was wer wo als zu jetzt oft meist erst sonst fast selbst "
    "bereits zuletzt gut bestimmt vielleicht "
)


def to_second_person(clause: str, language: Language, form: AddressForm) -> str | None:
    """The clause addressed to the person, or None when it is not about them."""
    words = clause.split()
    if not words:
        return None
    if language is Language.DE:
        return _german(words, form)
    return _english(words)


def address_possessives(clause: str, language: Language, form: AddressForm) -> str:
    """Only the possessives turned to the reader: "his boat" → "your boat" / "Ihr Boot".

    For clauses that are not a sentence about the person ("his boat and the Baltic Sea").
    """
    pick = 0 if form is AddressForm.SIE else 1
    result = []
    for word in clause.split():
        bare = word.strip(".,;:!?")
        tail = word[len(bare) :]
        lower = bare.lower()
        if language is Language.EN and lower in {"his", "their"}:
            word = "your" + tail
        elif language is Language.DE and lower in DE_OBJECT and lower.startswith(("sein", "ihr")):
            word = DE_OBJECT[lower][pick] + tail
        result.append(word)
    return " ".join(result)


def _english(words: list[str]) -> str | None:
    first = words[0].lower()
    if first in EN_PRONOUNS and len(words) > 1:
        rest = words[1:]
    elif first in EN_VERBS:
        rest = words
    else:
        return None
    if rest[0].lower() in {"just", "recently"} and len(rest) > 1:
        rest = [rest[0].lower(), *rest[1:]]
        verb_at = 1
    else:
        verb_at = 0
    converted = list(rest)
    converted[verb_at] = _english_base(rest[verb_at])
    # "… and loves jazz": a second verb of the same subject.
    for i in range(verb_at + 1, len(converted) - 1):
        if converted[i].lower() in {"and", "or"} and converted[i + 1].lower() in EN_VERBS:
            converted[i + 1] = _english_base(converted[i + 1])
    converted = [_english_object(word, converted, i) for i, word in enumerate(converted)]
    return " ".join(["you", *converted])


def _english_base(verb: str) -> str:
    lower = verb.lower()
    if lower in EN_IRREGULAR:
        return EN_IRREGULAR[lower]
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if re.search(r"(?:ch|sh|ss|x|z|o)es$", lower):
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith("ss"):
        return lower[:-1]
    return lower


def _english_object(word: str, words: list[str], index: int) -> str:
    bare = word.lower().strip(".,;:!?")
    tail = word[len(word.rstrip(".,;:!?")) :]
    if bare in EN_OBJECT:
        return EN_OBJECT[bare] + tail
    if bare == "her":
        # "her boat" → "your boat", "with her" → "with you"
        has_noun_after = index + 1 < len(words) and not tail
        return ("your" if has_noun_after else "you") + tail
    return word


def _german(words: list[str], form: AddressForm) -> str | None:
    pick = 0 if form is AddressForm.SIE else 1
    subject = "Sie" if form is AddressForm.SIE else "du"
    first = words[0]
    if first.lower() in DE_PRONOUNS and len(words) > 1 and _is_german_verb(words[1]):
        verb, rest = words[1], words[2:]
    elif first[:1].islower() and first.lower() not in DE_NOT_VERBS and _is_german_verb(first):
        verb, rest = first, words[1:]
    else:
        return None
    converted = [_german_verb(verb, pick)]
    for word in rest:
        bare = word.strip(".,;:!?")
        tail = word[len(bare) :]
        if bare in DE_OBJECT:
            word = DE_OBJECT[bare][pick] + tail
        elif converted[-1] in {"und", "oder"} and _is_german_verb(bare):
            # "… und fährt nach Schweden": a second verb of the same subject.
            word = _german_verb(bare, pick) + tail
        converted.append(word)
    return " ".join([subject, *converted])


def _is_german_verb(word: str) -> bool:
    lower = word.lower()
    if lower in DE_NOT_VERBS:
        return False
    return lower in DE_IRREGULAR or (word[:1].islower() and lower.endswith("t"))


def _german_verb(verb: str, pick: int) -> str:
    lower = verb.lower()
    if lower in DE_IRREGULAR:
        return DE_IRREGULAR[lower][pick]
    stem = lower[:-1]  # sucht → such, restauriert → restaurier, arbeitet → arbeite
    if pick == 1:  # du
        if stem.endswith("e"):
            return stem + "st"  # arbeitest
        if stem.endswith(("s", "ß", "z", "x")):
            return lower  # reist, tanzt
        return stem + "st"
    if stem.endswith("e"):
        return stem + "n"  # arbeiten
    if re.search(r"[^i][eu][lr]$", stem):
        return stem + "n"  # sammeln, wandern
    return stem + "en"
