#!/bin/sh
# Add Case Dossier to the desktop's application menu, for this user only.
# Run from the unpacked folder: ./install-desktop-entry.sh      (--remove to undo)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor"

if [ "${1:-}" = "--remove" ]; then
  rm -f "$apps/case-dossier.desktop"
  for png in "$here"/icons/hicolor/*/apps/case-dossier.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    rm -f "$icons/$size/apps/case-dossier.png"
  done
  echo "Removed Case Dossier from the application menu."
  exit 0
fi

mkdir -p "$apps"
for png in "$here"/icons/hicolor/*/apps/case-dossier.png; do
  size=$(basename "$(dirname "$(dirname "$png")")")
  mkdir -p "$icons/$size/apps"
  cp "$png" "$icons/$size/apps/case-dossier.png"
done
# The entry points at this folder: move the folder, run this again.
sed -e "s|^Exec=.*|Exec=\"$here/case-dossier\"|" -e "s|^TryExec=.*|TryExec=$here/case-dossier|" \
  "$here/case-dossier.desktop" > "$apps/case-dossier.desktop"
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$apps" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q "$icons" 2>/dev/null || true
fi
echo "Added Case Dossier to the application menu ($apps/case-dossier.desktop)."
