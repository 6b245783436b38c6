"""Read name, title, company, contacts and address out of a card's text lines."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from capture.address import find_address
from capture.contacts import find_emails, find_phones, find_websites
from capture.result import FIELD_NAMES, CardFields

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TextLine:
    """One line of card text with the evidence OCR gives about it."""

    text: str
    conf: float = 90.0  # mean word confidence, 0..100
    height: float = 0.0  # letter height in pixels; 0 when unknown
    top: float = 0.0


LEGAL_FORM_RE = re.compile(
    r"(?:\b(?:gmbh|mbh|ag|kg|kgaa|ohg|gbr|ug|e\.\s?k\.?|e\.\s?v\.?|se|inc|incorporated|llc|llp|"
    r"ltd|limited|plc|corp|corporation|ltda|eireli|s/?a|s\.a\.?|s/c|me|epp|sarl|s\.?r\.?l|"
    r"bv|b\.v\.|nv|oy|ab|as|a/s|pty|co\.)(?=$|[\s.,)])|&\s?co\b)",
    re.IGNORECASE,
)
# Words that mark a job title. German compounds are matched as parts ("Verkaufsberater").
TITLE_WORDS = (
    # English
    "manager", "director", "president", "officer", "engineer", "developer", "consultant",
    "researcher", "scientist", "designer", "analyst", "architect", "specialist", "founder",
    "owner", "partner", "head of", "lead", "chief", "ceo", "cto", "cfo", "coo", "cmo", "vp",
    "vice", "assistant", "associate", "coordinator", "representative", "advisor", "adviser",
    "sales", "account", "executive", "secretary", "attorney", "lawyer", "professor", "editor",
    "agent", "broker", "administrator", "technician", "supervisor", "intern", "senior",
    "junior", "principal", "marketing",
    # German
    "geschäftsführ", "inhaber", "leiter", "leitung", "berater", "beraterin", "vertrieb",
    "referent", "sachbearbeit", "ingenieur", "prokurist", "vorstand", "assistenz",
    "mitarbeiter", "verkäufer", "kaufmann", "kauffrau", "meister", "entwickler", "projekt",
    "rechtsanwalt", "steuerberater", "architekt", "gesellschafter",
    # Portuguese
    "diretor", "diretora", "gerente", "consultor", "consultora", "coordenador", "coordenadora",
    "analista", "vendedor", "vendedora", "representante", "supervisor", "supervisora",
    "proprietário", "proprietária", "sócio", "sócia", "escrevente", "técnico", "técnica",
    "engenheiro", "engenheira", "advogado", "advogada", "assistente", "presidente",
    "administrativo", "administrativa", "comercial", "executivo", "executiva", "corretor",
    "atendimento", "auxiliar",
)
HONORIFICS_RE = re.compile(
    r"(?<![\w-])(?:dipl\.?-\s?(?:ing|kfm|kff|inf|betriebsw|oec|psych)|rer\.?\s?nat|"
    r"dr|prof|dipl|ing|mr|mrs|ms|miss|herr|frau|sr|sra|srta|dra|eng|mag|univ|med|phil|jur|"
    r"phd|ph\.d|mba|msc|m\.sc|bsc|b\.sc|ma|ba|md|llm|ll\.m|esq|cpa|mag\.a)\.?(?![\w-])",
    re.IGNORECASE,
)
ADDRESS_WORDS_RE = re.compile(
    r"\b(rua|r\.|av\.?|avenida|alameda|travessa|praça|estrada|rodovia|cep|street|st\.|road|"
    r"avenue|suite|floor|straße|strasse|str\.|weg|platz|allee|gasse|postfach|jardim|jd\.|"
    r"vila|centro|bairro)\b",
    re.IGNORECASE,
)
NOT_NAME_WORDS = {
    "tel", "fax", "fone", "phone", "mobile", "mobil", "email", "e-mail", "www", "web",
    "telefone", "celular", "contato", "contact", "whatsapp", "site", "home", "office",
    "department", "abteilung", "services", "solutions", "group", "gruppe", "team",
}
# Words that describe a trade, not a person: a line containing one is not a name unless the
# e-mail confirms it (folded to ASCII lower case, see _fold).
BUSINESS_WORDS = {
    "auto", "autos", "pecas", "originais", "tecnica", "assistencia", "geral", "eletronica",
    "mecanica", "funilaria", "pintura", "direcao", "hidraulica", "restaurante", "buffet",
    "eventos", "design", "comercio", "servicos", "industria", "informatica", "consultoria",
    "solucoes", "materiais", "construcao", "distribuidora", "representacoes", "moveis",
    "roupas", "aluguel", "vestidos", "noivas", "flores", "estetica", "automotiva", "socorro",
    "refrigeracao", "loja", "lojas", "oficina", "escritorio", "advocacia", "contabilidade",
    "imobiliaria", "farmacia", "otica", "optica", "padaria", "academia", "clinica", "studio",
    "solutions", "services", "service", "consulting", "systems", "software", "technologies",
    "technology", "group", "international", "global", "digital", "media", "marketing",
    "holding", "partners", "associates", "trading", "logistics", "engineering", "store",
    "shop", "agency", "restaurant", "hotel", "bakery", "repair", "insurance", "bank",
    "autohaus", "nutzfahrzeuge", "versicherung", "versicherungen", "beratung", "handel",
    "technik", "elektro", "bau", "immobilien", "steuerberatung", "kanzlei", "praxis",
    "apotheke", "werkstatt", "gmbh", "verlag", "druckerei", "logistik", "vertrieb",
    "acessorios", "radiadores", "eletricas", "eletricos", "distribuicao", "produtos",
}
NAME_PARTICLES = {"da", "de", "do", "dos", "das", "e", "van", "von", "der", "den", "di", "du",
                  "la", "le", "zu", "y", "del", "jr", "jr.", "filho", "neto"}
NAME_WORD_RE = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*\.?$|^[A-ZÀ-ÖØ-Þ]\.$")


def _fold(text: str) -> str:
    """Lower-case ASCII letters only, umlauts spelled out as in e-mail addresses."""
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", text)


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


def _has_title_word(text: str) -> bool:
    low = text.lower()
    return any(
        re.search(rf"(?<![a-zà-ÿ]){re.escape(word)}", low) if len(word) <= 4 else word in low
        for word in TITLE_WORDS
    )


def _is_contact(text: str) -> bool:
    return bool(
        "@" in text or find_websites(text) or len(re.findall(r"\d", text)) >= 5
    )


def _name_words(text: str) -> list[str] | None:
    """The words of `text` if it reads like a person's name, else None."""
    cleaned = strip_honorifics(text)
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
    if cleaned.isupper():
        core = [w.capitalize() for w in core]
    if not all(NAME_WORD_RE.match(w) for w in core):
        return None
    if any(len(_fold(w)) > 16 for w in core) or sum(len(_fold(w)) for w in core) < 3:
        return None
    # Every name word but an initial has a vowel: "CD", "TV", "Rgb" are not names.
    if any(len(_fold(w)) > 1 and not re.search(r"[aeiouy]", _fold(w)) for w in core):
        return None
    return words


