"""The field parser on each kind of card layout that misled it, in PP-OCRv6's shape.

Every line is one detected text line: (text, recogniser score × 100, box height in px on a card
about 1600 px wide, top in px). The people, firms and numbers are invented.
"""

from __future__ import annotations

import pytest

from capture.fields import TextLine, parse_lines
from capture.vocabulary import has_title_word, is_slogan

Row = tuple[str, float, float, float]


def _read(rows: list[Row], region: str = "DE"):
    return parse_lines([TextLine(*row) for row in rows], region)[0]


# --- a firm's name over two lines, a legal form on its own line ----------------------------------


def test_company_over_two_lines_in_the_same_type_portuguese() -> None:
    fields = _read([
        ("MARCENARIA", 98.0, 120.0, 40),
        ("IRMÃOS TAVARES", 99.1, 112.0, 170),
        ("Móveis sob medida", 97.5, 60.0, 300),
        ("Tel: (11) 2345-6789", 99.0, 62.5, 420),
    ], "BR")
    assert fields.company == "MARCENARIA IRMÃOS TAVARES"
    assert fields.name == ""  # the second line belongs to the firm's name


def test_company_over_two_lines_in_the_same_type_german() -> None:
    fields = _read([
        ("Schreinerei", 99.5, 110.0, 60),
        ("Albrecht & Söhne", 98.7, 104.0, 180),
        ("Tobias Albrecht", 99.8, 62.5, 420),
        ("Inhaber", 99.0, 52.5, 480),
        ("Tel. 0911 1234567", 99.9, 57.5, 600),
    ])
    assert fields.company == "Schreinerei Albrecht & Söhne"
    assert fields.name == "Tobias Albrecht"
    assert fields.title == "Inhaber"


def test_display_lines_with_a_number_between_them_make_one_name() -> None:
    fields = _read([("TRANSPORTES", 99.0, 150.0, 100), ("2000", 100.0, 195.0, 290),
                    ("Estrelas", 93.0, 245.0, 440)], "BR")
    assert fields.company == "TRANSPORTES 2000 Estrelas"
    assert fields.phones == ()


@pytest.mark.parametrize(("name", "form"), [
    ("Kessler Haustechnik", "GmbH"), ("Vidraçaria Horizonte", "Ltda."),
    ("Brightwater Analytics", "Inc."), ("Construtora Pereira", "S.A."),
])
def test_a_legal_form_on_its_own_line_joins_its_name(name: str, form: str) -> None:
    fields = _read([
        (name, 99.2, 95.0, 80), (form, 99.6, 55.0, 190),
        ("Jane Holloway", 99.9, 62.5, 400), ("Tel. +49 30 1234567", 99.0, 57.5, 520),
    ])
    assert fields.company == f"{name} {form}"


def test_a_legal_form_alone_is_never_the_company() -> None:
    fields = _read([("S.A.", 99.0, 180.0, 20), ("Rua das Acácias, 120", 98.0, 57.5, 300),
                    ("Tel: (11) 3456-7890", 99.0, 57.5, 360)], "BR")
    assert fields.company == ""


# --- address openings and slogans ----------------------------------------------------------------


@pytest.mark.parametrize(("region", "rows", "company"), [
    ("BR", [("VITRALE", 99.5, 130.0, 50), ("Edifício Atlântico", 99.0, 70.0, 400),
            ("Av. Brasil, 1200 - Sala 43", 98.5, 57.5, 470), ("CEP 01430-001", 99.0, 57.5, 530)],
     "VITRALE"),
    ("DE", [("Gewerbepark Nord", 99.4, 70.0, 420), ("Industriestraße 12", 99.0, 57.5, 480),
            ("90411 Nürnberg", 99.8, 57.5, 540), ("ORTLIEB", 99.9, 60.0, 100)], "ORTLIEB"),
])
def test_an_opening_line_of_the_address_is_not_a_company(region, rows, company) -> None:
    assert _read(rows, region).company == company


@pytest.mark.parametrize(("region", "slogan", "firm"), [
    ("BR", "Trabalhamos com todas as marcas", "Refrigeração Polar"),
    ("BR", "Qualidade e Confiança", "Ótica Girassol"),
    ("US", "Since 1998", "Marigold Florists"),
    ("GB", "By Appointment", "Hartley Tailoring"),
    ("DE", "Seit 1987 für Sie da", "Bäckerei Lindner"),
])
def test_a_slogan_is_never_the_company_or_the_name(region, slogan, firm) -> None:
    # The slogan is set bigger than the firm's name and looks like a name in title case.
    fields = _read([(slogan, 99.5, 140.0, 40), (firm, 99.0, 80.0, 220),
                    ("Tel. +49 30 7654321", 99.0, 57.5, 400)], region)
    assert fields.company == firm
    assert fields.name == ""
    assert is_slogan(slogan)


