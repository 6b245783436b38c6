"""Turn uploaded bytes (JPEG, PNG, WebP, HEIC/HEIF) into an upright BGR array, or refuse them."""

from __future__ import annotations

import io
import logging
import struct
import warnings

import numpy as np
import pillow_heif
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from capture.errors import BOMB, NOT_AN_IMAGE, TOO_LARGE, TOO_MANY_PIXELS, TRUNCATED, CaptureError

log = logging.getLogger(__name__)

MAX_BYTES = 30 * 1024 * 1024
MAX_PIXELS = 40_000_000
# A real photo compresses to well over one byte per 1,000 pixels; a file declaring far more
# pixels than its size could hold is built to exhaust memory when decoded.
BOMB_PIXELS_PER_BYTE = 1_000
# Reading a card needs about 2,000 px along the photo's longer side: the card then spans
# 1,200–1,800 px, body text stays 20+ px high. A 12-megapixel JPEG is decoded at a half or
# a quarter of its size straight from its DCT blocks (Pillow's draft mode), which takes a
# fraction of the time and memory of a full decode followed by a resize.
DECODE_LONG_SIDE = 2000

# Registering the opener is idempotent and only teaches Pillow a format: iPhones upload HEIC.
pillow_heif.register_heif_opener()


def _refuse_size(data: bytes) -> None:
    if not data:
        raise CaptureError("The file is empty. Please take the photo again.", code=NOT_AN_IMAGE)
    if len(data) > MAX_BYTES:
        raise CaptureError(
            f"The photo is larger than {MAX_BYTES // (1024 * 1024)} MB. "
            "Please use a smaller photo or your phone's normal camera setting.",
            code=TOO_LARGE,
        )


def _refuse_pixels(width: int, height: int, size: int) -> None:
    pixels = width * height
    if pixels <= MAX_PIXELS:
        return
    if pixels > size * BOMB_PIXELS_PER_BYTE:
        raise CaptureError(
            "This file claims an impossible picture size and was refused to protect the app.",
            code=BOMB,
        )
    raise CaptureError(
        f"The photo has more than {MAX_PIXELS // 1_000_000} megapixels. "
        "Please use a smaller photo.",
        code=TOO_MANY_PIXELS,
    )


def _to_rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        # A transparent background would become black; cards are read as dark ink on light paper.
        rgba = image.convert("RGBA")
        canvas = Image.new("RGB", rgba.size, (255, 255, 255))
        canvas.paste(rgba, mask=rgba.getchannel("A"))
        return canvas
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        array = np.asarray(image, dtype=np.float64)
        peak = float(array.max()) or 1.0
        return Image.fromarray((array * (255.0 / peak)).astype(np.uint8)).convert("RGB")
    return image.convert("RGB")


NOT_READABLE = (
    "This file is not a photo Klick can read. Please use a JPEG, PNG, WebP or HEIC photo."
)


def _open_upright(data: bytes, long_side: int | None) -> Image.Image:
    """Open the photo, refuse an impossible size, decode it (a large JPEG at a reduced scale)
    and turn it as its EXIF orientation says."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        image = Image.open(io.BytesIO(data))
        _refuse_pixels(image.width, image.height, len(data))
        if long_side and image.format == "JPEG" and max(image.size) >= 2 * long_side:
            scale = long_side / max(image.size)
            image.draft("RGB", (round(image.width * scale), round(image.height * scale)))
        image.load()
        upright: Image.Image = ImageOps.exif_transpose(image) or image
        return _to_rgb(upright)


def _decode_rgb(data: bytes, long_side: int | None) -> Image.Image:
    """`_open_upright`, with every decoder failure turned into a CaptureError."""
    try:
        return _open_upright(data, long_side)
    except CaptureError:
        raise
    except Image.DecompressionBombError as exc:
        raise CaptureError(
            "This file claims an impossible picture size and was refused to protect the app.",
            code=BOMB,
        ) from exc
    except UnidentifiedImageError as exc:
        raise CaptureError(NOT_READABLE, code=NOT_AN_IMAGE) from exc
    except (OSError, SyntaxError, EOFError) as exc:
        # Pillow reports a cut-off file as OSError ("image file is truncated") or EOFError.
        log.info("photo could not be decoded: %s", type(exc).__name__)
        raise CaptureError(
            "The photo file is incomplete or damaged. Please upload it again.", code=TRUNCATED
        ) from exc
    except (ValueError, TypeError, MemoryError, IndexError, KeyError, struct.error) as exc:
        log.info("photo could not be decoded: %s", type(exc).__name__)
        raise CaptureError(NOT_READABLE, code=NOT_AN_IMAGE) from exc
    except Exception as exc:
        log.warning("unexpected decoder failure: %s", type(exc).__name__)
        raise CaptureError(NOT_READABLE, code=NOT_AN_IMAGE) from exc


def decode_image(data: bytes, long_side: int | None = DECODE_LONG_SIDE) -> np.ndarray:
    """Decode `data` and apply EXIF orientation; return an H×W×3 uint8 BGR array.

    A JPEG far larger than `long_side` is decoded at a reduced scale, never below it;
    `long_side=None` decodes every pixel.

    Raises CaptureError (with a user-facing message and a `code`) for anything that is not a
    whole, reasonably sized image. Never raises anything else.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise CaptureError("No photo was received.", code=NOT_AN_IMAGE)
    data = bytes(data)
    _refuse_size(data)
    # Pillow's global switch must stay off: a half-received upload must be refused, not padded.
    if ImageFile.LOAD_TRUNCATED_IMAGES:
        log.warning("PIL.ImageFile.LOAD_TRUNCATED_IMAGES is on; truncated photos may be accepted")
    rgb = _decode_rgb(data, long_side)
    if rgb.width < 16 or rgb.height < 16:
        raise CaptureError("The picture is too small to show a business card.", code=NOT_AN_IMAGE)
    array = np.asarray(rgb, dtype=np.uint8)
    return np.ascontiguousarray(array[:, :, ::-1])
