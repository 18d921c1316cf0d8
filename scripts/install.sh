#!/usr/bin/env bash
# Install everything kb needs on a fresh machine: a venv with the pinned packages, and
# Debian's chromium + chromedriver for the browser test. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# What was installed is stamped with a hash of the two files that say what to install; a
# matching stamp means nothing to do (importing torch only to see that it is there costs ~30 s).
stamp="$(cat requirements.txt pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ "$(cat .venv/.installed 2>/dev/null)" != "$stamp" ]; then
  .venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
  .venv/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
  echo "$stamp" > .venv/.installed
fi
if [ "${KB_SKIP_BROWSER:-0}" != "1" ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; }; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
  else
    echo "install.sh: chromium and chromium-driver are missing; the browser test will be skipped" >&2
  fi
fi
