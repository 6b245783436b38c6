"""The handwritten-style card: text as written, font embedded, fits A6, preview renders."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from followup.card import card_pdf, card_preview_png, font_measure, layout_card
from followup.card_layout import CARD_HEIGHT_MM, CARD_WIDTH_MM, MARGIN_X_MM, CardTooLongError
from followup.fonts import caveat_font_path

BODY = (
    "Hallo Jürgen,\n\n"
    "was du mir bei „IHK Sommerfest“ am 3. Juli erzählt hast, geht mir nicht aus dem Kopf: "
    "Du suchst einen Mitgründer für deine Kita-App – und die Größe der Straße ist dir egal.\n\n"
    "Der Kaffee für 3,50 € geht auf mich. ÄÖÜ äöü ß\n\n"
    "Liebe Grüße\nMax"
)
ADDRESS = "Jürgen Weiß\nKönigstraße 12\n90402 Nürnberg"
MM_TO_PT = 72 / 25.4


@pytest.fixture(scope="module")
def font() -> Path:
    return caveat_font_path()


def words(text: str) -> list[str]:
    return text.split()


def test_the_pdf_text_is_the_body_and_the_font_is_embedded(font: Path) -> None:
    reader = PdfReader(io.BytesIO(card_pdf(BODY, font_path=font)))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert words(page.extract_text()) == words(BODY)
    fonts = [ref.get_object() for ref in page["/Resources"]["/Font"].values()]
    assert len(fonts) == 1
    assert "Caveat" in fonts[0]["/BaseFont"]
    descriptor = fonts[0]["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
    assert "/FontFile2" in descriptor  # the TrueType program itself is in the file


def test_the_page_is_a6_landscape(font: Path) -> None:
    box = PdfReader(io.BytesIO(card_pdf(BODY, font_path=font))).pages[0].mediabox
    assert float(box.width) == pytest.approx(CARD_WIDTH_MM * MM_TO_PT, abs=0.5)
    assert float(box.height) == pytest.approx(CARD_HEIGHT_MM * MM_TO_PT, abs=0.5)


def test_an_address_page_for_the_envelope_is_optional(font: Path) -> None:
    reader = PdfReader(io.BytesIO(card_pdf(BODY, font_path=font, recipient_address=ADDRESS)))
    assert len(reader.pages) == 2
    assert words(reader.pages[0].extract_text()) == words(BODY)
    assert reader.pages[1].extract_text().splitlines() == ADDRESS.splitlines()
    assert (
        len(PdfReader(io.BytesIO(card_pdf(BODY, font_path=font, recipient_address=" "))).pages) == 1
    )


def test_short_texts_are_written_large_and_long_ones_smaller(font: Path) -> None:
    short = layout_card("Danke für den Tipp mit der Werft!\n\nMax", font)
    long = layout_card(BODY * 2, font)
    assert short.size_pt > long.size_pt


def test_every_line_fits_inside_the_card(font: Path) -> None:
    measure = font_measure(font)
    layout = layout_card(BODY * 2, font)
    for line in layout.lines:
        assert line.x_mm >= MARGIN_X_MM - 1
        assert line.x_mm + measure(line.text, layout.size_pt) <= CARD_WIDTH_MM - MARGIN_X_MM + 1
        assert line.baseline_mm <= CARD_HEIGHT_MM - 5


def test_a_word_longer_than_a_line_is_cut_rather_than_overflowing(font: Path) -> None:
    layout = layout_card(
        "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz" * 3, font
    )
    assert "".join(line.text for line in layout.lines) == (
        "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz" * 3
    )


def test_a_text_too_long_for_a_card_is_refused_with_a_clear_message(font: Path) -> None:
    with pytest.raises(CardTooLongError, match="too long for a handwritten card"):
        card_pdf(BODY * 12, font_path=font)
    with pytest.raises(ValueError):
        card_pdf("   ", font_path=font)


def test_the_same_text_gives_the_same_pdf(font: Path) -> None:
    assert card_pdf(BODY, font_path=font) == card_pdf(BODY, font_path=font)


def test_the_preview_is_a_png_of_the_card_with_ink_on_it(font: Path) -> None:
    image = Image.open(io.BytesIO(card_preview_png(BODY, font_path=font, dpi=100)))
    assert image.format == "PNG"
    assert image.size == (round(CARD_WIDTH_MM / 25.4 * 100), round(CARD_HEIGHT_MM / 25.4 * 100))
    ink = sum(image.convert("L").histogram()[:128])
    assert ink > 2000


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzäöüßÄÖÜ€„“–,.!? 0123456789\n"),
        min_size=1,
        max_size=700,
    ).filter(str.strip)
)
def test_any_text_either_fits_with_every_word_or_is_refused(text: str) -> None:
    font = caveat_font_path()
    try:
        pdf = card_pdf(text, font_path=font)
    except CardTooLongError:
        return
    extracted = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "".join(words(extracted)) == "".join(words(text))
