"""The capture form: card fields (doubtful ones marked), the two questions, and extras."""

from __future__ import annotations

from dataclasses import dataclass, replace

import streamlit as st

from capture import intake
from capture.confidence import SURE_FROM
from capture.page_texts import TEXT
from storage.kinds import Rating
from storage.records import ContactAnswers, ContactDetails, ContactRecord

RATINGS = (Rating.YES, Rating.NOT_SURE, Rating.NO)


@dataclass(frozen=True)
class FormInput:
    details: ContactDetails
    rating: Rating | None
    note: str
    they_need: str
    i_offer: str
    is_pitch: bool
    add_to_existing: bool

    def checked_answers(self, language: str) -> ContactAnswers:
        """The answers, once "Did it click?" is answered and the note has substance.

        Raises intake.AnswerError with the reason, in the user's language.
        """
        checked = intake.check_answers(self.rating, self.note, language)
        return replace(
            checked, they_need=self.they_need, i_offer=self.i_offer, is_pitch=self.is_pitch
        )


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def doubtful_fields(details: ContactDetails, confidence: dict[str, float]) -> set[str]:
    """Fields to compare with the card: read from shaky evidence, or empty where the card
    shows signs of one (capture/confidence.py). A stored 0.0 for an empty field comes from
    a reader that did not judge empty fields, and is not marked."""
    return {
        field
        for field, value in confidence.items()
        if value < SURE_FROM and (getattr(details, field, None) or value > 0)
    }


def _label(lang: str, key: str, field: str, doubtful: set[str]) -> str:
    label = TEXT(lang, key)
    if field in doubtful:
        return f"{label} ⚠ {TEXT(lang, 'doubtful')}"
    return label


@dataclass(frozen=True)
class _Questions:
    rating: Rating | None
    note: str
    they_need: str
    i_offer: str
    is_pitch: bool


def _card_fields(
    key: str, lang: str, details: ContactDetails, doubtful: set[str]
) -> ContactDetails:
    """The fields read from the card, the doubtful ones marked; website and address folded."""
    if doubtful:
        st.caption(TEXT(lang, "doubtful_hint"))
    name = st.text_input(
        _label(lang, "name", "name", doubtful), details.name, max_chars=300, key=f"{key}.name"
    )
    title = st.text_input(
        _label(lang, "title_field", "title", doubtful),
        details.title,
        max_chars=300,
        key=f"{key}.title",
    )
    company = st.text_input(
        _label(lang, "company", "company", doubtful),
        details.company,
        max_chars=300,
        key=f"{key}.company",
    )
    emails = st.text_area(
        _label(lang, "emails", "emails", doubtful),
        "\n".join(details.emails),
        height=68,
        key=f"{key}.emails",
    )
    phones = st.text_area(
        _label(lang, "phones", "phones", doubtful),
        "\n".join(details.phones),
        height=68,
        key=f"{key}.phones",
    )
    with st.expander(TEXT(lang, "address")):
        websites = st.text_area(
            _label(lang, "websites", "websites", doubtful),
            "\n".join(details.websites),
            height=68,
            key=f"{key}.websites",
        )
        address = st.text_area(
            _label(lang, "address", "address", doubtful),
            details.address,
            height=68,
            key=f"{key}.address",
        )
    return ContactDetails(
        name=name,
        title=title,
        company=company,
        emails=_lines(emails),
        phones=_lines(phones),
        websites=_lines(websites),
        address=address,
    )


def _questions(key: str, lang: str, answers: ContactAnswers | None) -> _Questions:
    """The two questions (did it click, the note), what they need, what I offer, a pitch."""
    rating = st.radio(
        TEXT(lang, "clicked"),
        RATINGS,
        index=RATINGS.index(answers.rating) if answers else None,
        horizontal=True,
        format_func=lambda r: TEXT(lang, r.value),
        key=f"{key}.rating",
    )
    note = st.text_area(
        TEXT(lang, "note"),
        answers.note if answers else "",
        placeholder=TEXT(lang, "note_hint"),
        max_chars=5000,
        key=f"{key}.note",
    )
    they_need = st.text_input(
        TEXT(lang, "they_need"),
        answers.they_need if answers else "",
        max_chars=500,
        key=f"{key}.need",
    )
    i_offer = st.text_input(
        TEXT(lang, "i_offer"),
        answers.i_offer if answers else "",
        max_chars=500,
        key=f"{key}.offer",
    )
    is_pitch = st.toggle(
        TEXT(lang, "pitch"), answers.is_pitch if answers else False, key=f"{key}.pitch"
    )
    return _Questions(rating, note, they_need, i_offer, is_pitch)


def contact_form(
    key: str,
    lang: str,
    details: ContactDetails,
    confidence: dict[str, float],
    duplicate: ContactRecord | None = None,
    answers: ContactAnswers | None = None,
) -> FormInput | None:
    """Render the form; return what was entered when "Save contact" is tapped.

    `answers` prefills the questions when a saved contact is edited.
    """
    with st.form(key, border=False):
        entered = _card_fields(key, lang, details, doubtful_fields(details, confidence))
        questions = _questions(key, lang, answers)
        add_to_existing = False
        if duplicate is not None:
            add_to_existing = st.checkbox(
                TEXT(lang, "add_meeting", name=duplicate.display_name),
                value=True,
                key=f"{key}.merge",
            )
        submitted = st.form_submit_button(
            TEXT(lang, "save"), type="primary", width="stretch", key=f"{key}.save"
        )
    if not submitted:
        return None
    return FormInput(
        details=entered,
        rating=questions.rating,
        note=questions.note,
        they_need=questions.they_need,
        i_offer=questions.i_offer,
        is_pitch=questions.is_pitch,
        add_to_existing=add_to_existing,
    )
