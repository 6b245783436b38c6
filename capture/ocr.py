"""The only module that runs Tesseract: one `image_to_data` call, returned as plain word dicts."""

from __future__ import annotations

import logging
import os
from typing import Any

import numpy as np
import pytesseract

from capture.errors import OcrError

log = logging.getLogger(__name__)

# Tesseract's OpenMP threads fight over two noisy cores: measured 1.05 s with the default
# against 0.38 s with one thread on the same card. Parallelism belongs to the server's
# processes, not to one OCR call. setdefault keeps an operator's own choice.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

# --psm 12: sparse text (cards are islands of text, not paragraphs) *with* orientation
# detection in the same call, so a card
# photographed sideways or upside down needs no second Tesseract run.
DEFAULT_CONFIG = "--oem 1 --psm 12"

# Local (Sauvola) thresholding instead of Tesseract's global Otsu, for the second look at a
# card whose first reading was incomplete (see pipeline.scan_image).
LOCAL_THRESHOLD_CONFIG = DEFAULT_CONFIG + " -c thresholding_method=2"

WordDict = dict[str, Any]


def run_tesseract(
    image: np.ndarray, languages: str, timeout_s: float, config: str = DEFAULT_CONFIG
) -> list[WordDict]:
    """Words Tesseract finds in `image` (grey or BGR uint8): text, conf 0..100, box, line key.

    Raises OcrError when Tesseract is missing, fails or runs longer than `timeout_s`.
    """
    rgb = image if image.ndim == 2 else np.ascontiguousarray(image[:, :, ::-1])
    try:
        data = pytesseract.image_to_data(
            rgb,
            lang=languages,
            config=config,
            timeout=timeout_s,
            output_type=pytesseract.Output.DICT,
        )
    except pytesseract.TesseractNotFoundError as exc:
        log.error("tesseract binary not found")
        raise OcrError() from exc
    except pytesseract.TesseractError as exc:
        log.error("tesseract failed: status %s", exc.status)
        raise OcrError() from exc
    except RuntimeError as exc:  # pytesseract signals its timeout as RuntimeError
        log.error("tesseract did not finish: %s", exc)
        raise OcrError() from exc
    except OSError as exc:
        log.error("tesseract could not be started: %s", exc)
        raise OcrError() from exc
    return parse_tesseract_data(data)


def parse_tesseract_data(data: dict[str, list[Any]]) -> list[WordDict]:
    """Turn pytesseract's column dict into one dict per recognised word."""
    words: list[WordDict] = []
    for i, text in enumerate(data.get("text", [])):
        text = str(text).strip()
        if not text:
            continue
        try:
            conf = float(data["conf"][i])
        except (KeyError, ValueError, IndexError):
            conf = -1.0
        if conf < 0:
            continue
        words.append(
            {
                "text": text,
                "conf": conf,
                "left": int(data["left"][i]),
                "top": int(data["top"][i]),
                "width": int(data["width"][i]),
                "height": int(data["height"][i]),
                "line": (
                    int(data["block_num"][i]),
                    int(data["par_num"][i]),
                    int(data["line_num"][i]),
                ),
            }
        )
    return words
