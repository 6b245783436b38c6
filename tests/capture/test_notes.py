"""The note-of-substance check: the core names the problem, the page words it."""

from __future__ import annotations

import pytest

from capture import intake
from capture.notes import NoteProblem, note_problem
from capture.page_texts import ANSWER_PROBLEMS, answer_problem
from capture.translation import Translator
from storage.kinds import Rating


@pytest.mark.parametrize("note", ["", "   ", "...", "-- !"])
def test_an_empty_note_is_named(note: str) -> None:
    assert note_problem(note) is NoteProblem.EMPTY


@pytest.mark.parametrize("note", ["nice", "spannend", "Max", "  Max. "])
def test_a_single_word_is_named(note: str) -> None:
    assert note_problem(note) is NoteProblem.ONE_WORD


@pytest.mark.parametrize(
    "note",
    [
        "good talk",
        "Nice guy!",
        "great guy",
        "netter Typ",
        "sehr interessant",
        "Spannendes Gespräch",
        "really nice and interesting",
        "sympathische Frau",
    ],
)
def test_generic_notes_are_named(note: str) -> None:
    assert note_problem(note) is NoteProblem.GENERIC


@pytest.mark.parametrize(
    "note",
    [
        "restores old boats on Lake Constance",
        "sucht Mitgründer für eine Kita-App",
        "nice guy, daughter starts at TU Munich",
        "spannend: baut Lastenräder in Fürth",
    ],
)
def test_notes_with_a_personal_detail_pass(note: str) -> None:
    assert note_problem(note) is None


def test_the_check_refuses_with_the_code_and_the_note() -> None:
    with pytest.raises(intake.AnswerError) as refused:
        intake.check_answers(None, "restores old boats")
    assert refused.value.code == intake.NO_RATING
    with pytest.raises(intake.AnswerError) as refused:
        intake.check_answers(Rating.YES, "good talk")
    assert (refused.value.code, refused.value.note) == (NoteProblem.GENERIC, "good talk")


def test_every_refusal_has_one_sentence_in_each_language() -> None:
    assert set(ANSWER_PROBLEMS) == {intake.NO_RATING, *NoteProblem}
    english, german = Translator("en"), Translator("de")
    for code in ANSWER_PROBLEMS:
        refusal = intake.AnswerError(code, "good talk")
        worded = answer_problem(english, refusal)
        assert worded.count(".") == 1 and worded.endswith(".")  # one sentence
        assert answer_problem(german, refusal) != worded, f"{code} is not translated"


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("note", ["good talk", "netter  Typ", "Nice *guy*"])
def test_a_generic_note_is_quoted_inert(language: str, note: str) -> None:
    refusal = intake.AnswerError(NoteProblem.GENERIC, note)
    worded = answer_problem(Translator(language), refusal)
    quoted = " ".join(note.split()).replace("*", "\\*")
    assert quoted in worded


def test_the_message_is_in_the_requested_language() -> None:
    refusal = intake.AnswerError(NoteProblem.ONE_WORD, "nice")
    assert "conversation" in answer_problem(Translator("en"), refusal)
    assert "Gespräch" in answer_problem(Translator("de"), refusal)
