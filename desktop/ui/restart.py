"""Start Case Dossier again (after the app language changed).

Qt widgets built in one language cannot all be told to speak another, so a language
change offers a restart: the window closes as on quit (everything is saved), and
once the event loop has ended and the database is closed, `relaunch()` starts a new
process with the same arguments.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QProcess


def command(argv: Sequence[str]) -> tuple[str, list[str]]:
    """The program and arguments that start this app again."""
    if getattr(sys, "frozen", False):  # the packaged app: its executable is the app
        return sys.executable, list(argv[1:])
    return sys.executable, ["-m", "desktop", *argv[1:]]


def relaunch(argv: Sequence[str]) -> bool:
    program, arguments = command(argv)
    started = QProcess.startDetached(program, arguments)
    return bool(started[0] if isinstance(started, tuple) else started)
