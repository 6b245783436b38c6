#!/usr/bin/env bash
# Benchmarks that print figures (medians, ratios against the naive way), never assertions,
# then the tests marked `bench`: floors on the labelled photos, kept out of the default run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
for module in tests/bench/*_bench.py; do
  [[ -e $module ]] || continue
  name=$(basename "$module" .py)
  echo "=== $name"
  .venv/bin/python -m "tests.bench.$name" "$@"
done
echo "=== tests marked bench"
.venv/bin/python -m pytest -m bench --bench -p no:cacheprovider -rA
