"""`python -m capture scan`: JSON Lines, one record per image, bad files do not stop the run."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from capture import FIELD_NAMES
from capture.cli import main
from tests.capture.cards import ENGLISH, encode, render_card


@pytest.mark.parametrize(
    "engine", [pytest.param("tesseract", marks=pytest.mark.tesseract), "rapidocr", None]
)
def test_json_lines_with_a_bad_file_among_good_ones(
    tmp_path: Path, engine: str | None, request: pytest.FixtureRequest
) -> None:
    if engine == "tesseract":
        request.getfixturevalue("tesseract_binary")
    good = tmp_path / "card.jpg"
    good.write_bytes(encode(render_card(ENGLISH)))
    bad = tmp_path / "notes.txt"
    bad.write_text("not a photo")
    missing = tmp_path / "missing.jpg"
    out = io.StringIO()
    argv = ["scan", str(bad), str(good), str(missing), "--json", "--region", "gb"]
    code = main([*argv, "--engine", engine] if engine else argv, out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert code == 0
    assert [r["ok"] for r in records] == [False, True, False]
    assert records[0]["image"] == str(bad) and records[0]["error"]
    assert set(records[1]["fields"]) == set(FIELD_NAMES)
    assert set(records[1]["confidence"]) == set(FIELD_NAMES)
    assert records[1]["timings_ms"]["total"] > 0
    assert records[1]["fields"]["emails"] == ["margaret.holloway@northwind.co.uk"]


def test_exit_code_is_1_when_no_image_could_be_read(tmp_path: Path) -> None:
    bad = tmp_path / "a.jpg"
    bad.write_bytes(encode(render_card(ENGLISH))[:3000])  # a cut-off upload
    out = io.StringIO()
    assert main(["scan", str(bad), "--json"], out) == 1
    record = json.loads(out.getvalue())
    assert record == {"image": str(bad), "ok": False, "error": record["error"], "code": "truncated"}


def test_an_unknown_engine_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["scan", str(tmp_path / "card.jpg"), "--engine", "abbyy"], io.StringIO())
    assert exited.value.code == 2


def test_without_json_it_prints_readable_text(tmp_path: Path) -> None:
    # In-process; `python -m capture` itself runs once, in a process of its own, in
    # tests/capture/test_neural_engine.py (which also watches its sockets).
    card = tmp_path / "card.png"
    card.write_bytes(encode(render_card(ENGLISH), ".png"))
    out = io.StringIO()
    assert main(["scan", str(card)], out) == 0
    assert "Margaret Holloway" in out.getvalue()
    assert not out.getvalue().lstrip().startswith("{"), "JSON only with --json"
