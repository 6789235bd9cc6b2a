"""Start-up time: process start -> main window first painted, against a bare Qt window.

Both are measured in the same run, alternating, so the ratio holds on a noisy
machine. Each sample is a fresh process; the clock starts just before the
process is spawned and stops at the wall-clock time the child prints when its
window receives its first paint event.

    .venv/bin/python benchmarks/startup.py [--runs 7]

The app's figure is its real start-up path (`python -m desktop` with a data
folder holding the sample case), told to print and quit on first paint by
CASE_DOSSIER_STARTUP_PROBE=1.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(repr(time.time()), flush=True)
            QTimer.singleShot(0, app.quit)
            obj.removeEventFilter(self)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1100, 720)
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
"""


def sample(command: list[str], env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
    lines = [line for line in out.stdout.splitlines() if line.strip()]
    if out.returncode != 0 or not lines:
        raise SystemExit(f"{command} failed:\n{out.stdout}\n{out.stderr}")
    return float(lines[-1]) - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # An installed app runs from compiled bytecode (pip and PyInstaller write it); with
    # PYTHONDONTWRITEBYTECODE set (as on some CI machines) every run would compile the
    # app's modules again and measure that instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as home:
        env["CASE_DOSSIER_HOME"] = home
        subprocess.run(
            [sys.executable, "-m", "desktop", "import", "examples/sample-case.casedossier"],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        app_env = dict(env, CASE_DOSSIER_STARTUP_PROBE="1")
        bare_cmd = [sys.executable, "-c", BARE_WINDOW]
        app_cmd = [sys.executable, "-m", "desktop"]
        sample(bare_cmd, env), sample(app_cmd, app_env)  # warm the file cache
        bare, app = [], []
        for _ in range(args.runs):
            bare.append(sample(bare_cmd, env))
            app.append(sample(app_cmd, app_env))

    b, a = statistics.median(bare), statistics.median(app)
    print(f"runs: {args.runs} each, platform {env['QT_QPA_PLATFORM']}")
    print(f"bare QMainWindow  median {b * 1000:6.0f} ms  (min {min(bare) * 1000:.0f})")
    print(f"Case Dossier      median {a * 1000:6.0f} ms  (min {min(app) * 1000:.0f})")
    print(f"ratio (median)    {a / b:.2f}x   goal: at most 1.50x")


if __name__ == "__main__":
    main()
