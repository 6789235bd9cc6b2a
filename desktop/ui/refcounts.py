"""Keeping None, True and False alive despite PySide6 6.12's lost references on CPython 3.11.

Measured here (PySide6 6.12.0, CPython 3.11): every call of a Qt method that
returns nothing (`label.setText(...)`, `widget.show()`, `app.processEvents()`)
hands Python a None it does not own, so each call lowers None's reference
count by one; `Signal.emit()` does the same to True (see signals.py). None
starts with a few thousand references, and one refresh of a case's tabs makes
over a hundred such calls, so after an evening's use the count reaches zero
and Python aborts ("none_dealloc: deallocating None").

From CPython 3.12 on these objects are immortal and nothing happens. On 3.11
`make_singletons_immortal()` gives each of them a headroom of 2**40 references
once, which no session can use up (a million lost references a second would
take twelve days). It writes the reference count directly: the objects are
static and never freed, so only the count's reaching zero matters.
"""

from __future__ import annotations

import sys

HEADROOM = 1 << 40

_done = False


def make_singletons_immortal() -> bool:
    """Give None, True and False their headroom (once); False where not needed or possible."""
    global _done
    if _done or sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return False  # immortal already, or a debug build with a different object layout
    if sys.implementation.name != "cpython":
        return False
    import ctypes

    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM
    _done = True
    return True
