"""The one exception hierarchy of capture/: each error carries a stable code for the page.

`str(e)` is an English message for logs and the command line; a page never shows it but
turns `code` into a sentence in the user's language (capture/page_texts.py).
"""

from __future__ import annotations

CAPTURE_FAILED = "capture_failed"
OCR_FAILED = "ocr_failed"
NOT_AN_IMAGE = "not_an_image"
TRUNCATED = "truncated"
TOO_LARGE = "too_large"
TOO_MANY_PIXELS = "too_many_pixels"
BOMB = "bomb"
NO_TEXT = "no_text"
ENCODE_FAILED = "encode_failed"
UNREADABLE_FILE = "unreadable_file"
# Every code a CaptureError can carry; tests check that each has a page message.
CODES = (
    CAPTURE_FAILED,
    OCR_FAILED,
    NOT_AN_IMAGE,
    TRUNCATED,
    TOO_LARGE,
    TOO_MANY_PIXELS,
    BOMB,
    NO_TEXT,
    ENCODE_FAILED,
    UNREADABLE_FILE,
)


class CaptureError(Exception):
    """A card photo could not be read: `code` (one of CODES) says why; `str(e)` is for logs."""

    code = CAPTURE_FAILED
    default_message = "This photo could not be read. Please try another photo or type the details."

    def __init__(self, message: str | None = None, *, code: str | None = None) -> None:
        super().__init__(message or self.default_message)
        if code is not None:
            self.code = code


class OcrError(CaptureError):
    """Tesseract is missing, crashed or timed out."""

    code = OCR_FAILED
    default_message = "The card could not be read automatically. Please type the details."
