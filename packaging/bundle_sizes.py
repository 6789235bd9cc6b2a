"""What a built one-folder bundle is made of, in MB on disk, grouped as in README.md.

    .venv/bin/python packaging/bundle_sizes.py [dist/case-dossier] [--files 20]

Symbolic links count as nothing (as in build.py's total). The groups follow the
bundle's folders, so the figures can be checked with `du` too.
"""

from __future__ import annotations

import argparse
import os
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (group, test on the path relative to the bundle folder), first match wins.
GROUPS: list[tuple[str, tuple[str, ...]]] = [
    ("ICU", ("_internal/PySide6/Qt/lib/libicu",)),
    ("Qt libraries", ("_internal/PySide6/Qt/lib/",)),
    ("Qt plugins and translations", ("_internal/PySide6/Qt/",)),
    ("PySide6 bindings", ("_internal/PySide6/", "_internal/shiboken6/")),
    ("Kurinto fonts", ("_internal/weblate_fonts/",)),
    ("cryptography", ("_internal/cryptography",)),
    ("Pillow", ("_internal/PIL/", "_internal/pillow.libs/")),
    ("pi-heif", ("_internal/pi_heif", "_internal/_pi_heif")),
    (
        "Python itself",
        ("_internal/libpython", "_internal/python3", "_internal/base_library.zip"),
    ),
    ("OpenSSL", ("_internal/libcrypto.so", "_internal/libssl.so")),
]


def group_of(relative: str) -> str:
    for name, prefixes in GROUPS:
        if relative.startswith(prefixes):
            return name
    if "/" not in relative:
        return "the executable" if ".so" not in relative else "other libraries"
    if relative.count("/") == 1 and ".so" in relative:
        return "other libraries"
    return "the rest"


def sizes(folder: Path) -> tuple[Counter[str], list[tuple[int, str]]]:
    groups: Counter[str] = Counter()
    files = []
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            if path.is_symlink():
                continue
            relative = path.relative_to(folder).as_posix()
            size = path.stat().st_size
            groups[group_of(relative)] += size
            files.append((size, relative))
    return groups, sorted(files, reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=ROOT / "dist" / "case-dossier")
    parser.add_argument("--files", type=int, default=20, help="also list the N largest files")
    args = parser.parse_args()
    if not args.folder.is_dir():
        raise SystemExit(f"{args.folder} not found: build it first (scripts/build_linux.sh)")
    groups, files = sizes(args.folder)
    for name, size in groups.most_common():
        print(f"{size / 1e6:6.1f}  {name}")
    print(f"{sum(groups.values()) / 1e6:6.1f}  total")
    if args.files:
        print()
        for size, relative in files[: args.files]:
            print(f"{size / 1e6:6.2f}  {relative}")


if __name__ == "__main__":
    main()
