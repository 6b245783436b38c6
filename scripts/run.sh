#!/usr/bin/env bash
# Start Klick at http://localhost:8501 (set-up included; quick when everything is there).
# KLICK_ADDRESS=0.0.0.0 serves the local network, which needs a login (README).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
address=${KLICK_ADDRESS:-127.0.0.1}
.venv/bin/python -m storage upgrade
.venv/bin/python -m storage check-serving --address "$address"
exec .venv/bin/streamlit run app.py \
  --server.address "$address" \
  --server.port "${KLICK_PORT:-8501}" "$@"
