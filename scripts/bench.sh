#!/usr/bin/env bash
# Benchmarks that print figures (medians, ratios against the naive way), never assertions.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
for module in tests/bench/*_bench.py; do
  [[ -e $module ]] || continue
  name=$(basename "$module" .py)
  echo "=== $name"
  .venv/bin/python -m "tests.bench.$name" "$@"
done
