"""Benchmark the card reader: PP-OCRv6, Tesseract and the naive way, side by side in one run.

    .venv/bin/python -m tests.bench.capture_bench [--cards ../shared/cards] [--sets shared,rendered]
        [--columns klick,klick-tesseract,naive] [--detect-sides 640,800,960] [--out FILE]

Two sets: the labelled phone photos in ../shared/cards (skipped when absent) and the project's
own rendered German, English, US, Brazilian and Swiss cards photographed at 12 megapixels
(tests/capture/rendered_set.py). Every column runs in a process of its own, so its peak RSS
is its own. Scoring is the shared folder's `score.py` (loaded from there, not copied); each
image is read with the region of its label's `country_hint`. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import cv2
import pytesseract

from capture import CaptureError, decode_image, scan_image
from capture.confidence import SURE_FROM
from capture.contacts import EMAIL_RE
from capture.result import fields_as_dict
from tests.support import percentile

DEFAULT_CARDS = Path(__file__).resolve().parents[2].parent / "shared" / "cards"
COLUMNS = ("klick", "klick-tesseract", "naive")

Reader = Callable[[bytes, str | None], dict[str, Any]]


def load_scorer(cards: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("cards_score", cards / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py in {cards}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def naive_fields(data: bytes, region: str | None) -> dict[str, Any]:
    """The baseline: whole photo → image_to_string → regular expressions, nothing else."""
    image = decode_image(data, long_side=None)
    text = pytesseract.image_to_string(cv2.cvtColor(image, cv2.COLOR_BGR2RGB), lang="eng+deu")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    emails = EMAIL_RE.findall(text)
    phones = re.findall(r"\+?\(?\d[\d ()\-./]{6,}\d", text)
    websites = re.findall(r"(?:https?://|www\.)[\w.\-/]+", text, flags=re.IGNORECASE)
    name = next((ln for ln in lines if re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}", ln)), "")
    company = next((ln for ln in lines if re.search(r"\b(GmbH|AG|Inc|Ltd|LLC|Ltda)\b", ln)), "")
    return {"name": name, "title": "", "company": company, "emails": emails,
            "phones": [p.strip() for p in phones], "websites": websites, "address": ""}


@contextlib.contextmanager
def tesseract_thread_limit(limit: str | None) -> Iterator[None]:
    """Run Tesseract with OMP_THREAD_LIMIT=`limit`, or with its own default when None.

    Importing capture limits Tesseract to one thread (capture/ocr.py); the naive way, as
    somebody would write it, runs Tesseract as installed, so its column lifts that limit.
    """
    def set_limit(value: str | None) -> None:
        if value is None:
            os.environ.pop("OMP_THREAD_LIMIT", None)
        else:
            os.environ["OMP_THREAD_LIMIT"] = value

    saved = os.environ.get("OMP_THREAD_LIMIT")
    set_limit(limit)
    try:
        yield
    finally:
        set_limit(saved)


def ours(engine: str, detect_side: int | None = None) -> Reader:
    """Klick's reader with one engine; the neural engine is loaded once, before timing starts."""
    from capture.neural_ocr import load_engine

    neural = load_engine(detect_side) if engine == "rapidocr" and detect_side else None

    def read(data: bytes, region: str | None) -> dict[str, Any]:
        result = scan_image(data, region=region, engine=engine, neural=neural)
        return {**fields_as_dict(result.fields), "_confidence": result.confidence}

    if engine == "rapidocr" and neural is None:
        from capture.neural_ocr import shared_engine

        shared_engine()
    return read


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the Tesseract runs)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(
    reader: Reader, labels: dict[str, dict[str, Any]], load: Callable[[str], bytes],
    region: str | None = None,
) -> tuple[dict[str, dict[str, Any]], list[float], list[float]]:
    """Predictions by label id, wall-clock seconds and CPU seconds (with Tesseract's) per image."""
    predictions: dict[str, dict[str, Any]] = {}
    latencies: list[float] = []
    cpu: list[float] = []
    for rid, label in sorted(labels.items()):
        data = load(rid)
        start, cpu_start = time.perf_counter(), _cpu_seconds()
        try:
            fields = reader(data, region or label.get("country_hint"))
            record = {"image": label["image"], "ok": True, "fields": fields}
        except CaptureError as exc:
            record = {"image": label["image"], "ok": False, "error": str(exc)}
        latencies.append(time.perf_counter() - start)
        cpu.append(_cpu_seconds() - cpu_start)
        predictions[rid] = record
    return predictions, latencies, cpu


