"""The core stays Qt-free and the rules of the house hold."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "desktop"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def core_files() -> list[Path]:
    return [p for p in CORE.rglob("*.py") if (CORE / "ui") not in p.parents]


def test_core_never_imports_qt() -> None:
    offenders = {
        str(p.relative_to(ROOT)): sorted(m for m in imported_modules(p) if m.startswith("PySide6"))
        for p in core_files()
    }
    assert {k: v for k, v in offenders.items() if v} == {}
    assert len(core_files()) > 5  # the walk really looked at the core


def test_detector_sees_a_qt_import(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\n")
    assert "PySide6.QtCore" in imported_modules(sample)


def test_only_vault_talks_to_keyring_and_only_store_to_sqlite() -> None:
    for path in CORE.rglob("*.py"):
        mods = imported_modules(path)
        if any(m == "keyring" or m.startswith("keyring.") for m in mods):
            assert path.name == "vault.py", path
        if "sqlite3" in mods:
            assert path.name == "store.py", path


def test_importing_the_core_loads_no_qt() -> None:
    code = (
        "import sys, desktop.casebook, desktop.cli, desktop.bundle, desktop.dossier\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