def _pretty_name(words: list[str]) -> str:
    text = " ".join(words)
    if text.isupper():
        return " ".join(
            w.lower() if w.lower() in NAME_PARTICLES - {"jr", "jr."} else w.capitalize()
            for w in words
        )
    return text


def _email_name_evidence(words: list[str], locals_: list[str]) -> float:
    """How strongly the e-mail local parts confirm a candidate name (0..1)."""
    best = 0.0
    folded = [_fold(w) for w in words if _fold(w) and w.lower() not in NAME_PARTICLES]
    for local in locals_:
        local_f = _fold(local)
        if not local_f or not folded:
            continue
        hits = sum(1 for w in folded if len(w) >= 3 and w in local_f)
        initials = "".join(w[0] for w in folded)
        if hits >= 2 or (hits and len(folded) == 1):
            best = max(best, 1.0)
        elif hits == 1:
            # "rbeato" = initial + surname, "jens" = first name only
            surname = folded[-1]
            initial_surname = local_f.startswith(folded[0][0]) and surname in local_f
            best = max(best, 0.9 if initial_surname else 0.7)
        elif len(folded) >= 2 and local_f.startswith(initials):
            best = max(best, 0.4)
    return best


def name_from_email(local: str) -> str:
    """ "jane.doe" → "Jane Doe"; "" when the local part is not clearly a first and last name."""
    parts = [p for p in re.split(r"[._\-]", local) if p]
    if len(parts) == 2 and all(p.isalpha() and len(p) >= 2 for p in parts):
        return " ".join(p.capitalize() for p in parts)
    return ""


def _domain_words(emails: Sequence[str], websites: Sequence[str]) -> list[str]:
    generic = {"gmail", "hotmail", "yahoo", "outlook", "gmx", "web", "bol", "uol", "terra",
               "icloud", "live", "aol", "t-online", "ig", "r7", "msn", "me", "mail", "proton"}
    hosts = [e.split("@", 1)[1] for e in emails] + [
        re.sub(r"^(https?://)?(www\.)?", "", w).split("/")[0] for w in websites
    ]
    words = []
    for host in hosts:
        core = host.split(".")[0]
        if core and core not in generic:
            words.append(core)
    return words


