"""Every acknowledged edit survives a SIGKILL of the process that is saving.

A child process runs the app's save path (Store.save_case) in a loop and
prints the number of each edit once save_case has returned. The parent kills
it at random moments, then checks that the database opens, passes
PRAGMA integrity_check, and holds at least the last acknowledged edit.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.store import Store

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import sys
from pathlib import Path
from desktop.sample import sample_case
from desktop.store import Store

folder = Path(sys.argv[1])
start = int(sys.argv[2])
store = Store(folder / "cases.sqlite3", folder / "attachments")
case = store.load_case(sys.argv[3]) if start else sample_case()
for n in range(start, start + 100000):
    case.title = f"edit {n}"
    case.symptoms.description = f"edit {n} " + "x" * (n % 997)
    store.save_case(case)
    print(n, flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_acknowledged_edits_survive_sigkill(tmp_path: Path) -> None:
    rng = random.Random(20261122)
    case_id = "5a3c0de1f00d4c6e9b1a2d3e4f5a6b7c"  # the sample case's id
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    acknowledged = -1
    kills = 0
    while acknowledged < 200 or kills < 30:
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(tmp_path), str(acknowledged + 1), case_id],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        first = child.stdout.readline()  # wait until it is saving
        assert first, "child died before its first save"
        acknowledged = max(acknowledged, int(first))
        time.sleep(rng.uniform(0.0, 0.02))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        kills += 1
        for line in rest.splitlines():
            if line.strip():
                acknowledged = max(acknowledged, int(line))

        db = tmp_path / "cases.sqlite3"
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        store = Store(db, tmp_path / "attachments")
        title = store.load_case(case_id).title
        store.close()
        saved = int(title.removeprefix("edit "))
        assert saved >= acknowledged, f"edit {acknowledged} was acknowledged, found {title}"
        acknowledged = saved  # the next child continues from what is on disk
    print(f"\n{acknowledged + 1} edits, {kills} kills, 0 lost")
