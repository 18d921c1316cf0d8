#!/usr/bin/env bash
# The test command: installs what is missing, then runs the whole suite (unit, CLI, eval floors,
# AppTest and the headless-Chromium end-to-end test).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/install.sh
export HF_HUB_OFFLINE=1
exec .venv/bin/python -m pytest -q "$@"
