"""The field parser on recorded OCR output: lines as Tesseract gave them, with height and conf."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from capture import FIELD_NAMES, parse_card_text
from capture.fields import TextLine, correct_title_spelling, parse_lines, strip_honorifics
from storage.records import ContactDetails

# (text, mean word confidence, letter height px) in Tesseract's reading order.
GERMAN_CARD = [
    ("FESER % GRAF", 88, 38),
    ("Nutzfahrzeuge", 90, 18),
    ("Dipl.-Ing. Jürgen Weiß", 93, 30),
    ("Verkaufsberater Volkswagen Nutzfahrzeuge", 91, 22),
    ("Fax 0911 99713-399", 92, 20),
    ("Mobil 0171 2345678", 90, 20),
    ("juergen.weiss@feser-graf.de", 94, 20),
    ("Autohaus Wilhelm Graf GmbH", 92, 21),
    ("Georg-Benda-Straße 1", 91, 21),
    ("90763 Fürth", 93, 21),
    ("www.feser-graf.de", 95, 20),
]

ENGLISH_CARD = [
    ("Dr. Avery Smith, PhD", 91, 34),
    ("Senior Researcher", 90, 22),
    ("Cloud & AI Department", 88, 22),
    ("avery.smith@contoso.com", 93, 19),
    ("https://www.contoso.com", 92, 19),
    ("mob: +44 (0) 7911 123456", 90, 19),
    ("fax: +44 (0) 20 6789 2345", 89, 19),
    ("Contoso Inc.", 95, 48),
    ("2 Kingdom Street", 92, 20),
    ("Paddington, London, W2 6BD", 91, 20),
]


def _lines(rows: list[tuple[str, int, int]]) -> list[TextLine]:
    return [TextLine(text, conf, height, top=i * 40) for i, (text, conf, height) in enumerate(rows)]


def test_german_card_fields() -> None:
    fields, confidence = parse_lines(_lines(GERMAN_CARD), region="DE")
    assert fields.name == "Jürgen Weiß"  # umlaut and ß kept, degree dropped
    assert fields.title == "Verkaufsberater Volkswagen Nutzfahrzeuge"
    assert fields.company == "Autohaus Wilhelm Graf GmbH"
    assert fields.emails == ("juergen.weiss@feser-graf.de",)
    assert fields.websites == ("www.feser-graf.de",)
    # Both numbers are kept; the fax goes last, a person is rung on the mobile.
    assert fields.phones == ("+491712345678", "+499119971 3399".replace(" ", ""))
    assert "Georg-Benda-Straße 1" in fields.address and "90763" in fields.address
    assert set(confidence) == set(FIELD_NAMES)
    assert all(0.0 <= value <= 1.0 for value in confidence.values())
    assert confidence["name"] >= 0.8  # confirmed by the e-mail address


def test_english_card_fields() -> None:
    fields, confidence = parse_lines(_lines(ENGLISH_CARD), region="GB")
    assert fields.name == "Avery Smith"
    assert fields.title == "Senior Researcher"
    assert fields.company == "Contoso Inc."
    assert fields.emails == ("avery.smith@contoso.com",)
    assert fields.websites == ("https://www.contoso.com",)
    digits = ["".join(ch for ch in p if ch.isdigit()) for p in fields.phones]
    assert digits[0].endswith("7911123456")
    assert digits[-1].endswith("2067892345")  # the fax, last
    assert "W2 6BD" in fields.address
    assert confidence["emails"] > 0.8


def test_two_phones_on_one_line_are_split() -> None:
    fields = parse_card_text("Eletrônica ADACHI Ltda.\nFone: 2294-9484 / 9.9679-9468", region="BR")
    assert fields.company == "Eletrônica ADACHI Ltda."
    digits = ["".join(ch for ch in p if ch.isdigit()) for p in fields.phones]
    assert [d[-8:] for d in digits] == ["22949484", "96799468"]


def test_an_extension_stays_with_its_number() -> None:
    fields = parse_card_text("Sao Paulo - SP - Tel: 11 3241-0322 Ramal 240\nCel.: 11 99884-8929",
                             region="BR")
    assert fields.phones == ("+551132410322 ext. 240", "+5511998848929")
    assert parse_card_text("Tel. 030 1234567 x12", "DE").phones == ("+49301234567 ext. 12",)
    assert parse_card_text("Tel. 0911 12345 Durchwahl: 56", "DE").phones == (
        "+4991112345 ext. 56",)
    # A word after the number is not an extension.
    assert parse_card_text("Tel. 030 1234567 xylophon", "DE").phones == ("+49301234567",)


def test_a_mobile_number_whose_dot_was_read_as_a_comma() -> None:
    fields = parse_card_text("Fone: 2294-9484\n9,9679-9468", region="BR")
    assert fields.phones == ("2294-9484", "9.9679-9468")
    # Numbers in a list of house numbers are not joined.
    assert parse_card_text("Av. Rio das Pedras, 1553, 2449", "BR").phones == ()


def test_numbers_without_country_code_use_the_region() -> None:
    fields = parse_card_text("Jane Roe\nTel. (11) 2076 5555", region="BR")
    assert fields.phones == ("+551120765555",)
    fields = parse_card_text("Jane Roe\nTel. 0911 99713-347", region="DE")
    assert fields.phones == ("+4991199713347",)


def test_without_a_region_a_national_number_is_kept_as_printed() -> None:
    fields = parse_card_text("Jane Roe\nTel. 0911 99713-347", region=None)
    assert fields.phones == ("0911 99713-347",)


def test_postcodes_and_ids_are_not_phone_numbers() -> None:
    text = "Rua Padre João, 331 - Penha\nCEP: 03637-000\nCNPJ 12.345.678/0001-90\n90763 Fürth"
    assert parse_card_text(text, region="BR").phones == ()


def test_ocr_debris_is_not_listed_as_contact_data() -> None:
    fields = parse_card_text("3 9 2679-9868\nail.com\nTel 2294-9484", region="BR")
    assert fields.phones == ("2294-9484",)
    assert fields.websites == ()


def test_name_only_in_the_email() -> None:
    fields = parse_card_text("ACME Solutions GmbH\nmaria.schneider@acme-solutions.de\n"
                             "Tel +49 30 1234567", region="DE")
    assert fields.name == "Maria Schneider"
    assert fields.company == "ACME Solutions GmbH"


def test_all_caps_name_is_title_cased() -> None:
    lines = [TextLine("JENS BRANDSCHER", 92, 30), TextLine("GESCHÄFTSFÜHRER", 90, 20),
             TextLine("jens.brandscher@example.de", 92, 18), TextLine("Example AG", 90, 40)]
    fields, _ = parse_lines(lines, "DE")
    assert fields.name == "Jens Brandscher"
    assert fields.title == "GESCHÄFTSFÜHRER"
    assert fields.company == "Example AG"


def test_honorifics_and_degrees_stay_out_of_the_name() -> None:
    assert strip_honorifics("Prof. Dr. rer. nat. Anna Vogel") == "Anna Vogel"
    assert strip_honorifics("Dipl.-Ing. Jürgen Weiß") == "Jürgen Weiß"
    assert strip_honorifics("Mary Jones, MBA") == "Mary Jones"
    assert strip_honorifics("Herr Peter Groß") == "Peter Groß"


def test_portuguese_title_and_brazilian_company() -> None:
    lines = [TextLine("BELTIS IT Solutions", 85, 40), TextLine("Daniel Carlos", 90, 26),
             TextLine("Diretor Administrativo", 88, 18),
             TextLine("(11) 2076 5555", 90, 18), TextLine("(11) 9 9374 0268", 90, 18),
             TextLine("daniel.carlos@beltis.com.br", 91, 18),
             TextLine("www.beltis.com.br", 92, 18)]
    fields, _ = parse_lines(lines, "BR")
    assert fields.name == "Daniel Carlos"
    assert fields.title == "Diretor Administrativo"
    assert fields.company == "BELTIS IT Solutions"
    assert fields.phones == ("+551120765555", "+5511993740268")
    assert fields.websites == ("www.beltis.com.br",)


def test_title_is_cleaned_of_debris_and_one_misread_letter() -> None:
    lines = [TextLine("Ricardo Nogueira", 90, 30), TextLine("Sonsultor de marketing ~~ —", 80, 18),
             TextLine("Tel: 11 6909-6968", 90, 18)]
    fields, _ = parse_lines(lines, "BR")
    assert fields.title == "Consultor de marketing"
    # A plural or another word of a different length is left as printed.
    assert correct_title_spelling("Managers") == "Managers"
    assert correct_title_spelling("Escrevente Autorizada)") == "Escrevente Autorizada)"


def test_company_name_set_over_two_lines_in_the_same_type() -> None:
    lines = [TextLine("MECÂNICA, FUNILARIA E PINTURA", 91, 94),
             TextLine("FLÁVIO E VALDEQUE", 50, 100),
             TextLine("Pequenos Consertos em Parachoque", 89, 64),
             TextLine("Tel 2681-7485", 90, 60)]
    fields, _ = parse_lines(lines, "BR")
    assert fields.company == "MECÂNICA, FUNILARIA E PINTURA FLÁVIO E VALDEQUE"
    # A smaller line under a logo word is part of the name when the domain spells both...
    lines = [TextLine("VELOZ", 87, 98), TextLine("AUTO PEÇAS", 91, 50),
             TextLine("contato@autopecasveloz.com.br", 90, 54)]
    assert parse_lines(lines, "BR")[0].company == "VELOZ AUTO PEÇAS"
    # ...but a smaller tagline is not, nor is a line after a legal form.
    lines = [TextLine("RODAMAX", 87, 98), TextLine("PEÇAS ORIGINAIS FORD", 91, 40),
             TextLine("www.rodamax.com.br", 90, 54)]
    assert parse_lines(lines, "BR")[0].company == "RODAMAX"
    lines = [TextLine("CEASTEC S/C LTDA", 90, 60), TextLine("ELETRÔNICA GERAL", 90, 60),
             TextLine("Tel 2651-9589", 90, 30)]
    assert parse_lines(lines, "BR")[0].company == "CEASTEC S/C LTDA"


def test_ocr_damage_in_addresses_is_repaired() -> None:
    fields = parse_card_text("contact: jane.doe @ example.com\nfloresns@hotmail.som\n"
                             "ricknog39gmail.com", region="US")
    assert fields.emails == ("jane.doe@example.com", "floresns@hotmail.com")
    assert fields.websites == ()  # a mail address that lost its "@" is not a website


def test_addresses_in_several_countries() -> None:
    assert "8001 Zürich" in parse_card_text("Bahnhofstrasse 10\n8001 Zürich").address
    assert "WA 98052" in parse_card_text("One Microsoft Way\nRedmond, WA 98052", "US").address
    assert "01014-000" in parse_card_text("Rua Boa Vista, 254\nCEP 01014-000 São Paulo - SP",
                                          "BR").address


def test_empty_and_noise_give_empty_fields() -> None:
    assert parse_card_text("") == ContactDetails()
    fields = parse_card_text("~~ ,, ||\n.\n")
    assert fields.emails == () and fields.phones == () and fields.name == ""


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["DE", "BR", "US", None]))
def test_parser_never_raises_on_arbitrary_text(text: str, region: str | None) -> None:
    fields = parse_card_text(text, region)
    assert isinstance(fields, ContactDetails)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=60), st.floats(0, 100), st.floats(0, 200)),
                max_size=15))
def test_line_parser_gives_confidences_in_range(rows: list[tuple[str, float, float]]) -> None:
    _, confidence = parse_lines([TextLine(t, c, h) for t, c, h in rows], "DE")
    assert set(confidence) == set(FIELD_NAMES)
    assert all(0.0 <= v <= 1.0 for v in confidence.values())
