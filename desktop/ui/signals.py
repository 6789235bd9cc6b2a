"""`emit(signal, *args)`: Signal.emit without PySide6 6.12's lost reference to True.

Measured here (PySide6 6.12.0, CPython 3.11): every `SignalInstance.emit()`
called from Python returns True without owning a reference to it, so each
call lowers True's reference count by one. After a few thousand emits Python
aborts with "bool_dealloc: deallocating True or False". From CPython 3.12 on
True is immortal and nothing happens. The leak is measured once at first use;
where it occurs, each emit gives the reference back.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    ping = Signal()


@cache
def emit_loses_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(lost, 0)):
        _give_back_true()
    return lost > 0


def _give_back_true() -> None:
    import ctypes  # only where the leak exists (and not before the first paint)

    ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def emit(signal: SignalInstance, *args: Any) -> None:
    signal.emit(*args)
    if emit_loses_true():
        _give_back_true()
