"""The countries a card's own text points to, for phone numbers printed without a country code."""

from __future__ import annotations

import re
from collections.abc import Sequence

import phonenumbers

from capture.contacts import find_emails, find_websites

# How much one kind of evidence counts. A country named on the card or an address in its local
# form is strong; a number whose country is known (an international prefix, or a layout only
# the North American plan uses) is good; a domain is weak: a German firm may well run a .com
# and a Swiss subsidiary's .ch. Each kind counts once per country, so a card's e-mail address
# and website on the same domain are one signal, while a domain plus an address are two.
STRONG, GOOD, WEAK = 3, 2, 1

# Country names as printed on cards, local and English. "UK" and "USA" count in capitals only
# ("usa" is Portuguese for "uses"); "New Mexico" and "New England" are in the US.
COUNTRY_NAMES = {
    "deutschland": "DE", "germany": "DE", "österreich": "AT", "austria": "AT", "schweiz": "CH",
    "suisse": "CH", "svizzera": "CH", "switzerland": "CH", "brasil": "BR", "brazil": "BR",
    "united kingdom": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
    "uk": "GB", "usa": "US", "u.s.a.": "US", "united states": "US", "canada": "CA",
    "france": "FR", "italia": "IT", "italy": "IT", "españa": "ES", "spain": "ES",
    "nederland": "NL", "netherlands": "NL", "belgique": "BE", "belgium": "BE",
    "portugal": "PT", "polska": "PL", "poland": "PL", "japan": "JP", "australia": "AU",
    "méxico": "MX", "mexico": "MX", "argentina": "AR", "ireland": "IE",
}
COUNTRY_RE = re.compile(
    r"(?<![\w.-])(?<!new\s)(" + "|".join(map(re.escape, COUNTRY_NAMES)) + r")(?![\w-])",
    re.IGNORECASE,
)
# Country-code domains that mostly mean a firm in that country. Generic domains (.com, and so
# gmail.com) and vanity ones sold worldwide (.io .co .ai .tv .me) say nothing.
TLD_REGIONS = {
    "de": "DE", "at": "AT", "ch": "CH", "br": "BR", "uk": "GB", "fr": "FR", "it": "IT",
    "es": "ES", "nl": "NL", "be": "BE", "pt": "PT", "pl": "PL", "se": "SE", "dk": "DK",
    "no": "NO", "fi": "FI", "ie": "IE", "lu": "LU", "jp": "JP", "au": "AU", "ca": "CA",
    "mx": "MX", "ar": "AR", "cl": "CL", "us": "US",
}
US_STATES = ("AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|"
             "NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY")
# Without a ZIP after it, "Berlin, DE", "Toronto, CA" or "Campo Grande, MS" (a Brazilian state)
# is no US state, and "IN", "ME", "OR" may be words.
US_STATES_WITHOUT_ZIP = set(US_STATES.split("|")) - {
    "AL", "CA", "DE", "IN", "MA", "ME", "MS", "MT", "OR", "PA", "SC"}
US_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming"
)
US_ZIP_RE = re.compile(rf"\b(?:{US_STATES})\s+\d{{5}}(?:-\d{{4}})?(?!\d)")
US_STATE_RE = re.compile(rf"[^\W\d_.],\s*(?:({US_STATE_NAMES})|([A-Z]{{2}}))\b(?![\w-])")
CA_POSTCODE_RE = re.compile(
    r"\b(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT|Alberta|British Columbia|Manitoba|Ontario|"
    r"New Brunswick|Nova Scotia|Qu[ée]bec|Saskatchewan)[,\s]+[A-Z]\d[A-Z]\s?\d[A-Z]\d\b"
)
# "(703) 488-2500", "703-488-2500", "703.488.2500": area code and exchange never start with
# 0 or 1, which keeps out German "(0911) 123-4567" and Brazilian "(11) 3241-0322".
NANP_RE = re.compile(r"(?<![\d+])(?:\([2-9]\d\d\)\s?|[2-9]\d\d[-.])[2-9]\d\d[-.]\d{4}(?!\d)")
INTERNATIONAL_RE = re.compile(r"(?<![\w+])\+\s?(\d[\d\s().\-]{5,}\d)")
BR_STATE_RE = re.compile(  # "São Paulo - SP"
    r"\s[-–]\s?(?:AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|"
    r"SE|TO)\b(?![\w-])"
)
# A CEP, labelled, or bare but not the tail of a phone number ("Fax 0911 99713-399").
CEP_LABELLED_RE = re.compile(r"\bCEP\b[:.\s]*\d{5}-?\d{3}(?!\d)", re.IGNORECASE)
CEP_BARE_RE = re.compile(r"(?<!\d)(?<!\d[\s./-])\d{5}-\d{3}(?![\d-])")
PHONE_LABEL_RE = re.compile(r"\b(tel|fax|fon|phone|mobil|handy|cel)", re.IGNORECASE)
BR_STREET_RE = re.compile(r"(?i)\b(?:rua|r\.|av\.|avenida|alameda|travessa|praça|rodovia)\s")
# A German address: a street on one line and "90763 Fürth" on it or another. Five digits and
# a city alone could be French, Italian or Spanish; "D-90763" alone is German.
DE_STREET_RE = re.compile(r"(?i)(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm)\s*\d")
DE_POSTCODE_RE = re.compile(r"(?<![\d-])\d{5}\s+[A-ZÄÖÜ][a-zäöüß]")
PREFIXED_POSTCODE_RE = re.compile(r"\b(CH|A|D)-\d{4,5}\s+[A-ZÄÖÜ]")
PREFIX_REGIONS = {"CH": "CH", "A": "AT", "D": "DE"}
# Swiss and Austrian postcodes both have four digits; the city after one tells them apart.
POSTCODE4_RE = re.compile(r"(?<![\d-])\d{4}\s+(St\.\s?Gallen|[^\W\d_]+)")
POSTCODE4_CITIES = {
    "zürich": "CH", "zurich": "CH", "bern": "CH", "basel": "CH", "genève": "CH",
    "geneva": "CH", "genf": "CH", "lausanne": "CH", "luzern": "CH", "lugano": "CH",
    "winterthur": "CH", "zug": "CH", "st. gallen": "CH", "st.gallen": "CH", "wien": "AT",
    "vienna": "AT", "graz": "AT", "linz": "AT", "salzburg": "AT", "innsbruck": "AT",
}
UK_POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b")


