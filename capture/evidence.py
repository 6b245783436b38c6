"""What a card's e-mail addresses and websites say about the person's and the firm's names."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from capture.contacts import MAIL_PROVIDERS
from capture.vocabulary import BUSINESS_WORDS, NAME_PARTICLES, ROLE_MAILBOXES, fold, folded_words

# Sites that host many firms: the firm's name is in the path ("facebook.com/acmebakery").
HOSTING_SITES = {"facebook", "instagram", "linkedin", "cargocollective", "behance", "twitter",
                 "youtube", "wa", "x"}
GENERIC_DOMAINS = set(MAIL_PROVIDERS) | {"me", "mail", "proton", "protonmail", "zoho", "ymail"}


def _core(label: str) -> str:
    """A domain label as the parser compares it: lower case, letters and hyphens only."""
    return re.sub(r"[^a-z-]", "", label.lower()).strip("-")


def _host_core(site: str) -> str:
    """ "https://www.acme-bakery.de/team" → "acme-bakery"; a hosting site gives its path."""
    site = re.sub(r"^(https?://)?(www\.)?", "", site.lower())
    host, _, path = site.partition("/")
    core = host.split(".")[0]
    if core in HOSTING_SITES:
        core = path.split("/")[0]
    return _core(core)


def company_domains(emails: Sequence[str], websites: Sequence[str]) -> list[str]:
    """Names the card's domains give its firm: "feser-graf.de" → "feser-graf".

    A free-mail address says nothing by its domain, but its local part often names the shop
    ("floresnsfatima@hotmail.com"); those count too, role mailboxes ("contato@") do not.
    """
    words: list[str] = []
    for email in emails:
        local, _, domain = email.partition("@")
        core = domain.split(".")[0]
        if core in GENERIC_DOMAINS:
            core = local
        if fold(core) not in ROLE_MAILBOXES:
            words.append(_core(core))
    words += [_host_core(site) for site in websites]
    return list(dict.fromkeys(w for w in words if len(fold(w)) >= 3))


def personal_locals(emails: Sequence[str], websites: Sequence[str]) -> list[str]:
    """Local parts that may name a person: not "info@", not the firm's own name ("acme@acme.de")."""
    firm = [fold(_host_core(site)) for site in websites] + [
        fold(e.partition("@")[2].split(".")[0]) for e in emails]
    firm = [f for f in firm if len(f) >= 3 and f not in GENERIC_DOMAINS]
    locals_ = []
    for email in emails:
        local = email.partition("@")[0]
        folded = fold(local)
        if not folded or folded in ROLE_MAILBOXES:
            continue
        if any(folded in f or f in folded for f in firm):
            continue
        if re.fullmatch(r"[a-z0-9]+", local.lower()) and any(
                len(w) >= 5 and w in folded for w in BUSINESS_WORDS):
            continue  # "floresnsfatima@…", "dimariorestaurante@…": a shop's mailbox
        locals_.append(local)
    return locals_


def _prefix_hits(words: list[str], local: str) -> int:
    """How many name words start a piece of `local`: "ricknog" holds "ric…" and "nog…"."""
    return sum(1 for w in words if len(w) >= 3 and w[:3] in local)


def email_name_evidence(words: Sequence[str], locals_: Sequence[str]) -> float:
    """How strongly the e-mail local parts confirm a candidate name (0..1)."""
    best = 0.0
    folded = [fold(w) for w in words if fold(w) and w.lower() not in NAME_PARTICLES]
    for local in locals_:
        local_f = fold(local)
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
        elif len(folded) >= 2 and _prefix_hits(folded, local_f) >= 2 and len(local_f) >= 6:
            best = max(best, 0.8)  # "ricknog" for Ricardo Nogueira
        elif len(local_f) >= 4 and any(local_f in w for w in folded):
            best = max(best, 0.7)  # a nickname inside the name: "guina" in "Aguinaldo"
        elif len(folded) >= 2 and local_f.startswith(initials):
            best = max(best, 0.4)
    return best


def name_from_email(local: str) -> str:
    """ "jane.doe" → "Jane Doe"; "" when the local part is not clearly a first and last name."""
    parts = [p for p in re.split(r"[._\-]", local) if p]
    if len(parts) == 2 and all(p.isalpha() and len(p) >= 2 for p in parts):
        return " ".join(p.capitalize() for p in parts)
    return ""


def company_evidence(text: str, domains: Sequence[str]) -> float:
    """0..1: how well a line matches a name the domains give the firm; more cover, more weight.

    A word of the line that is one part of a hyphenated domain ("Graf" for feser-graf.de)
    counts half.
    """
    folded = fold(text)
    if len(folded) < 3:
        return 0.0
    best = 0.0
    words = set(folded_words(text))
    for core in domains:
        dom = fold(core)
        parts = [fold(p) for p in core.split("-") if len(fold(p)) >= 3]
        if len(parts) >= 2 and words & set(parts):
            best = max(best, 0.5)
        if folded == dom:
            return 1.0
        if dom in folded:
            best = max(best, 0.6 + 0.4 * len(dom) / len(folded))
        elif folded in dom and len(folded) >= 4:
            best = max(best, 0.5 + 0.5 * len(folded) / len(dom))
        elif min(len(folded), len(dom)) >= 5:
            best = max(best, 1.5 * (fuzz.partial_ratio(folded, dom) / 100 - 0.6))
    return best


def names_domain(text: str, domains: Sequence[str]) -> bool:
    """Whether a line is, nearly letter for letter, the name a domain gives the firm."""
    folded = fold(text)
    doms = [fold(core) for core in domains]
    return len(folded) >= 3 and any(
        folded == dom
        or (folded in dom and len(folded) >= 0.6 * len(dom))
        or (dom in folded and len(dom) >= 0.6 * len(folded))
        for dom in doms if dom
    )


def domain_company_name(emails: Sequence[str], websites: Sequence[str]) -> str:
    """A firm's name two addresses agree on ("liderfrio@…" and "liderfriorefrigeracao.com"), or "".

    Only for a card where no line names the firm: the shared start of an e-mail's name and a
    website's, capitalised.
    """
    mail = [fold(core) for core in company_domains(emails, [])]
    sites = [fold(core) for core in company_domains([], websites)]
    for a in mail:
        for b in sites:
            n = 0
            while n < min(len(a), len(b)) and a[n] == b[n]:
                n += 1
            if n >= 5 and n >= 0.6 * min(len(a), len(b)):
                return a[:n].capitalize()
    return ""
