"""The note-of-substance check of the capture page, in both languages."""

from __future__ import annotations

import pytest

from capture.notes import note_problem
from storage.kinds import Language


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("note", ["", "   ", "...", "nice", "spannend", "Max"])
def test_empty_or_single_word_notes_are_explained(note: str, language: Language) -> None:
    problem = note_problem(note, language)
    assert problem
    assert problem.count(".") == 1  # one sentence


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
def test_generic_notes_are_explained_quoting_the_note(note: str) -> None:
    problem = note_problem(note, "en")
    assert problem is not None and note in problem
    assert note in (note_problem(note, "de") or "")


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
    assert note_problem(note, Language.EN) is None
    assert note_problem(note, Language.DE) is None


def test_the_message_is_in_the_requested_language() -> None:
    assert "Gespräch" in (note_problem("nice", "de") or "")
    assert "conversation" in (note_problem("nice", "en") or "")
    with pytest.raises(ValueError):
        note_problem("nice", "fr")
