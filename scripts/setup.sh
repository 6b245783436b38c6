#!/usr/bin/env bash
# Idempotent set-up shared by scripts/run.sh and scripts/test.sh: a virtualenv with Klick's
# Python packages, and Tesseract (deu+eng) where missing. With --test also what the tests
# need: Debian's chromium and the DejaVu fonts the rendered test cards use.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

say() { printf '[klick] %s\n' "$*"; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else say "Please run as root: $*"; exit 1
  fi
}

apt_updated=0
apt_install() {
  if ! command -v apt-get >/dev/null; then
    say "apt-get is not available here. Install these yourself, then run this command again:"
    say "  macOS (Homebrew): brew install $*"
    exit 1
  fi
  if [[ $apt_updated -eq 0 ]]; then
    as_root apt-get update -q
    apt_updated=1
  fi
  say "Installing with apt-get: $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

# --- system packages -------------------------------------------------------------------
missing=()
if ! command -v tesseract >/dev/null; then
  missing+=(tesseract-ocr tesseract-ocr-deu tesseract-ocr-eng)
else
  langs=$(tesseract --list-langs 2>/dev/null || true)
  grep -qx deu <<<"$langs" || missing+=(tesseract-ocr-deu)
  grep -qx eng <<<"$langs" || missing+=(tesseract-ocr-eng)
fi
if [[ $want_test -eq 1 ]]; then
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  [[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || missing+=(fonts-dejavu-core)
fi
if [[ ${#missing[@]} -gt 0 ]]; then
  if ! command -v apt-get >/dev/null; then
    say "Missing: ${missing[*]}. On macOS: brew install tesseract tesseract-lang"
    exit 1
  fi
  apt_install "${missing[@]}"
fi

# --- Python ----------------------------------------------------------------------------
python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  say "Klick needs Python 3.11 or newer as '$python' (set PYTHON=/path/to/python3.11)."
  exit 1
fi
if [[ ! -x .venv/bin/python ]]; then
  say "Creating .venv"
  "$python" -m venv .venv 2>/dev/null || { apt_install python3-venv && "$python" -m venv .venv; }
fi

extras=""
[[ $want_test -eq 1 ]] && extras="[test]"
stamp=".venv/.klick-installed${extras:+-test}"
fingerprint=$(sha256sum pyproject.toml | cut -c1-64)
if [[ ! -f $stamp || $(cat "$stamp") != "$fingerprint" ]]; then
  say "Installing Python packages${extras:+ (with test tools)}"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".${extras}"
  echo "$fingerprint" >"$stamp"
fi
