#!/usr/bin/env bash
# Start Klick at http://localhost:8501 (set-up included; quick when everything is there).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m storage upgrade
exec .venv/bin/streamlit run app.py \
  --server.address "${KLICK_ADDRESS:-127.0.0.1}" \
  --server.port "${KLICK_PORT:-8501}" "$@"
