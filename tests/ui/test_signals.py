"""PySide6 6.12 on CPython 3.11 loses a reference to True on every Python-side emit."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from desktop.ui.signals import emit


class Source(QObject):
    changed = Signal(str)


def test_emit_keeps_the_reference_count_of_true_steady() -> None:
    source = Source()
    received: list[str] = []
    source.changed.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(500):
        emit(source.changed, str(i))
    assert sys.getrefcount(True) >= before
    assert len(received) == 500
