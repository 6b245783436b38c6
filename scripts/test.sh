#!/usr/bin/env bash
# Run the whole test suite: lint, types, import contracts, then pytest (set-up included).
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -m "not slow"`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
echo "[klick] ruff"
.venv/bin/ruff check .
echo "[klick] mypy"
.venv/bin/mypy app.py capture followup storage
echo "[klick] import contracts"
.venv/bin/lint-imports --no-logo
echo "[klick] pytest"
.venv/bin/python -m pytest "$@"
