#!/usr/bin/env bash
# The main job: install, build the demo library from corpus/ if index/ is missing, open the app
# on http://127.0.0.1:8501.
set -euo pipefail
cd "$(dirname "$0")"
KB_SKIP_BROWSER=1 bash scripts/install.sh
export HF_HUB_OFFLINE=1 KB_INDEX="${KB_INDEX:-index}"
exec .venv/bin/python -m kb.app_launch "$@"
