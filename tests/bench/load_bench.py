"""Saving under load: writer processes and phone sessions, on SQLite and PostgreSQL.

    .venv/bin/python -m tests.bench.load_bench [--writers 8] [--captures 300]
                                               [--phones 10] [--cards 3] [--skip-browser]

1. Concurrency: `--writers` processes each save `--captures` small captures (photo, then
   answers: two transactions, as the capture page does) into one database at once.
2. Load: a real Klick server on loopback; `--phones` browser sessions in one chromium each
   upload `--cards` rendered cards, wait for the read fields, answer and save.

PostgreSQL runs when KLICK_TEST_POSTGRES_URL is set (a fresh database per run, dropped
afterwards). Prints saves per second and latencies (median, p95); asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import POSTGRES_ENV
from tests.load.browser_load import card_photos, klick_server, run_phones
from tests.load.harness import run_writers, stored_captures
from tests.support import fresh_postgres, p95

HEADER = f"{'database':17}{'saved':>13}{'per s':>9}{'median ms':>10}{'p95 ms':>10}"


@contextmanager
def databases(workdir: Path, name: str) -> Iterator[list[tuple[str, str]]]:
    """(label, URL) for SQLite in workdir and, when configured, a fresh PostgreSQL."""
    found = [("SQLite", f"sqlite:///{workdir / f'{name}.db'}")]
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        yield found
        return
    with fresh_postgres(base) as url:
        yield [*found, ("PostgreSQL", url)]


def row(
    label: str, saves: int, expected: int, per_s: float, values: list[float], extra: str
) -> str:
    median = statistics.median(values) if values else 0.0
    return (
        f"{label:17}{saves:>6}/{expected:<6}{per_s:>9.1f}{median:>10.1f}{p95(values):>10.1f}"
        f"  {extra}"
    )


def concurrency(args: argparse.Namespace) -> None:
    expected = args.writers * args.captures
    print(f"\nConcurrency: {args.writers} writer processes × {args.captures} captures")
    print("(per s: captures saved per second, all writers; ms: photo + answers, two commits)")
    print(HEADER)
    with tempfile.TemporaryDirectory() as workdir, databases(Path(workdir), "writers") as found:
        for label, url in found:
            run = run_writers(url, writers=args.writers, captures=args.captures)
            stored = stored_captures(url)
            extra = f"retried writes: {run.retries}; errors: {len(run.errors)}"
            if stored.cards != expected:
                extra += f"; STORED ONLY {stored.cards}"
            print(row(label, len(run.shas), expected, run.saves_per_s, run.latencies_ms, extra))


def load(args: argparse.Namespace) -> None:
    expected = args.phones * args.cards
    print(f"\nLoad: {args.phones} phone sessions × {args.cards} cards, real server on loopback")
    print("(per s: cards saved per second of the whole run, reading included;")
    print(" save ms: tap “Save contact” → “Saved”; read ms: upload → fields shown, OCR included)")
    print(HEADER)
    with tempfile.TemporaryDirectory() as workdir:
        root = Path(workdir)
        photos = card_photos(root / "cards", args.phones, args.cards)
        with databases(root, "load") as found:
            for label, url in found:
                data_dir = root / label
                data_dir.mkdir()
                with klick_server(data_dir, url) as server:
                    run = run_phones(server, photos, time_limit_s=args.time_limit)
                stored = stored_captures(url)
                errors = f"errors: {len(run.errors)}" + (
                    f" ({run.errors[0]})" if run.errors else ""
                )
                print(
                    row(
                        f"{label} save",
                        run.saves,
                        expected,
                        run.saves_per_s,
                        run.save_latencies_ms,
                        f"stored {stored.cards}; {errors}",
                    )
                )
                print(row(f"{label} read", run.saves, expected, 0.0, run.read_latencies_ms, ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--captures", type=int, default=300)
    parser.add_argument("--phones", type=int, default=10)
    parser.add_argument("--cards", type=int, default=3)
    parser.add_argument("--time-limit", type=float, default=600)
    parser.add_argument("--skip-browser", action="store_true")
    args = parser.parse_args()
    print(f"cpus: {os.cpu_count()}")
    concurrency(args)
    if not args.skip_browser:
        load(args)


if __name__ == "__main__":
    main()
