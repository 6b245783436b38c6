"""The capture pages' messages that a code chooses: marked with N_ here, translated where shown.

The core and the service say what went wrong with a code (a CaptureError's `code`, an
AnswerError's `code`); only these functions turn a code into a sentence for the page.
"""

from __future__ import annotations

from capture import errors, intake, pending
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


def _reason(_: Translator, code: str) -> str:
    return _(
        MESSAGE_FOR_CODE.get(code, MESSAGE_FOR_CODE[errors.CAPTURE_FAILED]),
        megabytes=MAX_BYTES // (1024 * 1024),
        megapixels=MAX_PIXELS // 1_000_000,
    )


def photo_problem(_: Translator, code: str, *, kept: bool | None = None) -> str:
    """What to tell the user about a card that was not read (a CaptureError code).

    A photo that was decoded stays in the inbox; a file the decoder refused is not kept
    (capture/pending.py). `kept` says otherwise when deleting the refused file failed.
    """
    if code == errors.OCR_FAILED:
        return _(
            "The card could not be read automatically. The photo is saved; please type the details."
        )
    if kept is None:
        kept = not pending.is_refused_file(code)
    if kept:
        return _(
            "This photo could not be read: {reason} It is kept in your inbox: type the "
            "details, take the photo again or discard it.",
            reason=_reason(_, code),
        )
    return _("This file could not be used: {reason} It was not kept.", reason=_reason(_, code))


def stack_problem(_: Translator, name: str, code: str) -> str:
    """One sentence for a file of a stack that the decoder refused: named, not kept."""
    return _(
        "“{name}” could not be used: {reason} It was not kept.",
        name=inert(name),
        reason=_reason(_, code),
    )


def answer_problem(_: Translator, refusal: intake.AnswerError) -> str:
    """One sentence why the answers cannot be saved yet; a generic note is quoted, inert."""
    return _(ANSWER_PROBLEMS[refusal.code], note=inert(" ".join(refusal.note.split())))
