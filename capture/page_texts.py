"""The capture pages' messages that a code chooses: marked with N_ here, translated where shown.

The core and the service say what went wrong with a code (a CaptureError's `code`, an
AnswerError's `code`); only these functions turn a code into a sentence for the page.
"""

from __future__ import annotations

from capture import errors, intake
from capture.decode import MAX_BYTES, MAX_PIXELS
from capture.notes import NoteProblem
from capture.translation import N_, Translator, inert

# Why a photo could not be used, for every CaptureError code but OCR_FAILED (whose photo is
# fine: only the reading failed, see `photo_problem`).
MESSAGE_FOR_CODE = {
    errors.CAPTURE_FAILED: N_("the photo could not be read."),
    errors.NOT_AN_IMAGE: N_("this is not a photo (JPEG, PNG, WebP or HEIC)."),
    errors.TRUNCATED: N_("the photo is incomplete (the upload was cut off)."),
    errors.TOO_LARGE: N_("the file is larger than {megabytes} MB."),
    errors.TOO_MANY_PIXELS: N_("the photo has more than {megapixels} megapixels."),
    errors.BOMB: N_("the file claims an impossibly large picture."),
    errors.NO_TEXT: N_("no text was found; photograph the printed side."),
    errors.ENCODE_FAILED: N_("the picture of the card could not be prepared."),
    errors.UNREADABLE_FILE: N_("the file could not be opened."),
}

# Why the answers cannot be saved yet: intake.NO_RATING or a notes.NoteProblem.
ANSWER_PROBLEMS = {
    intake.NO_RATING: N_("Please answer “Did it click?”."),
    NoteProblem.EMPTY: N_(
        "Write down one personal thing you will remember about this person: "
        "it is what your follow-up will be built on."
    ),
    NoteProblem.ONE_WORD: N_(
        "One word will not bring this conversation back next week: add what you "
        "talked about or what they need."
    ),
    NoteProblem.GENERIC: N_(
        "“{note}” could be said of anyone: add something only this person told "
        "you, so the follow-up can be personal."
    ),
}


def photo_problem(_: Translator, code: str) -> str:
    """What to tell the user about a card that was not read (a CaptureError code)."""
    if code == errors.OCR_FAILED:
        return _(
            "The card could not be read automatically. The photo is saved; please type the details."
        )
    reason = _(
        MESSAGE_FOR_CODE.get(code, MESSAGE_FOR_CODE[errors.CAPTURE_FAILED]),
        megabytes=MAX_BYTES // (1024 * 1024),
        megapixels=MAX_PIXELS // 1_000_000,
    )
    return _(
        "This file could not be used: {reason} It is kept in your inbox; you can type "
        "the details there.",
        reason=reason,
    )


def answer_problem(_: Translator, refusal: intake.AnswerError) -> str:
    """One sentence why the answers cannot be saved yet; a generic note is quoted, inert."""
    return _(ANSWER_PROBLEMS[refusal.code], note=inert(" ".join(refusal.note.split())))
