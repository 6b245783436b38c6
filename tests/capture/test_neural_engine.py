"""PP-OCRv6 loads from the rapidocr wheel and nowhere else; orientation from boxes and votes."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from capture import neural_ocr, pipeline
from capture.neural_ocr import EngineUnavailable, TextBox, load_engine, model_dir
from capture.neural_reading import (
    is_upside_down,
    reading_order,
    runs_sideways,
    turn_points,
)
from tests.capture.cards import ENGLISH, encode, render_card

REPO = Path(__file__).resolve().parents[2]
NETWATCH = REPO / "tests" / "browser" / "netwatch"


def box(x: float, y: float, w: float, h: float) -> TextBox:
    points = np.array([[x, y], [x + w, y], [x + w, y + h], [x, y + h]], dtype=np.float32)
    return TextBox(points, 0.9)


def test_the_models_load_from_the_wheel_and_nothing_is_downloaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rapidocr.utils import download_file

    def no_download(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("RapidOCR tried to download a model")

    monkeypatch.setattr(download_file.DownloadFile, "run", no_download)
    before = sorted(p.name for p in model_dir().iterdir())
    engine = load_engine()
    assert engine.detect_side == neural_ocr.DETECT_SIDE
    assert sorted(p.name for p in model_dir().iterdir()) == before
    assert {neural_ocr.DETECTOR_FILE, neural_ocr.RECOGNISER_FILE,
            neural_ocr.CLASSIFIER_FILE} <= set(before)


def test_missing_model_files_make_the_engine_unavailable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(neural_ocr, "model_dir", lambda: tmp_path)
    with pytest.raises(EngineUnavailable, match="model files missing"):
        load_engine()


def test_without_the_neural_engine_tesseract_reads_and_the_log_says_so_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def unavailable(*_args: object) -> neural_ocr.NeuralEngine:
        raise EngineUnavailable("no onnxruntime for this platform")

    calls: list[str] = []

    def fake_tesseract(image: np.ndarray, languages: str, timeout_s: float,
                       config: str = "") -> list[dict[str, object]]:
        calls.append(languages)
        return []

    monkeypatch.setattr(neural_ocr, "load_engine", unavailable)
    monkeypatch.setattr("capture.ocr.run_tesseract", fake_tesseract)
    neural_ocr.shared_engine.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="capture.neural_ocr"):
            for _ in range(2):
                with pytest.raises(Exception, match="No text"):
                    pipeline.scan_image(encode(render_card(ENGLISH)))
    finally:
        neural_ocr.shared_engine.cache_clear()
    assert calls, "Tesseract did not read"
    warnings = [r for r in caplog.records if "cannot be loaded" in r.getMessage()]
    assert len(warnings) == 1


def test_an_unknown_engine_name_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown OCR engine"):
        pipeline.scan_image(b"", engine="abbyy")


def test_text_running_up_the_image_is_sideways() -> None:
    upright = [box(50, 40 + 60 * i, 500, 40) for i in range(5)]
    sideways = [box(40 + 60 * i, 50, 40, 500) for i in range(5)]
    assert not runs_sideways(upright)
    assert runs_sideways(sideways)
    # Squarish boxes (a logo, one letter) do not outvote the lines.
    assert not runs_sideways([*upright, *(box(600, 10 * i, 30, 32) for i in range(20))])


def test_points_follow_the_image_through_quarter_turns() -> None:
    points = box(10, 20, 100, 30).points
    turned = turn_points(points, 1, width=400, height=300)
    # Clockwise: the box's left edge (x=10) becomes its top (y=10), its top (y=20) moves right.
    assert turned[:, 1].min() == pytest.approx(10)
    assert turned[:, 0].max() == pytest.approx(300 - 20)
    assert np.allclose(turn_points(turn_points(points, 2, 400, 300), 2, 400, 300), points)


def test_the_classifier_turns_a_card_only_when_most_text_says_so() -> None:
    long_line, short = np.zeros((40, 400, 3), np.uint8), np.zeros((40, 60, 3), np.uint8)
    assert is_upside_down([(True, 0.99), (False, 0.6)], [long_line, short])
    assert not is_upside_down([(False, 0.99), (True, 0.99), (True, 0.99)],
                              [long_line, short, short])
    assert not is_upside_down([], [])


def test_boxes_are_read_top_to_bottom_and_left_to_right() -> None:
    boxes = [box(400, 100, 200, 30).points, box(20, 104, 200, 30).points,
             box(20, 20, 300, 40).points]
    assert reading_order(boxes) == [2, 1, 0]


@pytest.mark.slow
def test_the_command_line_reads_a_card_without_touching_the_network(tmp_path: Path) -> None:
    """The one run of `python -m capture` as a process of its own (the rest call `main`)."""
    card = tmp_path / "card.jpg"
    card.write_bytes(encode(render_card(ENGLISH)))
    log = tmp_path / "netwatch.log"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(NETWATCH), str(REPO)]),
           "KLICK_NETWATCH_LOG": str(log)}
    done = subprocess.run(
        [sys.executable, "-m", "capture", "scan", str(card), "--json", "--region", "GB"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900, check=False,
    )
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["ok"] and record["fields"]["emails"] == ["margaret.holloway@northwind.co.uk"]
    assert not log.exists() or log.read_text() == "", log.read_text()
