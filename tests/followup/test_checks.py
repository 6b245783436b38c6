"""Checks before queuing, each with positive and negative examples in English and German.

A finding is a kind and the values its sentence needs; the page words it
(tests/pages/test_queue_page.py).
"""

from __future__ import annotations

import pytest

from followup.checks import check_text, open_findings
from followup.model import AddressForm, EarlierFollowUp, FindingKind

NOTE_EN = "restores old wooden boats with his daughter"
NOTE_DE = "sucht einen Mitgründer für seine Kita-App"
PERSONAL_EN = "Dear Tom,\n\nthe wooden boats you restore with your daughter are still on my mind."
PERSONAL_DE = "Hallo Jürgen,\n\nwie läuft die Suche nach einem Mitgründer für die Kita-App?"


def kinds(body: str, note: str, **kwargs: object) -> list[FindingKind]:
    return [finding.kind for finding in check_text(body, note=note, **kwargs)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("I hope this email finds you well.", "I hope this email finds you well"),
        ("I hope this finds you well!", "I hope this finds you well"),
        ("Thank you for your interest in sailing.", "Thank you for your interest"),
        ("Please don't hesitate to contact me.", "Please don't hesitate to contact"),
        ("Just checking in about the boats.", "Just checking in"),
        ("Ich hoffe, es geht Ihnen gut.", "Ich hoffe, es geht Ihnen gut"),
        ("Ich hoffe es geht dir gut!", "Ich hoffe es geht dir gut"),
        ("Vielen Dank für Ihr Interesse an der Kita-App.", "Vielen Dank für Ihr Interesse"),
        (
            "Für Rückfragen stehe ich Ihnen gerne zur Verfügung.",
            "Für Rückfragen stehe ich Ihnen gerne zur Verfügung",
        ),
        ("Frohe Weihnachten und einen guten Rutsch!", "Frohe Weihnachten"),
    ],
)
def test_stock_phrases_are_found_with_the_phrase_shown(sentence: str, phrase: str) -> None:
    for personal, note in ((PERSONAL_EN, NOTE_EN), (PERSONAL_DE, NOTE_DE)):
        findings = check_text(f"{personal} {sentence}", note=note)
        stock = [f for f in findings if f.kind is FindingKind.STOCK_PHRASE]
        assert stock and stock[0].phrase == phrase


@pytest.mark.parametrize(
    "sentence",
    [
        "I hope the boat is back in the water by May.",
        "Your interest in larch wood surprised me.",
        "Ich hoffe, die Suche geht gut voran.",
        "Danke für den Tipp mit dem Jugendamt.",
    ],
)
def test_ordinary_sentences_are_no_stock_phrases(sentence: str) -> None:
    assert FindingKind.STOCK_PHRASE not in kinds(f"{PERSONAL_EN} {sentence}", NOTE_EN)
    assert FindingKind.STOCK_PHRASE not in kinds(f"{PERSONAL_DE} {sentence}", NOTE_DE)


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Have you seen our new product?", "our new product"),
        ("There is a special offer until Friday.", "special offer"),
        ("I attach our price list.", "price list"),
        ("Book a free demo today.", "Book a free demo"),
        ("Kennen Sie schon unser neues Produkt?", "Kennen Sie schon unser"),
        ("Ich schicke Ihnen gern ein Angebot.", "Angebot"),
        ("Anbei unsere Preisliste.", "Preisliste"),
        ("Nur bis Freitag 20 % Rabatt!", "Rabatt"),
        ("Jetzt bestellen und sparen.", "Jetzt bestellen"),
    ],
)
def test_sales_pitches_are_found_with_the_phrase_shown(sentence: str, phrase: str) -> None:
    findings = check_text(f"{PERSONAL_DE} {sentence}", note=NOTE_DE)
    pitches = [f for f in findings if f.kind is FindingKind.SALES_PITCH]
    assert phrase in [f.phrase for f in pitches]


@pytest.mark.parametrize(
    "sentence",
    [
        "I could offer an introduction to my uncle.",
        "The new product of your boatyard looks great.",
        "Ich kann Ihnen eine Vorstellung beim Jugendamt anbieten.",
        "Meine Liste mit Segelclubs schicke ich dir gern.",
    ],
)
def test_offers_of_help_are_no_sales_pitch(sentence: str) -> None:
    assert FindingKind.SALES_PITCH not in kinds(f"{PERSONAL_EN} {sentence}", NOTE_EN)


def test_a_text_without_anything_from_the_note_is_flagged_in_both_languages() -> None:
    generic_en = "Dear Tom,\n\nit was a good evening. Let's meet for coffee.\n\nBest,\nMax"
    generic_de = "Hallo Jürgen,\n\nder Abend war schön. Treffen wir uns?\n\nLiebe Grüße\nMax"
    for body, note in ((generic_en, NOTE_EN), (generic_de, NOTE_DE)):
        findings = check_text(body, note=note)
        assert [f.kind for f in findings] == [FindingKind.NO_PERSONAL_DETAIL]
        assert findings[0].phrase == note


def test_a_detail_counts_in_another_word_form() -> None:
    assert kinds("Dear Tom, how is the boat?", NOTE_EN) == []
    assert kinds("Hallo Jürgen, wie läuft es mit der Mitgründerin?", NOTE_DE) == []


def test_a_generic_note_gives_no_detail_to_find() -> None:
    assert kinds("Dear Tom, nice to meet you, great guy.", "nice guy, good talk") == [
        FindingKind.NO_PERSONAL_DETAIL
    ]


