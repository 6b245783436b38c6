"""Sentence frames of the drafts, in English and German (Sie and du); filled from the note.

Each slot has several frames; `drafts` picks one deterministically from the note's content,
so two different notes rarely get the same structure and no frame is a whole letter.
Placeholders: {at} "at X on 24 November", {met} "we met at X…", {statement} a clause
turned to the reader ("you restore old boats"), {topic} a fragment ("sailing on the lake"),
{need}, {offer}.
"""

from __future__ import annotations

from followup.model import AddressForm, Language

Key = tuple[Language, AddressForm]
EN: Key = (Language.EN, AddressForm.SIE)  # English has no Sie/du; drafts look up this key
SIE: Key = (Language.DE, AddressForm.SIE)
DU: Key = (Language.DE, AddressForm.DU)

MONTHS = {
    Language.EN: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    Language.DE: [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
}

OPEN_STATEMENT = {
    EN: (
        "Since {met}, I keep coming back to what you told me: {statement}.",
        "One thing from our conversation {at} has stayed with me: {statement}.",
        "What you told me {at} is still on my mind: {statement}.",
    ),
    SIE: (
        "Seit {met} denke ich immer wieder daran, was Sie mir erzählt haben: {statement}.",
        "Von unserem Gespräch {at} ist mir eines besonders geblieben: {statement}.",
        "Was Sie mir {at} erzählt haben, geht mir nicht aus dem Kopf: {statement}.",
    ),
    DU: (
        "Seit {met} denke ich immer wieder daran, was du mir erzählt hast: {statement}.",
        "Von unserem Gespräch {at} ist mir eines besonders geblieben: {statement}.",
        "Was du mir {at} erzählt hast, geht mir nicht aus dem Kopf: {statement}.",
    ),
}
OPEN_TOPIC = {
    EN: (
        "Our conversation about {topic} {at} has stayed with me.",
        "Since {met}, I have been thinking about what you said about {topic}.",
        "{topic} – that is the part of our conversation {at} I remember best.",
    ),
    SIE: (
        "Von unserem Gespräch {at} ist mir vor allem ein Thema geblieben: {topic}.",
        "Seit {met} beschäftigt mich, worüber wir gesprochen haben: {topic}.",
        "{topic} – daran denke ich seit unserem Gespräch {at} immer wieder.",
    ),
}
OPEN_TOPIC[DU] = OPEN_TOPIC[SIE]
# A clause about something else than the person ("daughter studies in Munich") cannot
# follow "about"; English gets colon frames, German frames are colon frames already.
OPEN_OTHER = {
    EN: (
        "One thing from our conversation {at} has stayed with me: {topic}.",
        "{topic} – that is what I remember best from our conversation {at}.",
        "I keep thinking back to our conversation {at}: {topic}.",
    ),
    SIE: OPEN_TOPIC[SIE],
    DU: OPEN_TOPIC[SIE],
}
OPEN_WITHOUT_NOTE = {
    EN: ("It was good to meet you {at}.",),
    SIE: ("Schön, dass wir uns {at} kennengelernt haben.",),
    DU: ("Schön, dass wir uns {at} kennengelernt haben.",),
}

MORE_STATEMENT = {
    EN: ("I also remember that {statement}.", "And {statement} – I liked hearing that."),
    SIE: ("Und ich weiß noch: {statement}.", "Gern gehört habe ich auch das: {statement}."),
}
MORE_STATEMENT[DU] = MORE_STATEMENT[SIE]
MORE_TOPIC = {
    EN: ("{topic} stayed with me, too.", "And I have not forgotten {topic}."),
    SIE: ("Auch das ist mir geblieben: {topic}.", "Und dann war da noch: {topic}."),
}
MORE_TOPIC[DU] = MORE_TOPIC[SIE]
MORE_OTHER = {
    EN: ("And one more thing I remember: {topic}.", "Also still on my mind: {topic}."),
    SIE: MORE_TOPIC[SIE],
    DU: MORE_TOPIC[SIE],
}

NEED = {
    EN: (
        "You mentioned what would help you most right now: {need}.",
        "I have not forgotten what you are looking for: {need}.",
        "You said you could use some help with this: {need}.",
    ),
    SIE: (
        "Sie hatten erwähnt, was Ihnen gerade fehlt: {need}.",
        "Ich habe nicht vergessen, wonach Sie suchen: {need}.",
        "Was Sie gerade brauchen, habe ich mir gemerkt: {need}.",
    ),
    DU: (
        "Du hattest erwähnt, was dir gerade fehlt: {need}.",
        "Ich habe nicht vergessen, wonach du suchst: {need}.",
        "Was du gerade brauchst, habe ich mir gemerkt: {need}.",
    ),
}
OFFER_FOR_NEED = {
    EN: (
        "Here is something I can do: {offer}.",
        "Maybe this helps: {offer}.",
        "I would be glad to help with that: {offer}.",
    ),
    SIE: (
        "Dabei kann ich vielleicht helfen: {offer}.",
        "Mein Vorschlag dazu: {offer}.",
        "Hier ein Gedanke von mir: {offer}.",
    ),
}
OFFER_FOR_NEED[DU] = OFFER_FOR_NEED[SIE]
HELP_WITHOUT_OFFER = {
    EN: (
        "I will keep my eyes open for you and ask around among people I know.",
        "If an introduction would help, I will gladly look around in my own network.",
    ),
    SIE: (
        "Ich halte für Sie die Augen offen und höre mich in meinem Umfeld um.",
        "Wenn eine Vorstellung hilft, schaue ich mich gern in meinem Netzwerk um.",
    ),
    DU: (
        "Ich halte für dich die Augen offen und höre mich in meinem Umfeld um.",
        "Wenn eine Vorstellung hilft, schaue ich mich gern in meinem Netzwerk um.",
    ),
}
OFFER_ALONE = {
    EN: ("One thing I could offer you: {offer}.", "Something I can do for you: {offer}."),
    SIE: (
        "Etwas, das ich Ihnen anbieten kann: {offer}.",
        "Vielleicht ist das für Sie nützlich: {offer}.",
    ),
    DU: (
        "Etwas, das ich dir anbieten kann: {offer}.",
        "Vielleicht ist das für dich nützlich: {offer}.",
    ),
}

NEXT_STEP = {
    EN: (
        "Shall we continue over a coffee in the next few weeks?",
        "Would a short call next week suit you?",
        "I would enjoy picking up where we left off, perhaps over lunch.",
    ),
    SIE: (
        "Wollen wir das bei einem Kaffee in den nächsten Wochen fortsetzen?",
        "Passt Ihnen ein kurzes Telefonat in der nächsten Woche?",
        "Gern würde ich den Faden bald bei einem Mittagessen wieder aufnehmen.",
    ),
    DU: (
        "Wollen wir das bei einem Kaffee in den nächsten Wochen fortsetzen?",
        "Passt dir ein kurzes Telefonat nächste Woche?",
        "Gern würde ich den Faden bald bei einem Mittagessen wieder aufnehmen.",
    ),
}

GREETING = {EN: "Dear {name},", SIE: "Guten Tag {name},", DU: "Hallo {name},"}
GREETING_WITHOUT_NAME = {EN: "Hello,", SIE: "Guten Tag,", DU: "Hallo,"}
SIGN_OFF = {EN: "Best wishes,", SIE: "Herzliche Grüße", DU: "Liebe Grüße"}
WITHOUT_EVENT = {
    Language.EN: ("the other day", "we met"),
    Language.DE: ("neulich", "unserer Begegnung"),
}

POINTS = {
    Language.EN: {
        "start": "Start with: {text}",
        "more": "Also: {text}",
        "need": "Ask how it is going: {text}",
        "offer": "Offer: {text}",
        "met": "Met {text}",
        "next": "Suggest a next step: coffee or a call",
    },
    Language.DE: {
        "start": "Einstieg: {text}",
        "more": "Außerdem: {text}",
        "need": "Nachfragen, wie es steht: {text}",
        "offer": "Anbieten: {text}",
        "met": "Kennengelernt {text}",
        "next": "Nächsten Schritt vorschlagen: Kaffee oder Telefonat",
    },
}


def key_for(language: Language, form: AddressForm) -> Key:
    """The frame table key: English ignores the form of address."""
    return EN if language is Language.EN else (language, form)