def _company_evidence(text: str, domains: Sequence[str]) -> float:
    """0..1: how well a line matches the e-mail or website domain."""
    folded = _fold(text)
    if len(folded) < 3:
        return 0.0
    best = 0.0
    for domain in domains:
        dom = _fold(domain)
        if len(dom) < 3:
            continue
        if folded == dom or dom in folded or (folded in dom and len(folded) >= 4):
            best = max(best, 1.0)
        else:
            best = max(best, fuzz.partial_ratio(folded, dom) / 100 - 0.15)
    return max(0.0, best)


def _continues_company(first: TextLine, second: TextLine) -> bool:
    """Whether `second` is the rest of a company name set over two lines in the same type.

    "MECÂNICA, FUNILARIA E PINTURA" over "FLÁVIO E VALDEQUE": same letter height and case.
    A legal form ends a name, and a smaller line under a logo word is its tagline.
    """
    text = second.text
    if LEGAL_FORM_RE.search(first.text) or not (first.height and second.height):
        return False
    if not 0.8 <= second.height / first.height <= 1.25 or first.text.isupper() != text.isupper():
        return False
    if any(ch.isdigit() for ch in text) or _is_contact(text) or ADDRESS_WORDS_RE.search(text):
        return False
    words = text.split()
    return (second.conf >= 40 and len(words) <= 4 and len(first.text.split()) + len(words) <= 8
            and sum(ch.isalpha() for ch in text) >= 0.8 * len(text.replace(" ", ""))
            and not _has_title_word(text))


def _line_ok(line: TextLine) -> bool:
    letters = sum(ch.isalpha() for ch in line.text)
    return letters >= 2 and line.conf >= 30