def _field_right(scorer: ModuleType, field: str, truth: Any, predicted: Any) -> bool:
    """One field as score.py judges it; an empty prediction is right only for an empty truth."""
    if field in scorer.KEYS:
        truth_list = scorer.as_list(truth)
        ok, false_positives, _ = scorer.list_score(field, truth_list, scorer.as_list(predicted))
        return ok and false_positives == 0
    if not (isinstance(truth, str) and truth.strip()):
        return not (isinstance(predicted, str) and predicted.strip())
    return bool(scorer.scalar_ok(field, truth, predicted))


def score(
    scorer: ModuleType, labels: dict[str, dict[str, Any]], predictions: dict[str, dict[str, Any]]
) -> dict[str, float]:
    """The same arithmetic as score.py's main(), on in-memory predictions; and calibration."""
    hit: dict[str, int] = defaultdict(int)
    tot: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    npred: dict[str, int] = defaultdict(int)
    ready = ready_n = 0
    sure = sure_right = wrong = wrong_marked = 0
    for rid, lab in sorted(labels.items()):
        if lab.get("legible") is False:
            continue
        fields = (predictions.get(rid) or {}).get("fields") or {}
        unsure = set(lab.get("uncertain") or [])
        ok_by_field = {}
        confidence = fields.get("_confidence")
        for f in scorer.FIELDS:
            if f in unsure:
                continue
            if confidence is not None:
                right = _field_right(scorer, f, lab.get(f), fields.get(f))
                shown_sure = confidence.get(f, 0.0) >= SURE_FROM
                sure += shown_sure
                sure_right += shown_sure and right
                wrong += not right
                wrong_marked += not right and not shown_sure
            if f in scorer.KEYS:
                truth = scorer.as_list(lab.get(f))
                if not truth:
                    continue
                ok, nfp, n = scorer.list_score(f, truth, scorer.as_list(fields.get(f)))
                fp[f] += nfp
                npred[f] += n
            else:
                truth = lab.get(f)
                if not isinstance(truth, str) or not truth.strip():
                    continue
                ok = scorer.scalar_ok(f, truth, fields.get(f))
            tot[f] += 1
            hit[f] += ok
            ok_by_field[f] = ok
        if "name" in ok_by_field and ("emails" in ok_by_field or "phones" in ok_by_field):
            ready_n += 1
            ready += ok_by_field["name"] and (
                ok_by_field.get("emails", False) or ok_by_field.get("phones", False)
            )
    out = {f: hit[f] / tot[f] for f in scorer.FIELDS if tot[f]}
    out["field_acc"] = sum(out.values()) / len(out) if out else 0.0
    out["contact_ready"] = ready / ready_n if ready_n else 0.0
    n_pred = sum(npred.values())
    out["list_precision"] = 1 - sum(fp.values()) / n_pred if n_pred else 0.0
    if sure or wrong:
        out["sure_right"] = sure_right / sure if sure else 0.0
        out["wrong_marked"] = wrong_marked / wrong if wrong else 1.0
    return out


def shared_photo_scores(engine: str, cards: Path) -> tuple[dict[str, float], list[float]]:
    """Klick with one engine over the labelled photos in `cards`: scores and latencies."""
    scorer = load_scorer(cards)
    labels = scorer.load_labels(str(cards / "labels.json"))
    predictions, latencies, _ = run(ours(engine), labels,
                                    lambda rid: (cards / labels[rid]["image"]).read_bytes())
    return score(scorer, labels, predictions), latencies


# --- one column in a process of its own ---------------------------------------------------

def render_photos(folder: Path) -> Path:
    """The rendered set as 12-megapixel JPEG files, made once by the parent process."""
    from tests.capture import rendered_set

    for card in rendered_set.ALL_CARDS:
        path = folder / f"{card.id}.jpg"
        if not path.is_file():
            path.write_bytes(rendered_set.photo_bytes(card, twelve_megapixel=True))
    return folder


def _set_source(name: str, cards: Path) -> tuple[dict[str, dict[str, Any]], Callable[[str], bytes]]:
    """Labels and a photo loader; for the rendered set `cards` is the folder of its photos."""
    if name == "shared":
        scorer = load_scorer(cards)
        labels = scorer.load_labels(str(cards / "labels.json"))
        return labels, lambda rid: (cards / labels[rid]["image"]).read_bytes()
    from tests.capture import rendered_set

    return rendered_set.labels(), lambda rid: (cards / f"{rid}.jpg").read_bytes()


