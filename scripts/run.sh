#!/usr/bin/env bash
# Set everything up (idempotent) and launch Case Dossier.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python -m desktop "$@"
