"""The capture form: card fields (doubtful ones marked), the two questions, and extras."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from capture import intake
from capture.confidence import SURE_FROM
from capture.page_texts import answer_problem
from capture.translation import N_, Translator, inert
from storage.contact_rows import ContactError
from storage.kinds import Rating
from storage.records import ContactAnswers, ContactDetails, ContactRecord

RATINGS = (Rating.YES, Rating.NOT_SURE, Rating.NO)
RATING_NAMES = {Rating.YES: N_("Yes"), Rating.NOT_SURE: N_("Not sure"), Rating.NO: N_("No")}


class AnswerRefused(intake.AnswerError):
    """A refusal worded for the page: `str(e)` is the sentence in the user's language."""

    def __init__(self, refusal: intake.AnswerError, sentence: str) -> None:
        super().__init__(refusal.code, refusal.note)
        self.args = (sentence,)


@dataclass(frozen=True)
class FormInput:
    details: ContactDetails
    rating: Rating | None
    note: str
    they_need: str
    i_offer: str
    is_pitch: bool
    add_to_existing: bool

    def checked_answers(self, _: Translator) -> ContactAnswers:
        """The answers, once "Did it click?" is answered and the note has substance.

        Raises AnswerRefused (an intake.AnswerError) whose `str()` is the reason in words.
        """
        try:
            checked = intake.check_answers(self.rating, self.note)
        except intake.AnswerError as refusal:
            raise AnswerRefused(refusal, answer_problem(_, refusal)) from None
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


def _label(_: Translator, label: str, field: str, doubtful: set[str]) -> str:
    """A field's (translated) label, with ⚠ where it should be compared with the card."""
    if field in doubtful:
        return f"{label} ⚠ {_('check')}"
    return label


@dataclass(frozen=True)
class _Questions:
    rating: Rating | None
    note: str
    they_need: str
    i_offer: str
    is_pitch: bool


def _card_fields(
    key: str, _: Translator, details: ContactDetails, doubtful: set[str]
) -> ContactDetails:
    """The fields read from the card, the doubtful ones marked; website and address folded."""
    if doubtful:
        st.caption(
            _("Fields marked ⚠ were hard to read or may be missing: compare them with the card.")
        )
    name = st.text_input(
        _label(_, _("Name"), "name", doubtful), details.name, max_chars=300, key=f"{key}.name"
    )
    title = st.text_input(
        _label(_, _("Title"), "title", doubtful),
        details.title,
        max_chars=300,
        key=f"{key}.title",
    )
    company = st.text_input(
        _label(_, _("Company"), "company", doubtful),
        details.company,
        max_chars=300,
        key=f"{key}.company",
    )
    emails = st.text_area(
        _label(_, _("E-mail (one per line)"), "emails", doubtful),
        "\n".join(details.emails),
        height=68,
        key=f"{key}.emails",
    )
    phones = st.text_area(
        _label(_, _("Phone (one per line)"), "phones", doubtful),
        "\n".join(details.phones),
        height=68,
        key=f"{key}.phones",
    )
    with st.expander(_("Address")):
        websites = st.text_area(
            _label(_, _("Website (one per line)"), "websites", doubtful),
            "\n".join(details.websites),
            height=68,
            key=f"{key}.websites",
        )
        address = st.text_area(
            _label(_, _("Address"), "address", doubtful),
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


def _questions(key: str, _: Translator, answers: ContactAnswers | None) -> _Questions:
    """The two questions (did it click, the note), what they need, what I offer, a pitch."""
    rating = st.radio(
        _("Did it click?"),
        RATINGS,
        index=RATINGS.index(answers.rating) if answers else None,
        horizontal=True,
        format_func=lambda r: _(RATING_NAMES[r]),
        key=f"{key}.rating",
    )
    note = st.text_area(
        _("Personal note"),
        answers.note if answers else "",
        placeholder=_("The one thing you will remember about this person"),
        max_chars=5000,
        key=f"{key}.note",
    )
    they_need = st.text_input(
        _("What they need"),
        answers.they_need if answers else "",
        max_chars=500,
        key=f"{key}.need",
    )
    i_offer = st.text_input(
        _("What I can offer"),
        answers.i_offer if answers else "",
        max_chars=500,
        key=f"{key}.offer",
    )
    is_pitch = st.toggle(
        _("Only pitched"), answers.is_pitch if answers else False, key=f"{key}.pitch"
    )
    return _Questions(rating, note, they_need, i_offer, is_pitch)


def contact_form(
    key: str,
    _: Translator,
    details: ContactDetails,
    confidence: dict[str, float],
    duplicate: ContactRecord | None = None,
    answers: ContactAnswers | None = None,
) -> FormInput | None:
    """Render the form; return what was entered when "Save contact" is tapped.

    `answers` prefills the questions when a saved contact is edited.
    """
    with st.form(key, border=False):
        entered = _card_fields(key, _, details, doubtful_fields(details, confidence))
        questions = _questions(key, _, answers)
        add_to_existing = False
        if duplicate is not None:
            add_to_existing = st.checkbox(
                _("Add this meeting to {name}", name=inert(duplicate.display_name)),
                value=True,
                key=f"{key}.merge",
            )
        submitted = st.form_submit_button(
            _("Save contact"), type="primary", width="stretch", key=f"{key}.save"
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


def known_warning(_: Translator, known: ContactRecord) -> None:
    st.warning(
        _(
            "This is a contact you already have: **{name}**. Their meeting tonight can be "
            "added to them.",
            name=inert(known.display_name),
        )
    )


SaveAnswers = Callable[[ContactDetails, ContactAnswers], ContactRecord]


def save_answered_form(_: Translator, entry: FormInput, save: SaveAnswers, flash: str) -> None:
    """Check the two answers, then `save(details, answers)` through its service.

    A refusal or a failed write is shown and the form keeps everything typed (saving again is
    the retry); a success is kept under `flash` for the page to show after the rerun.
    """
    try:
        answers = entry.checked_answers(_)
    except intake.AnswerError as refusal:
        st.error(str(refusal))
        return
    try:
        saved = save(entry.details, answers)
    except (SQLAlchemyError, ContactError, LookupError):
        st.error(_("That could not be saved just now; nothing is lost. Try again."))
        return
    st.session_state[flash] = ("success", _("Saved {name}.", name=inert(saved.display_name)))
    st.rerun()
