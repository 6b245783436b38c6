"""E-mail addresses, websites and phone numbers found in lines of card text."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

import phonenumbers

log = logging.getLogger(__name__)

TLDS = (
    "com|de|br|uk|org|net|io|ch|at|eu|info|biz|co|us|fr|it|es|nl|be|pt|pl|se|dk|no|fi|ie|lu|"
    "app|dev|ai|tech|online|shop|store|gov|edu|me|tv|ca|au|jp|cn|in|mx|ar|cl|not|adv|law|ind"
)
EMAIL_RE = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,6}\b"
)
# A website needs "www." or "http", or else a host ending in a common top-level domain: a
# plain "word.word" is too often an abbreviation ("Dipl.-Ing.", "Av.Paulista").
WEB_RE = re.compile(
    r"(?<![@\w.\-])((?:https?://)?(?:www\.)?[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*"
    rf"\.(?:{TLDS})\b(?:/[\w\-./%?=&#~]*)?)",
    re.IGNORECASE,
)
PHONE_RUN_RE = re.compile(r"(?<![\w@.])(\+?\s?\(?\d[\d ().\-/]*\d\)?)")
# Numbers that look like phones but are not: postcodes, tax and company ids, bank details.
NOT_PHONE_CONTEXT = re.compile(
    r"\b(cep|cnpj|cpf|id|i\.?e|crc|crm|oab|creci|ust|ust-?id|hrb|hra|steuer\w*|iban|bic|blz|"
    r"konto|vat|reg|registro|zip|pin)\b[\s.:#nº°-]*$",
    re.IGNORECASE,
)
FAX_RE = re.compile(r"\bfax\b|\btelefax\b|\bf\s*[:.]", re.IGNORECASE)
MOBILE_RE = re.compile(
    r"\b(mobil\w*|mobile|handy|cel\w*|cell|whats\s?app|wpp|zap|m)\b\s*[:.]?", re.IGNORECASE
)
# Free-mail providers: their domain never names the company, and OCR often drops the "@"
# of their addresses, leaving "janegmail.com" that must not become a website.
MAIL_PROVIDERS = ("gmail", "googlemail", "hotmail", "yahoo", "outlook", "gmx", "web", "bol",
                  "uol", "terra", "icloud", "live", "aol", "t-online", "msn", "proton", "ig", "r7")
MAIL_PROVIDER_TLDS = {"gmail": "com", "hotmail": "com", "yahoo": "com", "outlook": "com",
                      "icloud": "com", "aol": "com", "googlemail": "com", "msn": "com"}
CEP_RE = re.compile(r"^\d{5}-\d{3}$")
# An extension printed after the number: "3241-0322 Ramal 240", "555 0100 ext. 12", "x12".
EXTENSION_RE = re.compile(
    r"\s*(?:ramal|ext|extension|durchwahl|dw|x)(?![a-z])\.?\s*[:.]?\s*(\d{1,6})(?!\d)",
    re.IGNORECASE,
)
# "9,9679-9468": the dot of a Brazilian mobile number's leading 9 read as a comma.
COMMA_FOR_DOT_RE = re.compile(r"(?<![\d,])(\d),(?=\d{4,5}-\d{4}(?!\d))")
MIN_DIGITS, MAX_DIGITS = 7, 15


@dataclass(frozen=True)
class Phone:
    """A phone number read from a card: E.164 when valid, else as printed."""

    number: str
    kind: str  # "phone", "mobile" or "fax"
    valid: bool
    line: int


def clean_email_line(text: str) -> str:
    """Undo the usual OCR damage around an address: spaces around @ and dots, @ read as ©/®."""
    text = re.sub(r"\s*[\(\[]\s*at\s*[\)\]]\s*", "@", text, flags=re.IGNORECASE)
    if "@" not in text:
        text = re.sub(r"(?<=\w)[©®](?=\w)", "@", text)
    text = re.sub(r"\s*@\s*", "@", text)
    # "bol.com-br": the dot before a country code read as a hyphen.
    text = re.sub(r"(?<=\.com)[-,](?=[a-z]{2}\b)", ".", text)
    return re.sub(r"(?<=\w)\s*\.\s+(?=(?:com|de|br|net|org)\b)", ".", text)


def _fix_provider_tld(address: str) -> str:
    """"x@hotmail.som" → "x@hotmail.com": a misread letter in a well-known provider's domain."""
    local, domain = address.split("@", 1)
    core, _, tld = domain.partition(".")
    expected = MAIL_PROVIDER_TLDS.get(core)
    if expected and tld != expected and len(tld) <= len(expected) + 1:
        return f"{local}@{core}.{expected}"
    return address


