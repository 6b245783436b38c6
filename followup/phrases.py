"""Phrase lists of the checks before queuing: stock politeness and sales pitches, EN and DE."""

from __future__ import annotations

import re

# Each pattern is matched case-insensitively on whitespace-normalised text; the matched
# words are what the user is shown. Both languages are always checked: a German follow-up
# with an English stock phrase pasted in is just as empty.
STOCK_PATTERNS = (
    # English empty politeness
    r"i hope (?:this|my) (?:e-?mail |message |note |letter )?finds you (?:well|in good health)",
    r"hope you(?:'re| are) (?:doing )?well",
    r"thank(?:s| you) (?:so much )?for your interest",
    r"(?:please )?(?:do not|don't) hesitate to (?:contact|reach out|get in touch)",
    r"i(?:'m| am) (?:just )?reaching out",
    r"just (?:checking|circling) (?:in|back)",
    r"touch(?:ing)? base",
    r"i wanted to follow up on",
    r"looking forward to hearing from you",
    r"at your earliest convenience",
    r"it was (?:a pleasure|great|nice|lovely) (?:meeting|to meet) you",
    r"per my last (?:e-?mail|message)",
    r"win-win",
    r"synerg(?:y|ies)",
    r"(?:merry christmas|season's greetings|happy holidays|happy new year|happy birthday)",
    # German empty politeness
    r"ich hoffe,? (?:es geht (?:ihnen|dir|euch) gut|(?:sie sind|du bist) wohlauf)",
    r"(?:vielen |herzlichen )?dank für (?:ihr|dein|euer) interesse",
    r"für (?:rück)?fragen stehe ich (?:ihnen |dir )?(?:gerne? |jederzeit )*zur verfügung",
    r"(?:zögern sie|zögere) nicht",
    r"ich freue mich auf (?:ihre|deine) (?:rückmeldung|antwort)",
    r"es war mir eine (?:große )?freude",
    r"es war schön, (?:sie|dich) kennenzulernen",
    r"ich wollte mich (?:mal )?kurz melden",
    r"(?:frohe weihnachten|frohes fest|schöne feiertage|guten rutsch|"
    r"alles gute zum geburtstag|herzlichen glückwunsch zum geburtstag)",
)

SALES_PATTERNS = (
    # English pitches and calls to buy
    r"(?:our|my) (?:new|latest) (?:product|service|solution|offering)s?",
    r"special offer",
    r"exclusive (?:offer|deal|discount)",
    r"limited[- ]time",
    r"\d+ ?% off",
    r"discount",
    r"price ?list",
    r"(?:buy|order|sign up|subscribe) (?:now|today)",
    r"(?:book|schedule) a (?:free )?demo",
    r"free trial",
    r"(?:our|my) (?:services|portfolio|pricing|packages)",
    # German pitches and calls to buy
    r"(?:unser|unsere|unseren|unserem|mein|meine|meinen) (?:neue[nms]?|aktuelle[nms]?) "
    r"(?:produkt|produkte|lösung|dienstleistung|service|tarif)\w*",
    r"kennen sie (?:schon )?unser\w*",
    r"\w*angebot\w*",
    r"preisliste\w*",
    r"rabatt\w*",
    r"(?:jetzt|gleich|heute noch) (?:bestellen|kaufen|buchen|zuschlagen)",
    r"kostenlose[nrs]? (?:test\w*|demo\w*|probe\w*)",
    r"unverbindliche[nrs]? (?:beratung|angebot|gespräch)\w*",
    r"sonderkondition\w*",
)


def compile_patterns(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Word-bounded, case-insensitive patterns."""
    return tuple(re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE) for pattern in patterns)


STOCK_PHRASES = compile_patterns(STOCK_PATTERNS)
SALES_PHRASES = compile_patterns(SALES_PATTERNS)