# --- the firm from all the evidence --------------------------------------------------------------


def test_the_line_the_domain_names_wins_over_bigger_type() -> None:
    fields = _read([
        ("Zimmerei und Holzbau", 99.0, 95.0, 40), ("WEBERHOLZ", 100.0, 70.0, 170),
        ("Markus Weber", 99.8, 60.0, 330), ("m.weber@weber-holz.de", 100.0, 57.5, 400),
        ("www.weber-holz.de", 100.0, 57.5, 460),
    ])
    assert fields.company == "WEBERHOLZ"
    assert fields.name == "Markus Weber"  # shares letters with the domain: no penalty


def test_a_legal_name_beats_the_logo_the_domain_spells() -> None:
    fields = _read([
        ("KRONENBRAND", 100.0, 82.5, 180), ("Paul Kronenberg", 99.9, 60.0, 360),
        ("Serviceberater", 100.0, 62.5, 410), ("paul.kronenberg@kronen-brand.de", 100, 57.5, 670),
        ("Autohaus Kronen GmbH", 96.9, 60.0, 725), ("Heideweg 4", 99.9, 57.5, 790),
        ("91054 Erlangen", 100.0, 60.0, 850), ("www.kronen-brand.de", 100.0, 62.5, 910),
    ])
    assert fields.company == "Autohaus Kronen GmbH"
    assert fields.name == "Paul Kronenberg"
    assert fields.title == "Serviceberater"


@pytest.mark.parametrize(("region", "rows", "company"), [
    # The domain spells both lines.
    ("BR", [("Marola", 100.0, 145.0, 0), ("Buffet", 100.0, 232.5, 130),
            ("e eventos", 96.9, 177.5, 170), ("Paulo Souza", 100.0, 75.0, 430),
            ("(11) 9876-5432", 99.9, 80.0, 510), ("www.marolabuffet.com.br", 100.0, 75.0, 720),
            ("marola@r7.com", 100.0, 80.0, 725)], "Marola Buffet"),
    # A trade word under the logo word ends the name; a tagline does not.
    ("BR", [("lumo", 95.6, 540.0, 120), ("design", 100.0, 140.0, 510)], "lumo design"),
    ("BR", [("Rafael Dantas", 100.0, 100.0, 90), ("Diretor Comercial", 98.5, 75.0, 180),
            ("CORVAL", 100.0, 92.5, 290), ("IT Solutions", 99.2, 50.0, 400),
            ("rafael.dantas@corval.com.br", 100.0, 75.0, 480)], "CORVAL IT Solutions"),
    ("BR", [("AUTO SOCORRO", 98.1, 115.0, 118), ("R. MENDES", 100.0, 70.0, 258),
            ("Aceitamos os cartões", 98.3, 50.0, 375), ("Tel 11 98765-4321", 98.6, 65.0, 712)],
     "AUTO SOCORRO R. MENDES"),
    ("US", [("Gallagher Motors", 99.0, 90.0, 50), ("Since 1972", 99.0, 50.0, 160),
            ("Tel. (650) 253-0000", 99.0, 50.0, 300)], "Gallagher Motors"),
    # The free-mail address of a shop names it; its words are spread over three lines.
    ("BR", [("Flores", 96.3, 235.0, 68), ("Bela Vista", 97.4, 185.0, 322),
            ("do Sul", 99.8, 182.5, 500), ("Tel: (11) 2345-6789", 97.8, 105.0, 720),
            ("floresbelavistadosul@hotmail.com", 100.0, 72.5, 800)], "Flores Bela Vista do Sul"),
])
def test_company_from_all_the_evidence(region, rows, company) -> None:
    assert _read(rows, region).company == company


def test_a_nickname_in_brackets_is_not_the_company() -> None:
    fields = _read([
        ("Cartório Azevedo de Registro Civil", 95.3, 57.5, 125), ("(Beto)", 100.0, 77.5, 352),
        ("Roberto Lins Azevedo", 98.1, 65.0, 420), ("Escrevente Autorizado", 97.8, 50.0, 490),
        ("Cel.: 11 99876-5432 e-mail: beto@cartorioazevedo.not.br", 98.7, 57.5, 758),
    ], "BR")
    assert fields.company == "Cartório Azevedo de Registro Civil"
    assert fields.name == "Roberto Lins Azevedo"
    assert fields.title == "Escrevente Autorizado"