def find_emails(text: str) -> list[str]:
    text = clean_email_line(text)
    found = []
    for match in EMAIL_RE.finditer(text):
        address = match.group(0).strip(".-").lower()
        # "E-mail:name@x.de" read without its colon glues the label to the address.
        address = re.sub(r"^e-?mail[:.]?(?=\w)", "", address) if ":" in match.group(0) else address
        if address.count("@") == 1:
            found.append(_fix_provider_tld(address))
    return found


def find_websites(text: str) -> list[str]:
    text = EMAIL_RE.sub(" ", clean_email_line(text))
    text = re.sub(r"\bwww\s*[.,]?\s+(?=\w)", "www.", text, flags=re.IGNORECASE)
    found = []
    for match in WEB_RE.finditer(text):
        site = match.group(1).rstrip(".,/-").lower()
        host = re.sub(r"^https?://", "", site).split("/")[0]
        labels = host.split(".")
        if not site.startswith(("www.", "http")):
            if len(labels) < 2 or len(labels[0]) < 3 or re.fullmatch(TLDS, labels[0]):
                continue
            if any(labels[0].endswith(p) for p in MAIL_PROVIDERS if len(p) > 3):
                continue  # "nameGmail.com": an e-mail address whose "@" was lost
            if any(p.endswith(labels[0]) for p in MAIL_PROVIDERS):
                continue  # "ail.com": the tail of a broken free-mail address
        found.append(site)
    return found


def _phone_kind(prefix: str) -> str:
    tail = prefix[-14:]
    if FAX_RE.search(tail):
        return "fax"
    if MOBILE_RE.search(tail):
        return "mobile"
    return "phone"


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _as_number(piece: str, regions: tuple[str, ...]) -> tuple[str, bool] | None:
    """(E.164 or printed form, valid) for a plausible phone number, else None.

    A number with "+" or "00" before its country code parses on its own; any other is tried in
    each of `regions` in turn, and the first whose numbering plan holds it wins.
    """
    printed = piece.strip(" -./()")
    if piece.strip().startswith("("):
        printed = piece.strip(" -./")
    if CEP_RE.match(printed):
        return None
    candidate = re.sub(r"(\+\d{1,3})\s*\(0\)\s*", r"\1 ", printed)  # "+44 (0) 20 …"
    count = len(_digits(candidate))
    if not MIN_DIGITS <= count <= MAX_DIGITS:
        return None
    if re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", printed):
        return None  # a date
    attempts: list[tuple[str, str | None]] = [(candidate, region) for region in regions]
    if candidate.startswith("+"):
        attempts = [(candidate, None)]
    elif candidate.startswith("00"):
        attempts.insert(0, ("+" + candidate[2:], None))  # "0049 911 …"
    parsed = []
    for text, region in attempts:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), True
        parsed.append(number)
    if not parsed:
        # Without a region only "+…" numbers parse; keep a plausible one as printed.
        return (printed, False) if count >= 8 else None
    if any(phonenumbers.is_possible_number(number) for number in parsed):
        # A number no plan confirms must at least be printed like one: "3 9 2679-9868"
        # (stray single digits before a group) is OCR debris around a number.
        if len(re.findall(r"(?<!\d)\d(?!\d)", printed)) >= 2:
            return None
        return printed, False
    return None


def find_phones(text: str, regions: str | Sequence[str] | None, line: int = 0) -> list[Phone]:
    """Phone numbers on one line of text, with their kind from the label before them.

    `regions` (one region or several, most likely first; see capture.region.card_regions) are
    tried in order for a number printed without a country code. A number valid in none of them
    is kept as printed and marked not valid.
    """
    if isinstance(regions, str):
        regions = (regions,)
    tried = tuple(r.upper() for r in regions or () if r)
    masked = EMAIL_RE.sub(lambda m: " " * len(m.group(0)), COMMA_FOR_DOT_RE.sub(r"\1.", text))
    masked = WEB_RE.sub(lambda m: " " * len(m.group(0)), masked)
    found: list[Phone] = []
    for match in PHONE_RUN_RE.finditer(masked):
        prefix = masked[: match.start()]
        if NOT_PHONE_CONTEXT.search(prefix):
            continue
        run = match.group(1)
        whole = _as_number(run, tried)
        pieces = [run] if whole else re.split(r"\s*[/|]\s*|\s{2,}", run)
        offset = match.start()
        extension = EXTENSION_RE.match(masked, match.end())
        for n, piece in enumerate(pieces):
            result = whole if whole else _as_number(piece, tried)
            if result is None:
                continue
            number = result[0]
            if extension and n == len(pieces) - 1:
                number = f"{number} ext. {extension.group(1)}"
            start = offset + max(0, run.find(piece))
            kind = _phone_kind(masked[:start])
            found.append(Phone(number, kind, result[1], line))
    return found
