"""Reading a business card photo: decode → find card → straighten → OCR → fields."""

from __future__ import annotations

from capture.decode import decode_image
from capture.errors import CaptureError, OcrError
from capture.fields import parse_card_text
from capture.pipeline import scan_image
from capture.result import FIELD_NAMES, ScanResult, Word

__all__ = [
    "FIELD_NAMES",
    "CaptureError",
    "OcrError",
    "ScanResult",
    "Word",
    "decode_image",
    "parse_card_text",
    "scan_image",
]
