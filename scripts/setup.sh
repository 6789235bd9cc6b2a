#!/usr/bin/env bash
# Idempotent setup: system libraries (Debian/Ubuntu, when root or sudo is available),
# a virtualenv in .venv, and the app installed into it in editable mode.
#   scripts/setup.sh          what the app needs
#   scripts/setup.sh --test   also what the test suite needs
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[[ "${1:-}" == "--test" ]] && want_tests=1

# Qt's xcb platform plugin and fontconfig; the Secret Service for the keyring.
app_debs=(libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon-x11-0 libxcb-cursor0
          libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0
          libxcb-shape0 libxcb-xinerama0 fonts-dejavu-core)
test_debs=(dbus gnome-keyring poppler-utils)

install_debs() {
  command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || return 0
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  local sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "Please install these packages: ${missing[*]}" >&2; return 0
    fi
  fi
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

if [[ "$(uname -s)" == "Linux" ]]; then
  install_debs "${app_debs[@]}"
  [[ $want_tests -eq 1 ]] && install_debs "${test_debs[@]}"
fi

python=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "Case Dossier needs Python 3.11 or newer ($python is older)." >&2; exit 1; }
  "$python" -m venv .venv
fi

# Reinstall only when the declared dependencies changed.
extra=""; [[ $want_tests -eq 1 ]] && extra="[test]"
stamp=".venv/.case-dossier-installed${extra:+-test}"
digest=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$digest" ]]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".${extra}"
  # Packages the project replaced (pillow-heif -> pi-heif), so an older venv matches a new one.
  .venv/bin/python -m pip uninstall -q -y pillow-heif 2>/dev/null || true
  echo "$digest" > "$stamp"
fi