def parse_lines(
    lines: Sequence[TextLine], region: str | None = "DE"
) -> tuple[CardFields, dict[str, float]]:
    """Fields and a 0..1 confidence per field from the card's lines, in reading order."""
    lines = [TextLine(unicodedata.normalize("NFC", ln.text).strip(), ln.conf, ln.height, ln.top)
             for ln in lines if ln.text and ln.text.strip()]
    conf: dict[str, float] = dict.fromkeys(FIELD_NAMES, 0.0)
    emails: list[str] = []
    websites: list[str] = []
    phones = []
    used: set[int] = set()
    for i, line in enumerate(lines):
        line_emails = find_emails(line.text)
        line_sites = find_websites(line.text)
        line_phones = find_phones(line.text, region, i)
        if line_emails or line_sites or line_phones:
            used.add(i)
        for e in line_emails:
            if e not in emails:
                emails.append(e)
                conf["emails"] = max(conf["emails"], min(1.0, line.conf / 100 + 0.1))
        for w in line_sites:
            if w not in websites and not any(w.split("/")[0].endswith(e.split("@")[1]) and
                                             not w.startswith(("www", "http")) for e in emails):
                websites.append(w)
                conf["websites"] = max(conf["websites"], min(1.0, line.conf / 100 + 0.1))
        phones.extend(line_phones)
    phone_numbers: list[str] = []
    for phone in sorted(phones, key=lambda p: p.kind == "fax"):
        if phone.number not in phone_numbers:
            phone_numbers.append(phone.number)
    if phones:
        conf["phones"] = min(
            1.0, sum((0.9 if p.valid else 0.6) * lines[p.line].conf / 90 for p in phones)
            / len(phones),
        )
    address, address_lines = find_address([ln.text for ln in lines])
    used.update(address_lines)
    if address:
        conf["address"] = 0.6 if len(address_lines) > 1 else 0.4

    # Letter heights of confidently read lines only: logo fragments read as "Le" or "67."
    # are huge and would make every real line look small.
    heights = sorted(ln.height for ln in lines if ln.height > 0 and ln.conf >= 60) or sorted(
        ln.height for ln in lines if ln.height > 0)
    median_h = heights[len(heights) // 2] if heights else 0.0
    max_h = heights[-1] if heights else 0.0
    locals_ = [e.split("@", 1)[0] for e in emails]
    domains = _domain_words(emails, websites)

    title_idx = [i for i, ln in enumerate(lines)
                 if i not in used and _has_title_word(ln.text) and _line_ok(ln)
                 and not _is_contact(ln.text) and len(ln.text.split()) <= 7
                 and not LEGAL_FORM_RE.search(ln.text)]

    # --- name
    best_name: tuple[float, int, list[str]] | None = None
    for i, line in enumerate(lines):
        if i in used or not _line_ok(line) or LEGAL_FORM_RE.search(line.text):
            continue
        words = _name_words(line.text)
        if words is None or _has_title_word(" ".join(words)):
            continue
        score = 0.0
        evidence = _email_name_evidence(words, locals_)
        core = [w for w in words if w.lower() not in NAME_PARTICLES]
        if len(core) == 1 and evidence < 0.7:
            continue  # a lone word ("Ovi", "Design") is a name only if the e-mail says so
        score += 3.0 * evidence
        score += 1.0 if 2 <= len(core) <= 4 else -0.5
        if evidence < 0.5:
            if any(_fold(w) in BUSINESS_WORDS for w in core):
                score -= 2.0
            if line.text.isupper():
                score -= 0.5  # shop signs shout; people's names are rarely set in capitals
        if any(j in title_idx for j in (i - 1, i + 1)):
            score += 1.5
        if median_h and line.height:
            ratio = line.height / median_h
            # Names are set at body size or larger; much smaller is fine print.
            score += 0.6 if 1.0 <= ratio <= 2.2 else (-0.3 if ratio < 0.6 else 0.0)
        if domains and _company_evidence(line.text, domains) >= 0.85 and evidence < 0.5:
            score -= 2.5  # it is the company's name, set like a person's
        score += (line.conf - 70) / 60
        if best_name is None or score > best_name[0]:
            best_name = (score, i, words)
    name = ""
    name_idx = -1
    if best_name is not None and best_name[0] >= 1.2:
        name_idx = best_name[1]
        name = _pretty_name(best_name[2])
        evidence = _email_name_evidence(best_name[2], locals_)
        conf["name"] = max(0.3, min(1.0, 0.45 + 0.5 * evidence + (best_name[0] - 1.2) / 10))
    else:
        for local in locals_:
            guessed = name_from_email(local)
            if guessed:
                name, conf["name"] = guessed, 0.5
                break

    # --- title: the title line nearest the name
    title = ""
    if title_idx:
        pick = min(title_idx, key=lambda j: abs(j - name_idx) if name_idx >= 0 else j)
        if pick != name_idx:
            title = correct_title_spelling(trim_debris(lines[pick].text))
            nearness = 0.9 if abs(pick - name_idx) == 1 else 0.6
            conf["title"] = min(1.0, lines[pick].conf / 100) * nearness
            used.add(pick)

    # --- company
    best_company: tuple[float, int] | None = None
    for i, line in enumerate(lines):
        if i in used or i == name_idx or not _line_ok(line):
            continue
        text = line.text
        if "@" in text or len(re.findall(r"\d", text)) >= 4 or len(text.split()) > 8:
            continue
        score = 0.0
        legal = bool(LEGAL_FORM_RE.search(text))
        domain_match = _company_evidence(text, domains)
        letters = sum(ch.isalpha() for ch in text)
        # Logos and pictures make short, shaky fragments ("oy", "VISA" from a card logo): a
        # company needs readable words unless a legal form or the domain vouches for it.
        if not (legal or domain_match >= 0.85) and (
            letters < 4 or line.conf < 60 or letters < 0.6 * len(text.replace(" ", ""))
        ):
            continue
        if legal:
            score += 3.0
        score += 2.5 * domain_match
        if max_h:
            score += 2.0 * line.height / max_h
        if ADDRESS_WORDS_RE.search(text):
            score -= 1.5
        if len(text.split()) > 5:
            score -= 1.0
        score += (line.conf - 70) / 50
        if best_company is None or score > best_company[0]:
            best_company = (score, i)
    company = ""
    if best_company is not None and best_company[0] >= 1.0:
        first = best_company[1]
        company = trim_debris(lines[first].text)
        after = first + 1
        if (after < len(lines) and after not in used and after != name_idx
                and _continues_company(lines[first], lines[after])):
            company = f"{company} {trim_debris(lines[after].text)}"
            used.add(after)
        conf["company"] = max(0.2, min(1.0, best_company[0] / 5))

    fields = CardFields(
        name=name, title=title, company=company, emails=tuple(emails),
        phones=tuple(phone_numbers), websites=tuple(websites), address=address,
    )
    return fields, {k: round(v, 3) for k, v in conf.items()}


def parse_card_text(text: str, region: str | None = "DE") -> CardFields:
    """Fields from plain text, one card line per text line (no geometry or confidence)."""
    return parse_lines([TextLine(line) for line in text.splitlines()], region)[0]