def worker(column: str, set_name: str, cards: Path, detect_side: int | None) -> None:
    """Run one column over one set and print one JSON object (predictions, times, peak RSS)."""
    labels, load = _set_source(set_name, cards)
    if column == "naive":
        with tesseract_thread_limit(None):
            predictions, latencies, cpu = run(naive_fields, labels, load)
    else:
        engine = "tesseract" if column == "klick-tesseract" else "rapidocr"
        predictions, latencies, cpu = run(ours(engine, detect_side), labels, load)
    print(json.dumps({"predictions": predictions, "latencies": latencies, "cpu": cpu,
                      "peak_rss_mb": peak_rss_mb()}, ensure_ascii=False))


def peak_rss_mb() -> float:
    """This process's peak resident memory. Linux's VmHWM starts afresh at exec, whereas
    ru_maxrss keeps the peak of the parent that forked it (the one rendering photos)."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_column(column: str, set_name: str, cards: Path,
               detect_side: int | None = None) -> dict[str, Any]:
    argv = [sys.executable, "-m", "tests.bench.capture_bench", "--worker", column,
            "--sets", set_name, "--cards", str(cards)]
    if detect_side:
        argv += ["--detect-side", str(detect_side)]
    done = subprocess.run(argv, capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[2])
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def print_table(title: str, scores: dict[str, dict[str, float]],
                results: dict[str, dict[str, Any]], metrics: list[str]) -> None:
    names = list(results)
    width = max(12, *(len(n) + 2 for n in names))
    print(f"\n{title}")
    print(f"{'metric':18}" + "".join(f"{n:>{width}}" for n in names))
    for metric in metrics:
        if any(metric in scores[n] for n in names):
            print(f"{metric:18}" + "".join(
                f"{scores[n][metric]:>{width}.3f}" if metric in scores[n] else f"{'–':>{width}}"
                for n in names))
    for label, key, q in (("latency_median_ms", "latencies", 0.5),
                          ("latency_p95_ms", "latencies", 0.95),
                          ("cpu_median_ms", "cpu", 0.5)):
        print(f"{label:18}" + "".join(
            f"{1000 * percentile(results[n][key], q):>{width}.0f}" for n in names))
    print(f"{'peak_rss_mb':18}" + "".join(f"{results[n]['peak_rss_mb']:>{width}.0f}"
                                          for n in names))
    if "naive" in results and "klick" in results:
        ratio = percentile(results["klick"]["latencies"], 0.5) / max(
            1e-9, percentile(results["naive"]["latencies"], 0.5))
        print(f"{'klick/naive median':18}{ratio:>{width}.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=Path, default=DEFAULT_CARDS)
    parser.add_argument("--sets", default="shared,rendered")
    parser.add_argument("--columns", default=",".join(COLUMNS))
    parser.add_argument("--detect-sides", default="",
                        help="also measure PP-OCRv6 with the detector at these sizes")
    parser.add_argument("--out", type=Path, help="write Klick's predictions as JSON Lines")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--detect-side", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.sets, args.cards, args.detect_side)
        return 0
    scorer = load_scorer(args.cards) if (args.cards / "score.py").is_file() else None
    if scorer is None:
        print(f"capture benchmark: {args.cards} is absent; nothing to score against")
        return 0
    metrics = [*scorer.FIELDS, "field_acc", "contact_ready", "list_precision",
               "sure_right", "wrong_marked"]
    rendered = Path(tempfile.mkdtemp(prefix="klick-bench-"))
    for set_name in args.sets.split(","):
        source = render_photos(rendered) if set_name == "rendered" else args.cards
        labels = _set_source(set_name, source)[0]
        results = {c: run_column(c, set_name, source) for c in args.columns.split(",")}
        for side in filter(None, args.detect_sides.split(",")):
            results[f"det{side}"] = run_column("klick", set_name, source, int(side))
        scores = {n: score(scorer, labels, r["predictions"]) for n, r in results.items()}
        print_table(f"capture benchmark: set '{set_name}', {len(labels)} labelled photos",
                    scores, results, metrics)
        if args.out and "klick" in results:
            with args.out.open("a") as handle:
                for record in results["klick"]["predictions"].values():
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    shutil.rmtree(rendered, ignore_errors=True)
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
