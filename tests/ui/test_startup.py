"""Start-up stays light: the slow libraries load only after the window is painted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHECK_IMPORTS = """
import sys
from PySide6.QtWidgets import QApplication
import desktop.ui.app as app_module
app = QApplication([])
app_module.configure(app)
app_module.install_language(app)
window = app_module.MainWindow()
window.show()
app.processEvents()
slow = [m for m in ("keyring", "reportlab", "pypdf", "PIL", "sqlite3") if m in sys.modules]
print(",".join(slow) or "none")
"""


def run_python(code: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", CASE_DOSSIER_HOME=str(home), **env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_first_window_imports_nothing_slow(tmp_path: Path) -> None:
    result = run_python(CHECK_IMPORTS, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "none"


def test_run_opens_the_data_after_the_first_paint_and_quits_cleanly(tmp_path: Path) -> None:
    code = "import sys; from desktop.ui.app import run; sys.exit(run(['case-dossier']))"
    result = run_python(code, tmp_path, CASE_DOSSIER_QUIT_AFTER_START="1")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "cases.sqlite3").exists()  # the store was opened after the paint


def test_the_startup_probe_prints_the_first_paint_time(tmp_path: Path) -> None:
    code = "import sys; from desktop.ui.app import run; sys.exit(run(['case-dossier']))"
    result = run_python(code, tmp_path, CASE_DOSSIER_STARTUP_PROBE="1")
    assert result.returncode == 0, result.stderr
    float(result.stdout.strip().splitlines()[-1])
