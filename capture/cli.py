"""`python -m capture scan IMAGE... [--json] [--region XX] [--engine NAME]`: read card photos."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from capture.decode import MAX_BYTES
from capture.errors import TOO_LARGE, UNREADABLE_FILE, CaptureError
from capture.neural_ocr import NeuralEngine, shared_engine
from capture.pipeline import ENGINES, NEURAL, scan_image
from capture.result import FIELD_NAMES, fields_as_dict

log = logging.getLogger(__name__)


def _read(path: Path) -> bytes:
    """The file's bytes; a file over the limit is refused before it is read into memory."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise CaptureError(
                f"The photo is larger than {MAX_BYTES // (1024 * 1024)} MB.", code=TOO_LARGE
            )
        return path.read_bytes()
    except OSError as exc:
        raise CaptureError(
            f"The file could not be opened ({exc.strerror or exc}).", code=UNREADABLE_FILE
        ) from exc


def scan_file(
    path: Path,
    region: str | None,
    languages: str,
    engine: str = NEURAL,
    neural: NeuralEngine | None = None,
) -> dict[str, Any]:
    """One JSON-ready record for one image file; errors become {"ok": false, "error": …}."""
    try:
        result = scan_image(
            _read(path), region=region, languages=languages, engine=engine, neural=neural
        )
    except CaptureError as exc:
        return {"image": str(path), "ok": False, "error": str(exc), "code": exc.code}
    return {
        "image": str(path),
        "ok": True,
        "fields": fields_as_dict(result.fields),
        "confidence": result.confidence,
        "timings_ms": result.timings_ms,
    }


def _print_human(record: dict[str, Any], out: TextIO) -> None:
    out.write(f"{record['image']}\n")
    if not record["ok"]:
        out.write(f"  error: {record['error']}\n\n")
        return
    for name in FIELD_NAMES:
        value = record["fields"][name]
        shown = ", ".join(value) if isinstance(value, list) else value
        out.write(f"  {name:9} {shown}  ({record['confidence'][name]:.2f})\n")
    out.write(f"  took {record['timings_ms']['total']:.0f} ms\n\n")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m capture", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    scan = commands.add_parser("scan", help="read business-card photos")
    scan.add_argument("images", nargs="+", type=Path, metavar="IMAGE")
    scan.add_argument("--json", action="store_true", help="one JSON object per line")
    scan.add_argument(
        "--region",
        default="DE",
        help="country for numbers printed without a country code (default DE)",
    )
    scan.add_argument(
        "--engine",
        default=NEURAL,
        choices=ENGINES,
        help="text layer: PP-OCRv6 through RapidOCR (default) or Tesseract",
    )
    scan.add_argument("--languages", default="deu+eng", help="Tesseract languages")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Exit code 0 when at least one image was read, 1 when none could be, 2 on bad usage."""
    out = out or sys.stdout
    args = build_parser().parse_args(argv)
    region = args.region.strip().upper() or None if args.region else None
    # One engine for every image: the models load once, not per photo.
    neural = shared_engine() if args.engine == NEURAL else None
    read = 0
    for path in args.images:
        record = scan_file(path, region, args.languages, args.engine, neural)
        read += record["ok"]
        if args.json:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
        else:
            _print_human(record, out)
    return 0 if read else 1