EARLIER_EN = (
    "Dear Anna,\n\nour conversation about wooden boats at Founders Night has stayed with me. "
    "Shall we continue over a coffee in the next few weeks?\n\nBest wishes,\nMax"
)
EARLIER_DE = (
    "Hallo Petra,\n\nvon unserem Gespräch beim Stammtisch ist mir vor allem die Kita-App "
    "geblieben. Wollen wir das bei einem Kaffee fortsetzen?\n\nLiebe Grüße\nMax"
)


@pytest.mark.parametrize(
    ("earlier_body", "name", "note"),
    [(EARLIER_EN, "Anna", NOTE_EN), (EARLIER_DE, "Petra", NOTE_DE)],
)
def test_a_near_copy_of_an_earlier_follow_up_names_that_contact(
    earlier_body: str, name: str, note: str
) -> None:
    copy = earlier_body.replace(name, "Tom")
    earlier = [EarlierFollowUp(f"{name} Berger", earlier_body), EarlierFollowUp("Zoe", "Hi Zoe")]
    findings = check_text(copy, note=note, earlier=earlier)
    near = [f for f in findings if f.kind is FindingKind.NEAR_COPY]
    assert len(near) == 1
    assert near[0].contact == f"{name} Berger"
    assert near[0].score is not None and 80 <= near[0].score <= 100
    assert near[0].phrase in copy and len(near[0].phrase.split()) >= 3


@pytest.mark.parametrize(
    ("own", "earlier_body", "note"),
    [
        (
            "Dear Tom,\n\nthe larch planks for your daughter's dinghy: my uncle in Fürth has "
            "some left and would sell them to you at cost. Shall I put you in touch?"
            "\n\nBest wishes,\nMax",
            EARLIER_EN,
            NOTE_EN,
        ),
        (
            "Hallo Jürgen,\n\ndein Mitgründer für die Kita-App: Meine frühere Kollegin Ines "
            "hat zwei Kitas aufgebaut und sucht genau so etwas. Soll ich euch verbinden?"
            "\n\nLiebe Grüße\nMax",
            EARLIER_DE,
            NOTE_DE,
        ),
    ],
)
def test_a_different_text_on_a_similar_subject_is_no_near_copy(
    own: str, earlier_body: str, note: str
) -> None:
    earlier = [EarlierFollowUp("Anna Berger", earlier_body)]
    assert FindingKind.NEAR_COPY not in kinds(own, note, earlier=earlier)


def test_the_threshold_is_configurable() -> None:
    own = EARLIER_EN.replace("Anna", "Tom").replace("coffee", "walk by the river")
    earlier = [EarlierFollowUp("Anna", EARLIER_EN)]
    assert FindingKind.NEAR_COPY in kinds(own, NOTE_EN, earlier=earlier)
    assert FindingKind.NEAR_COPY not in kinds(own, NOTE_EN, earlier=earlier, near_copy_threshold=99)


def test_findings_can_be_overridden_one_by_one() -> None:
    body = f"{PERSONAL_EN} I hope this email finds you well. Here is our price list."
    findings = check_text(body, note=NOTE_EN)
    assert len(findings) == 2
    overridden = [findings[0].key]
    assert open_findings(findings, overridden) == [findings[1]]
    # The same text checked again yields the same keys, so an override survives an edit.
    again = check_text(body + " See you soon.", note=NOTE_EN)
    assert open_findings(again, overridden) == [again[1]]


def test_a_finding_is_a_kind_and_values_not_a_sentence() -> None:
    body = f"{PERSONAL_DE} Ich hoffe, es geht Ihnen gut."
    (finding,) = check_text(body, note=NOTE_DE)
    assert (finding.kind, finding.phrase) == (
        FindingKind.STOCK_PHRASE,
        "Ich hoffe, es geht Ihnen gut",
    )
    assert (finding.contact, finding.score, finding.form) == (None, None, None)
    assert finding.key == "stock_phrase|ich hoffe, es geht ihnen gut|"


def test_small_words_shared_with_the_note_are_no_detail() -> None:
    body = "Dear Tom,\n\nhis and her plans for the evening were good.\n\nBest,\nMax"
    assert kinds(body, NOTE_EN) == [FindingKind.NO_PERSONAL_DETAIL]
    body_de = "Hallo Jürgen,\n\nfür seine Pläne alles Gute.\n\nLiebe Grüße\nMax"
    assert kinds(body_de, NOTE_DE) == [FindingKind.NO_PERSONAL_DETAIL]


@pytest.mark.parametrize(
    ("body", "form", "phrases"),
    [
        ("Guten Tag Frau Roth,\n\nwie geht es dir mit deiner Kita-App?", "sie", ["dir", "deiner"]),
        (
            "Hallo Ines,\n\nich habe Ihnen die Liste geschickt, für Ihre Kita-App.",
            "du",
            ["Ihnen", "Ihre"],
        ),
        ("Hallo Ines,\n\nwie sie sagte: Sie kommen alle. Die Kita-App läuft.", "du", []),
        ("Guten Tag Frau Roth,\n\nwie läuft es mit Ihrer Kita-App?", "sie", []),
        ("Hallo Ines,\n\ndu suchst noch für deine Kita-App?", "du", []),
    ],
)
def test_the_other_german_form_of_address_is_found(
    body: str, form: str, phrases: list[str]
) -> None:
    findings = check_text(body, note=NOTE_DE, address_form=form)
    wrong = [f for f in findings if f.kind is FindingKind.WRONG_ADDRESS]
    assert [f.phrase for f in wrong] == phrases
    assert all(f.form is AddressForm(form) for f in wrong)


def test_without_a_form_of_address_nothing_is_said_about_it() -> None:
    body = "Hallo Ines,\n\nich habe Ihnen die Liste für die Kita-App geschickt."
    assert kinds(body, NOTE_DE) == []
