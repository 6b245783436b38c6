"""Phone numbers printed without a country code take their country from the card's own text."""

from __future__ import annotations

import pytest

from capture.contacts import find_phones
from capture.fields import TextLine, parse_lines
from capture.region import card_regions

# Invented people and firms; each card is read by a user whose region setting is "DE".
US_CARD = ["Dana Whitfield", "Quillfeather Labs Inc.",
           "1600 Amphitheatre Pkwy, Mountain View, CA 94043", "Tel. (650) 253-0000",
           "dana.whitfield@quillfeather.com"]
CANADIAN_CARD = ["Marc Tremblay", "Northpine Outfitters Ltd.",
                 "250 Harbour Rd, Moncton, NB E1C 4B5", "Tel. 506-234-5678"]
BRAZILIAN_CARD = ["Joana Prado", "Diretora Comercial", "Av. Paulista, 1000 - São Paulo - SP",
                  "CEP 01310-100", "Tel. (11) 3241-0322", "Cel. 11 99679-9468",
                  "joana.prado@empresa.com.br"]
SWISS_CARD = ["Urs Brunner", "Bahnhofstrasse 1, CH-8001 Zürich", "Tel. 044 668 18 00"]
GERMAN_CARD = ["Lena Vogt", "Georg-Benda-Straße 1, 90763 Fürth", "Tel. 0911 1234567"]
UK_CARD = ["Oliver Pennington", "2 Kingdom Street, London W2 6BD", "Tel. 020 7946 0958",
           "oliver@pennington-design.co.uk"]


def _numbers(lines: list[str], fallback: str | None = "DE") -> list[str]:
    regions = card_regions(lines, fallback)
    return [phone.number for i, text in enumerate(lines) for phone in find_phones(text, regions, i)]


@pytest.mark.parametrize(
    ("lines", "first_region", "numbers"),
    [
        (US_CARD, "US", ["+16502530000"]),
        (CANADIAN_CARD, "CA", ["+15062345678"]),
        (BRAZILIAN_CARD, "BR", ["+551132410322", "+5511996799468"]),
        (SWISS_CARD, "CH", ["+41446681800"]),
        (GERMAN_CARD, "DE", ["+499111234567"]),
        (UK_CARD, "GB", ["+442079460958"]),
    ],
    ids=["us", "canada", "brazil", "switzerland", "germany", "uk"],
)
def test_the_card_decides_the_country(lines: list[str], first_region: str,
                                      numbers: list[str]) -> None:
    regions = card_regions(lines, "DE")
    assert regions[0] == first_region
    # The setting counts only where the card points nowhere: on a foreign card a number its
    # own plan rejects is a misread one, kept as printed rather than turned into +49.
    assert "DE" not in regions or first_region == "DE"
    assert _numbers(lines) == numbers


def test_a_country_code_domain_alone_is_evidence() -> None:
    # "02 1234 5678" is a valid German number too (Solingen): the .it address decides.
    lines = ["Giulia Bianchi", "Studio Bianchi", "giulia@studio-bianchi.it", "Tel. 02 1234 5678"]
    assert card_regions(lines, "DE") == ("IT",)
    assert _numbers(lines) == ["+390212345678"]


def test_free_mail_says_nothing_and_the_setting_is_used() -> None:
    lines = ["Jane Roe", "jane.roe@gmail.com", "Tel. 0911 99713-347"]
    assert card_regions(lines, "DE") == ("DE",)
    assert _numbers(lines) == ["+4991199713347"]
    assert card_regions(["Jane Roe", "Tel. (11) 2076 5555"], "br") == ("BR",)
    assert _numbers(["Jane Roe", "Tel. (11) 2076 5555"], "BR") == ["+551120765555"]
    assert card_regions(["Jane Roe"], None) == ()


def test_a_number_valid_nowhere_is_kept_as_printed_and_doubtful() -> None:
    phones = find_phones("Tel. 1234 5678", card_regions(["Tel. 1234 5678"], "DE"))
    assert [p.number for p in phones] == ["1234 5678"]
    assert phones[0].valid is False
    _, doubtful = parse_lines([TextLine("Jane Roe"), TextLine("Tel. 1234 5678")], "DE")
    _, sure = parse_lines([TextLine("Jane Roe"), TextLine("Tel. 0911 1234567")], "DE")
    assert 0 < doubtful["phones"] < sure["phones"]


def test_a_national_trunk_prefix_is_kept_when_kept_as_printed() -> None:
    # No evidence of Japan and no region: "03-3669-4662" stays as printed, leading 0 and all.
    phones = find_phones("TEL 03-3669-4662", None)
    assert [(p.number, p.valid) for p in phones] == [("03-3669-4662", False)]
    phones = find_phones("TEL 03-3669-4662", ("US",))  # possible there, but not valid
    assert [(p.number, p.valid) for p in phones] == [("03-3669-4662", False)]
    assert _numbers(["sato@kaisha-example.jp", "TEL 03-3669-4662"]) == ["+81336694662"]


def test_an_international_number_keeps_its_own_country() -> None:
    lines = ["Georg-Benda-Straße 1, 90763 Fürth", "Tel. +55 11 3241-0322", "Fax 0911 1234568"]
    assert card_regions(lines, "DE")[0] == "DE"  # an address beats one foreign number
    assert _numbers(lines) == ["+551132410322", "+499111234568"]
    assert find_phones("Tel. 0055 11 3241-0322", ("US",))[0].number == "+551132410322"


def test_the_numbers_own_layout_and_country_code_are_evidence() -> None:
    assert card_regions(["Tel. (703) 488-2500"], "DE") == ("US",)
    assert card_regions(["703.488.2500"], "DE") == ("US",)
    assert card_regions(["Tel. +41 44 668 18 00", "044 668 18 01"], "DE") == ("CH",)
    # German and Brazilian area codes in brackets are not North American.
    assert card_regions(["(0911) 123-4567", "(11) 3241-0322"], None) == ()


def test_several_signals_beat_one() -> None:
    lines = ["Rua Augusta, 200 - São Paulo - SP", "CEP 01305-000", "Brasil",
             "contato@exemplo-firma.de"]
    assert card_regions(lines, "DE") == ("BR", "DE")


def test_a_misread_number_on_a_foreign_card_stays_doubtful() -> None:
    # A misread digit: no US exchange starts with 0, yet the German plan takes it as +49…
    lines = [TextLine(text) for text in [*US_CARD[:3], "Tel. (650) 053-0000"]]
    fields, confidence = parse_lines(lines, "DE")
    assert fields.phones == ("(650) 053-0000",)
    assert confidence["phones"] < 0.6


def test_a_us_card_read_in_germany_never_gives_a_german_number() -> None:
    lines = [TextLine(text) for text in [*US_CARD, "Mobile 650.555.0199", "Fax (650) 253-0001"]]
    fields, _ = parse_lines(lines, "DE")
    assert fields.phones and not any(p.startswith("+49") for p in fields.phones)
    assert fields.phones[0] == "+16502530000"