def test_when_no_line_names_the_firm_the_addresses_do() -> None:
    fields = _read([
        ("Electrolux Brastemp Consul", 96.8, 67.5, 210),
        ("Trabalhamos com todas as marcas", 96.7, 65.0, 378),
        ("Tel:(11)2747-1234", 99.6, 102.5, 458), ("polarfrio.com.br", 99.7, 65.0, 578),
        ("E-mail:polarfrio@terra.com.br", 100.0, 70.0, 645),
    ], "BR")
    assert fields.company == "Polarfrio"


# --- names and titles ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "name", "title"), [
    ("Marcus Ellery Founder & CEO", "Marcus Ellery", "Founder & CEO"),
    ("Katrin Vollmer – Geschäftsführerin", "Katrin Vollmer", "Geschäftsführerin"),
    ("Joana Prado Sócia-Proprietária", "Joana Prado", "Sócia-Proprietária"),
    ("Luis Fontana, Owner", "Luis Fontana", "Owner"),
])
def test_name_and_title_on_one_line_are_split(text: str, name: str, title: str) -> None:
    fields = _read([("HALCYON", 99.0, 120.0, 40), (text, 99.0, 62.5, 300),
                    ("Tel. +49 30 1234567", 99.0, 57.5, 400)])
    assert (fields.name, fields.title) == (name, title)
    assert fields.company == "HALCYON"


def test_a_lower_case_name_is_accepted_when_the_email_confirms_it() -> None:
    fields = _read([("ashdown studio", 99.0, 120.0, 40), ("carol ashdown", 99.5, 60.0, 250),
                    ("carol@ashdownstudio.co.uk", 100.0, 55.0, 320)], "GB")
    assert fields.name == "Carol Ashdown"
    assert fields.company == "ashdown studio"


def test_a_lower_case_name_is_accepted_beside_a_title() -> None:
    fields = _read([("tomás lemos", 99.5, 65.0, 250), ("designer gráfico", 99.0, 55.0, 320),
                    ("Cel. 11 98765-4321", 99.0, 55.0, 400)], "BR")
    assert fields.name == "Tomás Lemos"
    assert fields.title == "designer gráfico"


def test_a_lower_case_line_without_support_is_no_name() -> None:
    fields = _read([("bom apetite", 99.5, 65.0, 250), ("Cel. 11 98765-4321", 99.0, 55.0, 400)],
                   "BR")
    assert fields.name == ""


@pytest.mark.parametrize("title", [
    "Owner", "Apprentice", "Inhaber", "Inhaberin", "Geschäftsführer", "Auszubildende",
    "Sócio", "Sócia-Proprietária", "Diretor Financeiro", "Fundadora", "Estagiária",
])
def test_title_vocabulary_in_three_languages(title: str) -> None:
    assert has_title_word(title)
    fields = _read([("Nina Castell", 99.0, 65.0, 200), (title, 99.0, 52.5, 270),
                    ("Tel. 0911 1234567", 99.0, 55.0, 400)])
    assert fields.name == "Nina Castell"
    assert fields.title == title


def test_surname_in_the_firms_domain_is_no_penalty() -> None:
    fields = _read([
        ("Brandt Logistik GmbH", 99.0, 80.0, 50), ("Lena Brandt", 99.5, 62.5, 250),
        ("info@brandt-logistik.de", 100.0, 55.0, 400), ("Tel. 040 1234567", 99.0, 55.0, 460),
    ])
    assert fields.name == "Lena Brandt"
    assert fields.company == "Brandt Logistik GmbH"


def test_the_email_local_part_is_evidence_for_the_name() -> None:
    # "rodval" holds the starts of both names; "Projetos Especiais" is set just like a name.
    fields = _read([
        ("Projetos Especiais", 99.7, 62.5, 590), ("Rodrigo Valente", 100.0, 62.5, 320),
        ("Tel.: 11 6909-1234", 99.9, 52.5, 825), ("rodval77@gmail.com", 97.2, 52.5, 948),
    ], "BR")
    assert fields.name == "Rodrigo Valente"


def test_a_shops_mailbox_is_no_evidence_for_a_person() -> None:
    # "marola@" is the firm's name (its website says so), not the person's.
    fields = _read([
        ("Marola", 100.0, 145.0, 0), ("Paulo Souza", 100.0, 75.0, 430),
        ("(11) 9876-5432", 99.9, 80.0, 510), ("www.marolabuffet.com.br", 100.0, 75.0, 720),
        ("marola@r7.com", 100.0, 80.0, 725),
    ], "BR")
    assert fields.name == "Paulo Souza"
    assert fields.company == "Marola"


def test_two_people_on_one_card() -> None:
    fields = _read([("Vidrolar", 99.8, 90.0, 175), ("Rosa / Ana Lúcia", 98.1, 80.0, 568),
                    ("Tel: 2685-1234", 97.9, 82.5, 730)], "BR")
    assert fields.name == "Rosa / Ana Lúcia"
    assert fields.company == "Vidrolar"


