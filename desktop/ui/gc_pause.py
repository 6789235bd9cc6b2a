"""Pausing Python's cyclic garbage collector while work runs on another thread.

The collector runs in whichever thread happens to allocate. If it runs in a
worker thread and frees a Qt object made on the GUI thread, the process
crashes. So while any worker runs, automatic collection is paused; it resumes
when the last worker has ended (calls nest), when only the GUI thread runs
Python. Call both functions on the GUI thread only.
"""

from __future__ import annotations

import gc

_paused = 0


def pause_garbage_collection() -> None:
    global _paused
    if _paused == 0:
        # No collect() first: a full collection here would stall the window for tens of
        # milliseconds (benchmarks/gui_stall.py); disabling alone keeps the worker safe.
        gc.disable()
    _paused += 1


def resume_garbage_collection() -> None:
    global _paused
    _paused = max(_paused - 1, 0)
    if _paused == 0:
        gc.enable()  # the next automatic collection runs on whichever thread allocates


def is_paused() -> bool:
    return _paused > 0
