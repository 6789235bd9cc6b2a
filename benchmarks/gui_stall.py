"""The longest GUI event-loop stall while the app's worker builds the heavy dossier.

A QTimer asks for a tick every 2 ms on the GUI thread while DossierJob (the
worker the Dossier tab uses) renders the heavy case of benchmarks/render.py;
the longest gap between two ticks is the longest time the window could not
repaint or answer a click. Python's GIL is shared with the worker, so this
is the figure the user feels.

    .venv/bin/python benchmarks/gui_stall.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.render import write_case  # noqa: E402


def one_run(folder: Path, case_json: Path, warm: bool) -> tuple[float, float, int]:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from desktop.codec import case_from_dict
    from desktop.ui.dossier_job import DossierJob, DossierOptions

    case = case_from_dict(json.loads(case_json.read_text(encoding="utf-8")))
    options = DossierOptions(renditions_dir=folder / "renditions" if warm else None)
    job = DossierJob(case, folder / "attachments", options=options)
    clock, gaps = QElapsedTimer(), [0.0]
    last = [0.0]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(tick)
    loop = QEventLoop()
    pages = [0]

    def done(_path: str, count: int) -> None:
        pages[0] = count
        loop.quit()

    job.finished.connect(done)
    job.failed.connect(lambda message: (print(message), loop.quit()))
    started = time.perf_counter()
    clock.start()
    timer.start()
    job.start()
    loop.exec()
    timer.stop()
    job.wait()
    job.discard()
    return max(gaps), time.perf_counter() - started, pages[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from desktop.ui.refcounts import make_singletons_immortal

    app = QApplication(sys.argv)
    make_singletons_immortal()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        case_json = write_case(folder, entries=300, photos=8, receipts=3, text=20_000)
        print("heavy case: 300 entries, 8 photos of 12 MP, 3 PDF receipts, 20,000 characters")
        for label, warm in (("renditions ready", True), ("cold (no renditions)", False)):
            if warm:
                one_run(folder, case_json, True)  # makes the renditions
            results = [one_run(folder, case_json, warm) for _ in range(args.runs)]
            stall = statistics.median(r[0] for r in results)
            wall = statistics.median(r[1] for r in results)
            print(
                f"{label:22} longest GUI stall median {stall:6.1f} ms "
                f"(max {max(r[0] for r in results):.1f}), build {wall:.2f} s, "
                f"{results[0][2]} pages   goal: no stall over 50 ms"
            )
    del app


if __name__ == "__main__":
    main()
