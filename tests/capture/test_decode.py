"""Decoding uploads: every kind of bad input becomes a CaptureError with a code the page words."""

from __future__ import annotations

import ast
import contextlib
import io
import struct
import zlib

import numpy as np
import pillow_heif
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from capture import CaptureError, decode_image, errors
from capture.decode import MAX_BYTES
from capture.page_texts import MESSAGE_FOR_CODE, photo_problem
from capture.translation import Translator
from tests.conftest import REPO_ROOT


def _jpeg(width: int = 120, height: int = 80, **save: object) -> bytes:
    image = Image.new("RGB", (width, height), (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, width // 2, height // 2))  # blue top-left corner
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", **save)
    return buffer.getvalue()


def _png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares a huge image: a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_jpeg_png_webp_decode_to_bgr() -> None:
    for fmt in ("JPEG", "PNG", "WEBP"):
        buffer = io.BytesIO()
        Image.new("RGB", (64, 48), (255, 0, 0)).save(buffer, fmt)
        array = decode_image(buffer.getvalue())
        assert array.shape == (48, 64, 3)
        assert array.dtype == np.uint8
        blue, _green, red = array[24, 32]
        assert red > 200 and blue < 60, fmt  # BGR order, as OpenCV expects


def test_heic_from_an_iphone_is_read() -> None:
    image = Image.new("RGB", (96, 64), (20, 160, 40))
    heif = pillow_heif.from_pillow(image)
    buffer = io.BytesIO()
    heif.save(buffer, quality=90)
    array = decode_image(buffer.getvalue())
    assert array.shape == (64, 96, 3)
    assert array[32, 48, 1] > 120  # still green


def test_exif_orientation_is_applied() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view", as phones write it
    array = decode_image(_jpeg(120, 80, exif=exif.tobytes()))
    assert array.shape[:2] == (120, 80)
    # The blue corner was top-left; after turning clockwise it is top-right.
    assert array[5, 75, 0] > 150


def test_transparent_png_gets_a_white_background() -> None:
    buffer = io.BytesIO()
    Image.new("RGBA", (40, 40), (0, 0, 0, 0)).save(buffer, "PNG")
    assert decode_image(buffer.getvalue()).min() == 255


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "not_an_image"),
        (b"%PDF-1.7 this is not a photo", "not_an_image"),
        (b"<html><script>alert(1)</script></html>", "not_an_image"),
        (_jpeg(400, 300)[:900], "truncated"),
        (_png_header_only(30000, 30000), "bomb"),
    ],
    ids=["empty", "pdf", "html", "truncated-jpeg", "bomb"],
)
def test_bad_input_is_refused_with_a_code_and_a_message(data: bytes, code: str) -> None:
    with pytest.raises(CaptureError) as caught:
        decode_image(data)
    assert caught.value.code == code
    message = str(caught.value)
    assert message and "Traceback" not in message and "PIL" not in message


def test_more_than_40_megapixels_is_refused() -> None:
    # A real, honestly compressed 8000 × 5100 photo header: too many pixels, not a bomb.
    data = _png_header_only(8000, 5100) + b"\x00" * 200_000
    with pytest.raises(CaptureError) as caught:
        decode_image(data)
    assert caught.value.code == "too_many_pixels"
    assert "megapixels" in str(caught.value)


def test_more_than_30_mb_is_refused_before_decoding() -> None:
    with pytest.raises(CaptureError) as caught:
        decode_image(_jpeg() + b"\x00" * (MAX_BYTES + 1))
    assert caught.value.code == "too_large"
    assert "MB" in str(caught.value)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_raise_only_capture_error(data: bytes) -> None:
    with contextlib.suppress(CaptureError):
        decode_image(data)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=2000))
def test_any_cut_of_a_jpeg_raises_only_capture_error(cut: int) -> None:
    data = _jpeg(300, 200)
    with contextlib.suppress(CaptureError):
        decode_image(data[:cut])


def _raised_codes() -> set[str]:
    """Every `code=` a CaptureError is raised with in capture/, and every class's `code`."""
    found: set[str] = set()
    for path in (REPO_ROOT / "capture").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            values = [k.value for k in getattr(node, "keywords", []) if k.arg == "code"]
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "code" for t in node.targets
            ):
                values.append(node.value)
            for value in values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    found.add(value.value)
                elif isinstance(value, ast.Name) and hasattr(errors, value.id):
                    found.add(getattr(errors, value.id))
    return found


def test_every_code_raised_is_a_known_code() -> None:
    raised = _raised_codes()
    assert {errors.NOT_AN_IMAGE, errors.OCR_FAILED, errors.UNREADABLE_FILE} <= raised
    assert raised <= set(errors.CODES)


@pytest.mark.parametrize("code", errors.CODES)
def test_every_code_has_a_page_message_in_each_language(code: str) -> None:
    assert code == errors.OCR_FAILED or code in MESSAGE_FOR_CODE
    english = photo_problem(Translator("en"), code)
    assert "{" not in english and code not in english
    assert photo_problem(Translator("de"), code) != english, f"{code} is not translated"


def test_the_page_messages_name_the_limits() -> None:
    assert set(MESSAGE_FOR_CODE) == set(errors.CODES) - {errors.OCR_FAILED}
    assert "30 MB" in photo_problem(Translator("en"), errors.TOO_LARGE)
    assert "40 Megapixel" in photo_problem(Translator("de"), errors.TOO_MANY_PIXELS)
    unknown = photo_problem(Translator("en"), "a_code_from_the_future")
    assert unknown == photo_problem(Translator("en"), errors.CAPTURE_FAILED)
