"""The only module that runs PP-OCRv6 (RapidOCR on ONNX Runtime): detect, classify, recognise.

The model files ship inside the `rapidocr` wheel and are named here explicitly, so nothing is
ever downloaded: RapidOCR fetches a model only when no path is given, and we always give one.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from capture.errors import OcrError

log = logging.getLogger(__name__)

DETECTOR_FILE = "PP-OCRv6_det_small.onnx"
RECOGNISER_FILE = "PP-OCRv6_rec_small.onnx"
CLASSIFIER_FILE = "ch_ppocr_mobile_v2.0_cls_mobile.onnx"
# The detector sees the straightened card at this length (measured 640–960 px, see README).
DETECT_SIDE = 640


class EngineUnavailable(RuntimeError):
    """The neural engine cannot be loaded on this platform (missing package or model file)."""


@dataclass(frozen=True)
class TextBox:
    """One detected text line: four corners (clockwise from top-left) and the detector's score."""

    points: np.ndarray  # 4×2 float32, in the pixels of the image it was found in
    score: float


@dataclass
class NeuralEngine:
    """The three PP-OCR models, loaded once per process; each call runs on one thread."""

    detector: Any
    classifier: Any
    recogniser: Any
    detect_side: int  # the detector sees the card at most this long (see load_engine)

    def detect(self, image: np.ndarray) -> list[TextBox]:
        """Text line boxes in `image` (BGR, already at most `detect_side` long)."""
        output = _guarded(self.detector, image)
        if output.boxes is None:
            return []
        scores = output.scores if output.scores is not None else [1.0] * len(output.boxes)
        return [TextBox(np.asarray(box, dtype=np.float32), float(score))
                for box, score in zip(output.boxes, scores, strict=True)]

    def upside_down_votes(self, crops: list[np.ndarray]) -> list[tuple[bool, float]]:
        """Per line crop: whether the classifier reads it as turned 180°, and how sure it is."""
        if not crops:
            return []
        output = _guarded(self.classifier, crops)
        return [("180" in label, float(score)) for label, score in output.cls_res]

    def recognise(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        """Text and a 0..1 score per line crop."""
        if not crops:
            return []
        from rapidocr.ch_ppocr_rec import TextRecInput

        output = _guarded(self.recogniser, TextRecInput(img=crops, return_word_box=False))
        texts = output.txts or ("",) * len(crops)
        scores = output.scores or (0.0,) * len(crops)
        return [(str(t), float(s)) for t, s in zip(texts, scores, strict=True)]


def _guarded(step: Any, argument: Any) -> Any:
    try:
        return step(argument)
    except MemoryError as exc:
        log.error("the neural text layer ran out of memory")
        raise OcrError() from exc
    except Exception as exc:  # onnxruntime raises its own exception types
        log.error("the neural text layer failed: %s", type(exc).__name__)
        raise OcrError() from exc


def model_dir() -> Path:
    """Where the `rapidocr` wheel keeps its model files."""
    try:
        import rapidocr
    except ImportError as exc:
        raise EngineUnavailable(f"rapidocr is not installed ({exc})") from exc
    return Path(rapidocr.__file__).resolve().parent / "models"


def _config(models: Path, detect_side: int) -> Any:
    from rapidocr.utils.parse_parameters import ParseParams

    config = ParseParams.load(Path(models.parent, "config.yaml"))
    config = ParseParams.update_batch(config, {
        "Global.log_level": "warning",
        # One thread per call: parallelism belongs to the server's processes and sessions,
        # and two cores shared by ONNX Runtime's pools and OpenCV only thrash.
        "EngineConfig.onnxruntime.intra_op_num_threads": 1,
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        "Det.model_path": str(models / DETECTOR_FILE),
        "Rec.rec_batch_num": 1,
        # The caller shrinks the card to `detect_side`; the detector only rounds it to the
        # multiple of 32 its network needs. Fixed at load time, so no call changes the state
        # another session's call reads (ONNX Runtime's sessions are safe to share).
        "Det.limit_type": "max",
        "Det.limit_side_len": detect_side,
        "Cls.model_path": str(models / CLASSIFIER_FILE),
        "Rec.model_path": str(models / RECOGNISER_FILE),
    })
    for part in ("Det", "Cls", "Rec"):
        config[part].engine_cfg = config.EngineConfig.onnxruntime
    config.Rec.font_path = None  # only for RapidOCR's drawings, which Klick never makes
    return config


def load_engine(detect_side: int = DETECT_SIDE) -> NeuralEngine:
    """Load the three models from the wheel; raises EngineUnavailable when that cannot be done."""
    models = model_dir()
    missing = [name for name in (DETECTOR_FILE, RECOGNISER_FILE, CLASSIFIER_FILE)
               if not (models / name).is_file()]
    if missing:
        raise EngineUnavailable(f"model files missing in {models}: {', '.join(missing)}")
    try:
        from rapidocr.ch_ppocr_cls import TextClassifier
        from rapidocr.ch_ppocr_det import TextDetector
        from rapidocr.ch_ppocr_rec import TextRecognizer

        # RapidOCR's logger says every model path at INFO on its own handler; quiet it.
        logging.getLogger("RapidOCR").setLevel(logging.WARNING)
        config = _config(models, detect_side)
        engine = NeuralEngine(
            detector=TextDetector(config.Det),
            classifier=TextClassifier(config.Cls),
            recogniser=TextRecognizer(config.Rec),
            detect_side=detect_side,
        )
    except (ImportError, OSError, RuntimeError, ValueError, KeyError) as exc:
        raise EngineUnavailable(f"{type(exc).__name__}: {exc}") from exc
    except Exception as exc:  # onnxruntime's own exception types when a model will not load
        raise EngineUnavailable(f"{type(exc).__name__}: {exc}") from exc
    log.info("PP-OCRv6 text layer loaded from %s", models)
    return engine


@functools.cache
def shared_engine() -> NeuralEngine | None:
    """The process's one engine, or None (said once in the log) where it cannot be loaded."""
    try:
        return load_engine()
    except EngineUnavailable as exc:
        log.warning("the PP-OCRv6 text layer cannot be loaded, using Tesseract: %s", exc)
        return None
