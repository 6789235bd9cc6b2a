"""Start-up time of the frozen app against the same app run from the venv.

Same method as benchmarks/startup.py (whose `sample` it reuses): each sample is a
fresh process with a data folder holding the sample case, told by
CASE_DOSSIER_STARTUP_PROBE=1 to print the wall-clock time of its main window's
first paint and quit; the clock starts just before the process is spawned. The
two are measured alternately in one run, so the ratio holds on a noisy machine.

    scripts/build_linux.sh                                  # dist/case-dossier/ first
    .venv/bin/python benchmarks/frozen_startup.py [--runs 9] [--bundle PATH]

Goal: frozen at most 1.3x the venv's median.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import ROOT, sample

GOAL = 1.3


def default_bundle() -> Path:
    if sys.platform == "darwin":
        return ROOT / "dist" / "Case Dossier.app" / "Contents" / "MacOS" / "case-dossier"
    if sys.platform == "win32":
        return ROOT / "dist" / "Case Dossier" / "case-dossier.exe"
    return ROOT / "dist" / "case-dossier" / "case-dossier"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--bundle", type=Path, default=default_bundle())
    args = parser.parse_args()
    if not args.bundle.is_file():
        raise SystemExit(f"{args.bundle} not found: build it first (scripts/build_linux.sh)")

    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the venv from its bytecode, as installed
    with tempfile.TemporaryDirectory() as home:
        env["CASE_DOSSIER_HOME"] = home
        subprocess.run(
            [sys.executable, "-m", "desktop", "import", "examples/sample-case.casedossier"],
            env=dict(env, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring"),
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        probe_env = dict(env, CASE_DOSSIER_STARTUP_PROBE="1")
        venv_cmd = [sys.executable, "-m", "desktop"]
        frozen_cmd = [str(args.bundle)]
        sample(venv_cmd, probe_env), sample(frozen_cmd, probe_env)  # warm the file cache
        venv, frozen = [], []
        for _ in range(args.runs):
            venv.append(sample(venv_cmd, probe_env))
            frozen.append(sample(frozen_cmd, probe_env))

    v, f = statistics.median(venv), statistics.median(frozen)
    print(f"runs: {args.runs} each, platform {env['QT_QPA_PLATFORM']}, bundle {args.bundle}")
    print(f"venv (python -m desktop)  median {v * 1000:6.0f} ms  (min {min(venv) * 1000:.0f})")
    print(f"frozen bundle             median {f * 1000:6.0f} ms  (min {min(frozen) * 1000:.0f})")
    print(f"ratio frozen/venv (median) {f / v:.2f}x   goal: at most {GOAL:.2f}x")


if __name__ == "__main__":
    main()
