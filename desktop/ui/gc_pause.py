"""Pausing Python's cyclic garbage collector while work runs on another thread.

The collector runs in whichever thread happens to allocate. If it runs in a
worker thread and frees a Qt object made on the GUI thread, the process
crashes. So while any worker runs, automatic collection is paused, and the GUI
thread collects before and after. Calls nest: the collector comes back when
the last worker has ended. Call both functions on the GUI thread only.
"""

from __future__ import annotations

import gc

_paused = 0


def pause_garbage_collection() -> None:
    global _paused
    if _paused == 0:
        gc.collect()
        gc.disable()
    _paused += 1


def resume_garbage_collection() -> None:
    global _paused
    _paused = max(_paused - 1, 0)
    if _paused == 0:
        gc.enable()
        gc.collect()


def is_paused() -> bool:
    return _paused > 0
