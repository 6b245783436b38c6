"""Benchmark the card reader against the naive approach on a labelled folder of card photos.

    .venv/bin/python -m tests.bench.capture_bench [--cards ../shared/cards] [--region XX]
        [--out predictions.jsonl] [--no-naive]

Scoring is the folder's own `score.py` (loaded from there, not copied); each image is read
with the region of its label's `country_hint` unless --region is given.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import re
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import cv2
import pytesseract

from capture import CaptureError, decode_image, scan_image
from capture.contacts import EMAIL_RE
from tests.support import percentile

DEFAULT_CARDS = Path(__file__).resolve().parents[2].parent / "shared" / "cards"


def load_scorer(cards: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("cards_score", cards / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py in {cards}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def naive_fields(data: bytes, region: str | None) -> dict[str, Any]:
    """The baseline: whole photo → image_to_string → regular expressions, nothing else."""
    image = decode_image(data)
    text = pytesseract.image_to_string(cv2.cvtColor(image, cv2.COLOR_BGR2RGB), lang="eng+deu")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    emails = EMAIL_RE.findall(text)
    phones = re.findall(r"\+?\(?\d[\d ()\-./]{6,}\d", text)
    websites = re.findall(r"(?:https?://|www\.)[\w.\-/]+", text, flags=re.IGNORECASE)
    name = next((ln for ln in lines if re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}", ln)), "")
    company = next((ln for ln in lines if re.search(r"\b(GmbH|AG|Inc|Ltd|LLC|Ltda)\b", ln)), "")
    return {
        "name": name,
        "title": "",
        "company": company,
        "emails": emails,
        "phones": [p.strip() for p in phones],
        "websites": websites,
        "address": "",
    }


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


def ours_fields(data: bytes, region: str | None) -> dict[str, Any]:
    return scan_image(data, region=region).fields.as_dict()


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the Tesseract runs)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(
    reader: Callable[[bytes, str | None], dict[str, Any]],
    labels: dict[str, dict[str, Any]],
    cards: Path,
    region: str | None,
) -> tuple[dict[str, dict[str, Any]], list[float], list[float]]:
    """Predictions by label id, wall-clock seconds and CPU seconds (with Tesseract's) per image."""
    predictions: dict[str, dict[str, Any]] = {}
    latencies: list[float] = []
    cpu: list[float] = []
    for rid, label in sorted(labels.items()):
        data = (cards / label["image"]).read_bytes()
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


def score(
    scorer: ModuleType, labels: dict[str, dict[str, Any]], predictions: dict[str, dict[str, Any]]
) -> dict[str, float]:
    """The same arithmetic as score.py's main(), on in-memory predictions."""
    hit: dict[str, int] = defaultdict(int)
    tot: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    npred: dict[str, int] = defaultdict(int)
    ready = ready_n = 0
    for rid, lab in sorted(labels.items()):
        if lab.get("legible") is False:
            continue
        fields = (predictions.get(rid) or {}).get("fields") or {}
        unsure = set(lab.get("uncertain") or [])
        ok_by_field = {}
        for f in scorer.FIELDS:
            if f in unsure:
                continue
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
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=Path, default=DEFAULT_CARDS)
    parser.add_argument("--region", default=None, help="override every label's country_hint")
    parser.add_argument("--out", type=Path, help="write our predictions as JSON Lines")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive baseline")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.cards)
    labels = scorer.load_labels(str(args.cards / "labels.json"))
    columns = {"ours": run(ours_fields, labels, args.cards, args.region)}
    if not args.no_naive:
        # "naive": Tesseract as installed (all cores); "naive-1t": with ours' one-thread limit.
        with tesseract_thread_limit(None):
            columns["naive"] = run(naive_fields, labels, args.cards, args.region)
        with tesseract_thread_limit("1"):
            columns["naive-1t"] = run(naive_fields, labels, args.cards, args.region)
    if args.out:
        with args.out.open("w") as handle:
            for record in columns["ours"][0].values():
                record = {
                    **record,
                    "image": str(args.cards / "images" / record["image"].removeprefix("images/")),
                }
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    scores = {name: score(scorer, labels, preds) for name, (preds, _, _) in columns.items()}
    names = list(columns)
    print(f"capture benchmark: {len(labels)} labelled photos in {args.cards}")
    print(f"{'metric':16}" + "".join(f"{n:>10}" for n in names))
    for metric in [*scorer.FIELDS, "field_acc", "contact_ready", "list_precision"]:
        if metric in scores[names[0]]:
            print(f"{metric:16}" + "".join(f"{scores[n].get(metric, 0.0):10.3f}" for n in names))
    # Wall-clock latency is what a user waits on this machine; CPU seconds are what the same
    # work costs on one idle core, and stay comparable while other jobs load the machine.
    for label, index, q in (
        ("latency_median_s", 1, 0.5),
        ("latency_p95_s", 1, 0.95),
        ("cpu_median_s", 2, 0.5),
        ("cpu_p95_s", 2, 0.95),
    ):
        print(f"{label:16}" + "".join(f"{percentile(columns[n][index], q):10.3f}" for n in names))
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
