#!/usr/bin/env bash
# Serve Klick over HTTPS on the local network, so a phone's in-page camera works.
# A self-signed certificate for this machine's addresses is made once (openssl) and kept
# in the data directory; the phone asks once to trust it. Needs a login (README).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
command -v openssl >/dev/null || { echo "[klick] please install openssl"; exit 1; }

address=${KLICK_ADDRESS:-0.0.0.0}
data_dir=$(.venv/bin/python -c 'from storage.settings import load_settings; print(load_settings().data_dir)')
tls_dir="$data_dir/tls"
cert="$tls_dir/klick-cert.pem" key="$tls_dir/klick-key.pem"
if [[ ! -s $cert || ! -s $key ]]; then
  mkdir -p "$tls_dir" && chmod 700 "$tls_dir"
  san="DNS:localhost,DNS:$(hostname),IP:127.0.0.1"
  for ip in $(hostname -I 2>/dev/null || true); do san="$san,IP:$ip"; done
  echo "[klick] making a self-signed certificate for $san"
  openssl req -x509 -newkey rsa:2048 -sha256 -days 825 -nodes -subj "/CN=Klick on $(hostname)" \
    -addext "subjectAltName=$san" -keyout "$key" -out "$cert" 2>/dev/null
  chmod 600 "$key"
fi

.venv/bin/python -m storage upgrade
.venv/bin/python -m storage check-serving --address "$address"
echo "[klick] open https://<this computer's address>:${KLICK_PORT:-8501} on your phone"
exec .venv/bin/streamlit run app.py \
  --server.address "$address" --server.port "${KLICK_PORT:-8501}" \
  --server.sslCertFile "$cert" --server.sslKeyFile "$key" "$@"
