"""Read name, title, company, contacts and address out of a card's text lines."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence

from capture.address import address_confidence, find_address, house_number_digits
from capture.company_field import pick_company
from capture.confidence import settle
from capture.contacts import Phone, find_emails, find_phones, find_websites
from capture.evidence import (
    company_domains,
    company_evidence,
    domain_company_name,
    name_from_email,
    personal_locals,
)
from capture.line_text import (
    Layout,
    TextLine,
    correct_title_spelling,
    is_contact,
    line_ok,
    strip_honorifics,
    trim_debris,
)
from capture.name_field import (
    NAME_THRESHOLD,
    NameClues,
    pick_name,
    score_names,
    split_name_and_title,
    strong_names,
)
from capture.region import card_regions
from capture.result import FIELD_NAMES
from capture.vocabulary import LEGAL_FORM_RE, has_title_word
from storage.records import ContactDetails

__all__ = [
    "TextLine",
    "correct_title_spelling",
    "name_from_email",
    "parse_card_text",
    "parse_lines",
    "strip_honorifics",
    "trim_debris",
]

log = logging.getLogger(__name__)


def _join_split_emails(lines: list[TextLine]) -> list[TextLine]:
    """ "jens@" and "fer.de" read as two boxes are one address, not a name and a website."""
    out: list[TextLine] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev and " " not in line.text and (
                prev.text.endswith("@") or (line.text.startswith("@") and " " not in prev.text)):
            out[-1] = TextLine(prev.text + line.text, min(prev.conf, line.conf),
                               max(prev.height, line.height), prev.top)
        else:
            out.append(line)
    return out


def _prepare(lines: Sequence[TextLine]) -> list[TextLine]:
    """Lines in NFC without blanks, split e-mails joined, a name and a title on one line split."""
    clean = [TextLine(unicodedata.normalize("NFC", ln.text).strip(), ln.conf, ln.height, ln.top)
             for ln in lines if ln.text and ln.text.strip()]
    out: list[TextLine] = []
    for line in _join_split_emails(clean):
        out.extend(split_name_and_title(line) or (line,))
    return out


def _is_phone(line: TextLine, phone: Phone) -> bool:
    """Drop what only looks like a number: a street's house number and postcode, or an
    unconfirmed number read from a blurred line."""
    if not phone.valid and line.conf < 60:
        return False
    house = house_number_digits(line.text)
    return not (len(house) >= 5 and re.sub(r"\D", "", phone.number).endswith(house))


def _title_lines(lines: Sequence[TextLine], used: set[int]) -> list[int]:
    """Indexes of the lines that may be a job title."""
    return [i for i, ln in enumerate(lines)
            if i not in used and has_title_word(ln.text) and line_ok(ln)
            and not is_contact(ln.text) and len(ln.text.split()) <= 7
            and not LEGAL_FORM_RE.search(ln.text)]


def _read_people(
    lines: Sequence[TextLine], used: set[int], emails: Sequence[str], websites: Sequence[str],
    conf: dict[str, float],
) -> tuple[str, str, str]:
    """(name, title, company) from the lines no contact or address took; fills `conf`."""
    layout = Layout.of(lines)
    domains = company_domains(emails, websites)
    title_idx = _title_lines(lines, used)
    clues = NameClues(personal_locals(emails, websites), domains, title_idx, layout)
    names = score_names(lines, used, clues)
    strong = strong_names(lines, names, clues)
    beside_strong = {j for j in title_idx if j - 1 in strong or j + 1 in strong}
    # With nobody confirmed, the likeliest name is kept from heading the firm's name.
    top = max(names, key=lambda i: names[i][0], default=-1)
    people = {top} if not strong and top >= 0 and names[top][0] >= NAME_THRESHOLD else set()
    company, company_lines, conf["company"] = pick_company(
        lines, used | strong | beside_strong, layout, domains, people)
    name_idx, name, conf["name"] = pick_name(lines, names, set(company_lines) - strong)
    if not name:
        guesses = [g for g in map(name_from_email, clues.locals_) if g]
        name, conf["name"] = (guesses[0], 0.5) if guesses else ("", 0.0)
    title = ""
    titles = [j for j in title_idx if j != name_idx and j not in company_lines]
    if titles and name:  # a title belongs to a person
        pick = min(titles, key=lambda j: abs(j - name_idx) if name_idx >= 0 else j)
        title = correct_title_spelling(trim_debris(lines[pick].text))
        nearness = 0.9 if abs(pick - name_idx) == 1 else 0.6
        conf["title"] = min(1.0, lines[pick].conf / 100) * nearness
    from_domain = domain_company_name(emails, websites)
    if from_domain and (not company or (company_evidence(company, domains) < 0.5
                                        and not LEGAL_FORM_RE.search(company))):
        company, conf["company"] = from_domain, 0.3
    return name, title, company


def _stands_alone(site: str, text: str) -> bool:
    """A bare domain alone on its line ("quillfeather.com", maybe after "Web:") is the firm's
    website even where an e-mail address shares it; inside other text it may be the tail of
    an address split over two boxes."""
    rest = re.sub(r"^\s*(?:web(?:site)?|site|internet|homepage)\s*[:.]?\s*", "", text,
                  flags=re.IGNORECASE)
    return rest.strip(" .,;/").lower() == site


def parse_lines(
    lines: Sequence[TextLine], region: str | None = "DE"
) -> tuple[ContactDetails, dict[str, float]]:
    """Fields and a 0..1 confidence per field from the card's lines, in reading order."""
    lines = _prepare(lines)
    conf: dict[str, float] = dict.fromkeys(FIELD_NAMES, 0.0)
    emails: list[str] = []
    websites: list[str] = []
    phones = []
    used: set[int] = set()
    regions = card_regions([ln.text for ln in lines], region)
    for i, line in enumerate(lines):
        line_emails = find_emails(line.text)
        line_sites = find_websites(line.text)
        line_phones = find_phones(line.text, regions, i)
        if line_emails or line_sites or line_phones:
            used.add(i)
        for e in line_emails:
            if e not in emails:
                emails.append(e)
                conf["emails"] = max(conf["emails"], min(1.0, line.conf / 100 + 0.1))
        for w in line_sites:
            if w not in websites and (_stands_alone(w, line.text) or not any(
                    w.split("/")[0].endswith(e.split("@")[1]) and
                    not w.startswith(("www", "http")) for e in emails)):
                websites.append(w)
                conf["websites"] = max(conf["websites"], min(1.0, line.conf / 100 + 0.1))
        phones.extend(line_phones)
    phones = [p for p in phones if _is_phone(lines[p.line], p)]
    phone_numbers: list[str] = []
    for phone in sorted(phones, key=lambda p: p.kind == "fax"):
        if phone.number not in phone_numbers:
            phone_numbers.append(phone.number)
    if phones:
        # The list is as doubtful as its most doubtful number; one no numbering plan confirms
        # (kept as printed) is always marked for checking.
        conf["phones"] = min(
            1.0, min((0.9 if p.valid else 0.45) * lines[p.line].conf / 90 for p in phones))
    address, address_lines = find_address([ln.text for ln in lines])
    used.update(address_lines)
    if address:
        conf["address"] = address_confidence(address)

    name, title, company = _read_people(lines, used, emails, websites, conf)
    fields = ContactDetails(
        name=name, title=title, company=company, emails=tuple(emails),
        phones=tuple(phone_numbers), websites=tuple(websites), address=address,
    )
    return fields, settle(lines, fields, conf)


def parse_card_text(text: str, region: str | None = "DE") -> ContactDetails:
    """Fields from plain text, one card line per text line (no geometry or confidence)."""
    return parse_lines([TextLine(line) for line in text.splitlines()], region)[0]
