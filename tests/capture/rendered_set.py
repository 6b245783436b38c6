"""A labelled set of cards the project renders itself: German, English, US, Brazilian, Swiss.

Invented people and firms only. Each card is drawn flat, then photographed like a phone photo
(`photo_bytes`), at 12 megapixels when asked, so the benchmark can time the size phones upload.
Labels follow ../shared/cards/labels.json, so the same scoring applies to both sets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import cv2

from tests.capture.cards import CardSpec, encode, photograph, render_card


@dataclass(frozen=True)
class RenderedCard:
    id: str
    lines: tuple[tuple[str, int, bool], ...]
    label: dict[str, Any] = field(default_factory=dict)

    def spec(self) -> CardSpec:
        return CardSpec(self.lines)


def _card(card_id: str, lines: list[tuple[str, int, bool]], **label: Any) -> RenderedCard:
    full = {"name": "", "title": "", "company": "", "emails": [], "phones": [], "websites": [],
            **label}
    return RenderedCard(card_id, tuple(lines), full)


def _big(text: str) -> tuple[str, int, bool]:
    return (text, 44, True)


def _name(text: str) -> tuple[str, int, bool]:
    return (text, 38, True)


def _small(text: str) -> tuple[str, int, bool]:
    return (text, 27, False)


GAP = ("", 18, False)

GERMAN_CARDS = [
    _card("de-feldmann", [
        _big("Feldmann & Söhne GmbH & Co. KG"), GAP, _name("Dr. Jürgen Weiß"),
        _small("Geschäftsführer"), GAP, _small("Tel. 0911 1234567"),
        _small("juergen.weiss@feldmann-soehne.de"), _small("www.feldmann-soehne.de"),
        _small("Georg-Benda-Straße 1, 90763 Fürth"),
    ], name="Jürgen Weiß", title="Geschäftsführer", company="Feldmann & Söhne GmbH & Co. KG",
        emails=["juergen.weiss@feldmann-soehne.de"], phones=["+499111234567"],
        websites=["www.feldmann-soehne.de"], country_hint="DE"),
    _card("de-kessler", [
        _big("Keßler Anlagenbau AG"), GAP, _name("Dipl.-Ing. Sören Müller"),
        _small("Leiter Konstruktion"), GAP, _small("Telefon +49 89 45678-210"),
        _small("Mobil 0171 9876543"), _small("s.mueller@kessler-anlagenbau.de"),
        _small("Lindwurmstraße 44, 80337 München"),
    ], name="Sören Müller", title="Leiter Konstruktion", company="Keßler Anlagenbau AG",
        emails=["s.mueller@kessler-anlagenbau.de"], phones=["+498945678210", "+491719876543"],
        country_hint="DE"),
    _card("de-grosse", [
        _name("Annegret Große"), _small("Inhaberin"), GAP, _big("Große Buchbinderei"),
        GAP, _small("Fon 0341 2233445"), _small("info@grosse-buchbinderei.de"),
        _small("www.grosse-buchbinderei.de"), _small("Karl-Liebknecht-Str. 9, 04107 Leipzig"),
    ], name="Annegret Große", title="Inhaberin", company="Große Buchbinderei",
        emails=["info@grosse-buchbinderei.de"], phones=["+493412233445"],
        websites=["www.grosse-buchbinderei.de"], country_hint="DE"),
    _card("de-oezdemir", [
        _big("Brückner Logistik GmbH"), GAP, _name("Prof. Dr. Ayşe Özdemir"),
        _small("Vorstand Digitalisierung"), GAP, _small("T +49 40 3344556-0"),
        _small("F +49 40 3344556-99"), _small("ayse.oezdemir@brueckner-logistik.de"),
        _small("Überseeallee 10, 20457 Hamburg"),
    ], name="Ayşe Özdemir", title="Vorstand Digitalisierung", company="Brückner Logistik GmbH",
        emails=["ayse.oezdemir@brueckner-logistik.de"], phones=["+494033445560", "+4940334455699"],
        country_hint="DE"),
    _card("de-schaefer", [
        _big("Schäfer Steuerberatung"), GAP, _name("Jörg Schäfer"),
        _small("Steuerberater"), GAP, _small("Tel.: 0221 987654"),
        _small("joerg@schaefer-stb.de"), _small("Hohe Straße 52, 50667 Köln"),
    ], name="Jörg Schäfer", title="Steuerberater", company="Schäfer Steuerberatung",
        emails=["joerg@schaefer-stb.de"], phones=["+49221987654"], country_hint="DE"),
]

ENGLISH_CARDS = [
    _card("gb-northwind", [
        _big("Northwind Analytics Ltd"), GAP, _name("Margaret Holloway"),
        _small("Senior Data Engineer"), GAP, _small("Phone +44 20 7946 0958"),
        _small("margaret.holloway@northwind.co.uk"), _small("www.northwind.co.uk"),
        _small("12 Baker Street, London W1U 3BW"),
    ], name="Margaret Holloway", title="Senior Data Engineer", company="Northwind Analytics Ltd",
        emails=["margaret.holloway@northwind.co.uk"], phones=["+442079460958"],
        websites=["www.northwind.co.uk"], country_hint="GB"),
    _card("us-quillfeather", [
        _big("Quillfeather Labs Inc."), GAP, _name("Dana Whitfield"),
        _small("Founder & CEO"), GAP, _small("Tel. (650) 253-0000"),
        _small("dana@quillfeather.com"), _small("quillfeather.com"),
        _small("1600 Amphitheatre Pkwy, Mountain View, CA 94043"),
    ], name="Dana Whitfield", title="Founder & CEO", company="Quillfeather Labs Inc.",
        emails=["dana@quillfeather.com"], phones=["+16502530000"],
        websites=["quillfeather.com"], country_hint="US"),
]

FOREIGN_CARDS = [
    _card("br-prado", [
        _big("Prado Representações Ltda"), GAP, _name("Joana Prado"),
        _small("Diretora Comercial"), GAP, _small("Fone (11) 3241-0322"),
        _small("Cel. (11) 99679-9468"), _small("joana@pradorep.com.br"),
        _small("Av. Paulista, 1000 - São Paulo - SP"), _small("CEP 01310-100"),
    ], name="Joana Prado", title="Diretora Comercial", company="Prado Representações Ltda",
        emails=["joana@pradorep.com.br"], phones=["+551132410322", "+5511996799468"],
        country_hint="BR"),
    _card("ch-brunner", [
        _big("Brunner Uhren AG"), GAP, _name("Urs Brunner"), _small("Verwaltungsrat"),
        GAP, _small("Tel. 044 668 18 00"), _small("urs.brunner@brunner-uhren.ch"),
        _small("Bahnhofstrasse 1, 8001 Zürich"),
    ], name="Urs Brunner", title="Verwaltungsrat", company="Brunner Uhren AG",
        emails=["urs.brunner@brunner-uhren.ch"], phones=["+41446681800"], country_hint="CH"),
    _card("us-harbor", [
        _big("Harbor & Pine LLC"), GAP, _name("Theo Marsh"), _small("Owner"), GAP,
        _small("(703) 488-2500"), _small("theo@harborandpine.com"),
        _small("210 King Street, Alexandria, VA 22314"),
    ], name="Theo Marsh", title="Owner", company="Harbor & Pine LLC",
        emails=["theo@harborandpine.com"], phones=["+17034882500"], country_hint="US"),
]

ALL_CARDS = GERMAN_CARDS + ENGLISH_CARDS + FOREIGN_CARDS
TWELVE_MEGAPIXEL_SCALE = 2.1  # 1050 × 600 px card → a 4,190 × 2,900 px photo


def photo_bytes(card: RenderedCard, *, seed: int = 3, twelve_megapixel: bool = False) -> bytes:
    """The card on a table, slightly turned and foreshortened, as a phone JPEG."""
    flat = render_card(card.spec())
    if twelve_megapixel:
        flat = cv2.resize(flat, None, fx=TWELVE_MEGAPIXEL_SCALE, fy=TWELVE_MEGAPIXEL_SCALE,
                          interpolation=cv2.INTER_CUBIC)
    return encode(photograph(flat, angle_deg=4 + seed % 5, perspective=0.05, seed=seed))


def labels() -> dict[str, dict[str, Any]]:
    """The set's labels keyed by id, in the shape of ../shared/cards/labels.json."""
    return {c.id: {"id": c.id, "image": c.id, **c.label} for c in ALL_CARDS}
