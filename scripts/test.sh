#!/usr/bin/env bash
# Set everything up (idempotent) and run the whole test suite: lint, types, and
# pytest inside a private D-Bus session with a real, unlocked gnome-keyring.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy

export QT_QPA_PLATFORM=offscreen
export CASE_DOSSIER_REQUIRE_SECRET_SERVICE=1
# The daemon keeps its keyring file here, away from the user's own keyrings.
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home"

exec dbus-run-session -- bash -c '
  printf "test-password" | gnome-keyring-daemon --foreground --unlock --components=secrets \
      >/dev/null 2>&1 &
  for _ in $(seq 1 100); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
      | grep -q true && break
    sleep 0.1
  done
  .venv/bin/python -m pytest -q "$@"
' bash "$@"