# --- websites, e-mails and phones ----------------------------------------------------------------


def test_a_website_without_www_or_scheme() -> None:
    fields = _read([("BLUEFIN BISTRO", 99.0, 110.0, 40), ("bluefinbistro.com", 99.5, 57.5, 400),
                    ("(650) 253-0000", 99.0, 57.5, 460)], "US")
    assert fields.websites == ("bluefinbistro.com",)
    assert fields.company == "BLUEFIN BISTRO"


def test_an_email_split_over_two_boxes_is_no_website() -> None:
    fields = _read([("Lars Kemper", 99.0, 62.5, 200), ("lars@", 99.0, 55.0, 400),
                    ("kbm-technik.de", 99.0, 55.0, 400)])
    assert fields.emails == ("lars@kbm-technik.de",)
    assert fields.websites == ()
    assert fields.name == "Lars Kemper"


@pytest.mark.parametrize("street", ["Lindenstraße 180 · 80331 München",
                                    "Lindenstraße 180 80331 München"])
def test_a_street_number_and_postcode_are_no_phone(street: str) -> None:
    fields = _read([("Jana Roth", 99.0, 62.5, 100), (street, 99.0, 55.0, 300),
                    ("Tel. 089 1234567", 99.0, 55.0, 360)])
    assert fields.phones == ("+49891234567",)
    assert "80331" in fields.address


def test_an_unconfirmed_number_from_a_blurred_line_is_dropped() -> None:
    fields = _read([("121814-11-", 53.4, 82.5, 39), ("Tel: (11) 2345-6789", 99.0, 57.5, 300)],
                   "BR")
    assert fields.phones == ("+551123456789",)


def test_a_persons_name_under_a_brand_is_the_person() -> None:
    # Under a trade ("AUTO SOCORRO" / "R. MENDES") a name belongs to the shop; under a brand,
    # smaller, it is the person's.
    fields = _read([("QUILLON", 99.5, 110.0, 40), ("JOHN WHITAKER", 99.0, 75.0, 190),
                    ("Tel. +44 20 7946 0958", 99.0, 55.0, 400)], "GB")
    assert fields.company == "QUILLON"
    assert fields.name == "John Whitaker"


def test_a_surname_that_is_a_title_word_stays_a_name() -> None:
    fields = _read([("Thomas Kaufmann", 99.0, 70.0, 100), ("Inhaber", 99.0, 50.0, 170),
                    ("Kaufmann Elektrotechnik", 99.0, 90.0, 400),
                    ("Tel. 0711 1234567", 99.0, 45.0, 560)])
    assert (fields.name, fields.title) == ("Thomas Kaufmann", "Inhaber")
    assert fields.company == "Kaufmann Elektrotechnik"


# --- names in any Latin script, a bare domain on its own line, board titles ---------------------


def test_names_with_letters_beyond_latin_1() -> None:
    fields = _read([
        ("Kowalczyk Holzbau GmbH", 99.0, 90.0, 40),
        ("Łukasz Kowalczyk", 99.2, 62.5, 200),
        ("Geschäftsführer", 99.5, 50.0, 270),
        ("l.kowalczyk@kowalczyk-holzbau.de", 99.4, 45.0, 400),
    ])
    assert fields.name == "Łukasz Kowalczyk"
    # The recogniser may spell a Turkish ş with the Romanian comma below: still a name.
    assert _read([("Ayșe Demir", 98.0, 62.5, 100), ("Inhaberin", 99.0, 50.0, 170),
                  ("a.demir@demir-design.de", 99.0, 45.0, 300)]).name == "Ayșe Demir"


def test_a_bare_domain_alone_on_its_line_is_the_website_even_beside_the_same_e_mail() -> None:
    fields = _read([
        ("Marlow Bikes Inc.", 99.0, 90.0, 40),
        ("Jesse Marlow", 99.5, 62.5, 200),
        ("jesse@marlowbikes.com", 99.5, 45.0, 330),
        ("marlowbikes.com", 99.7, 45.0, 380),
    ], "US")
    assert fields.websites == ("marlowbikes.com",)
    fields = _read([("Jesse Marlow", 99.5, 62.5, 200),
                    ("Web: marlowbikes.com", 99.0, 45.0, 380)], "US")
    assert fields.websites == ("marlowbikes.com",)


def test_board_titles_in_german() -> None:
    for title in ("Verwaltungsrat", "Aufsichtsrat", "Direktorin Vertrieb", "Präsident"):
        assert has_title_word(title), title