def _calling_region(digits: str) -> str | None:
    """The main region of the country code that `digits` starts with (codes are prefix-free)."""
    if digits.startswith("0"):
        return None
    for length in (1, 2, 3):
        region = phonenumbers.region_code_for_country_code(int(digits[:length]))
        if region in phonenumbers.SUPPORTED_REGIONS:
            return str(region)
    return None


def _nanp_region(text: str) -> str | None:
    """"US" or "CA" for a number valid in the North American plan, else None."""
    try:
        number = phonenumbers.parse(text, "US")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.region_code_for_number(number)


def _line_evidence(text: str) -> list[tuple[str, str, int]]:
    """(kind, region, weight) for what one line says about the card's country."""
    found: list[tuple[str, str, int]] = []
    for match in COUNTRY_RE.finditer(text):
        word = match.group(1)
        if len(word) > 3 or word.isupper():
            found.append(("name", COUNTRY_NAMES[word.lower()], STRONG))
    if US_ZIP_RE.search(text):
        found.append(("address", "US", STRONG))
    for match in US_STATE_RE.finditer(text):
        if match.group(1) or match.group(2) in US_STATES_WITHOUT_ZIP:
            found.append(("address", "US", STRONG if match.group(1) else GOOD))
    if CA_POSTCODE_RE.search(text):
        found.append(("address", "CA", STRONG))
    if UK_POSTCODE_RE.search(text):
        found.append(("address", "GB", STRONG))
    for match in PREFIXED_POSTCODE_RE.finditer(text):
        found.append(("address", PREFIX_REGIONS[match.group(1)], STRONG))
    for match in POSTCODE4_RE.finditer(text):
        city = POSTCODE4_CITIES.get(match.group(1).lower())
        if city:
            found.append(("address", city, STRONG))
    if CEP_LABELLED_RE.search(text):
        found.append(("address", "BR", STRONG))
    elif CEP_BARE_RE.search(text) and not PHONE_LABEL_RE.search(text):
        found.append(("address", "BR", GOOD))
    if BR_STATE_RE.search(text):
        found.append(("state", "BR", GOOD))
    if BR_STREET_RE.search(text):
        found.append(("street", "BR", WEAK))
    for match in INTERNATIONAL_RE.finditer(text):
        digits = re.sub(r"\D", "", match.group(1))
        region = _calling_region(digits) if len(digits) >= 8 else None
        if region:
            found.append(("number", region, GOOD))
    for match in NANP_RE.finditer(text):
        if re.search(r"\+\s?\d{1,3}[\s.-]*$", text[: match.start()]):
            continue  # "+44 (207) …": the layout belongs to the country code before it
        region = _nanp_region(match.group(0))
        if region:
            found.append(("number", region, GOOD))
    return found


def card_regions(lines: Sequence[str], fallback: str | None) -> tuple[str, ...]:
    """Regions to try for numbers printed without a country code, most likely first.

    The fallback (the user's setting) counts only on a card that points nowhere: where the
    card names a country, a number its plan rejects is a misread one, and the home plan would
    accept it all the same (the German plan holds almost any run of digits), so it is kept as
    printed and marked doubtful instead of becoming a wrong +49 number.
    """
    evidence: dict[tuple[str, str], int] = {}
    for text in lines:
        for kind, region, weight in _line_evidence(text):
            evidence[kind, region] = max(weight, evidence.get((kind, region), 0))
    if any(DE_STREET_RE.search(t) for t in lines) and any(DE_POSTCODE_RE.search(t)
                                                          for t in lines):
        evidence["address", "DE"] = STRONG
    hosts = [e.split("@", 1)[1] for t in lines for e in find_emails(t)]
    hosts += [re.sub(r"^(https?://)?", "", w).split("/")[0] for t in lines
              for w in find_websites(t)]
    for host in hosts:
        tld_region = TLD_REGIONS.get(host.rsplit(".", 1)[-1])
        if tld_region:
            evidence["domain", tld_region] = WEAK
    scores: dict[str, int] = {}
    for (_, region), weight in evidence.items():
        scores[region] = scores.get(region, 0) + weight
    home = fallback.strip().upper() if fallback and fallback.strip() else None
    # Ties go to the user's own region, then to the evidence found first.
    ranked = sorted(scores, key=lambda region: (-scores[region], region != home))
    if home and not ranked:
        ranked.append(home)
    return tuple(ranked)
