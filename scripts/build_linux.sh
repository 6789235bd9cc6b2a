#!/usr/bin/env bash
# Build the Linux app folder (dist/case-dossier/) with PyInstaller and run its
# self-test under QT_QPA_PLATFORM=offscreen. Sets up .venv first if needed.
#   scripts/build_linux.sh                      build + self-test
#   scripts/build_linux.sh --archive            also dist/CaseDossier-<version>-linux-<arch>.tar.gz
#   scripts/build_linux.sh --allow-no-keyring   headless machine without a Secret Service
# Other options: python packaging/build.py --help. Signing: packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -x .venv/bin/python ]] || scripts/setup.sh
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
exec .venv/bin/python packaging/build.py linux "$@"
