"""The one exception hierarchy of capture/: each error carries a message for the user and a code."""

from __future__ import annotations


class CaptureError(Exception):
    """A card photo could not be read; `str(e)` is an English message a user understands.

    `code` is stable, so the page can translate the message or choose what to offer next.
    """

    code = "capture_failed"
    default_message = "This photo could not be read. Please try another photo or type the details."

    def __init__(self, message: str | None = None, *, code: str | None = None) -> None:
        super().__init__(message or self.default_message)
        if code is not None:
            self.code = code


class OcrError(CaptureError):
    """Tesseract is missing, crashed or timed out."""

    code = "ocr_failed"
    default_message = "The card could not be read automatically. Please type the details."


NOT_AN_IMAGE = "not_an_image"
TRUNCATED = "truncated"
TOO_LARGE = "too_large"
TOO_MANY_PIXELS = "too_many_pixels"
BOMB = "bomb"
NO_TEXT = "no_text"
OCR_FAILED = OcrError.code
