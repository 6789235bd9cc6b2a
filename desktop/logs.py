"""Logging that cannot leak a secret: an allow-list of messages and of argument types.

Only message templates listed in ALLOWED may be written; their arguments are
written only when they are numbers, booleans, enum members or `Safe` strings
(text the code has marked as free of user data, such as an exception's class
name). Anything else is replaced, so a serial number passed by mistake never
reaches the log file.
"""

from __future__ import annotations

import logging
import logging.handlers
from enum import Enum
from pathlib import Path


class Safe(str):
    """A string the caller vouches holds no user data."""


ALLOWED: frozenset[str] = frozenset(
    {
        "no allowed keyring backend (found %s)",
        "keyring probe failed: %s",
        "keyring call failed: %s",
        "app started, version %s",
        "dossier built: %d pages in %.2f s",
        "dossier build failed: %s",
        "database opened, schema %d",
        "database moved aside: %s",
    }
)
REDACTED = "<redacted>"


class AllowListFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg not in ALLOWED:
            record.msg, record.args = "unlisted message from %s", (Safe(record.name),)
            record.exc_info = record.exc_text = record.stack_info = None
            return True
        args = record.args if isinstance(record.args, tuple) else ()
        record.args = tuple(arg if _is_safe(arg) else REDACTED for arg in args)
        # Tracebacks can quote local values: keep only the exception's type.
        if record.exc_info and record.exc_info[0] is not None:
            record.msg = f"{record.msg} [{record.exc_info[0].__name__}]"
        record.exc_info = record.exc_text = record.stack_info = None
        return True


def _is_safe(arg: object) -> bool:
    return isinstance(arg, Safe | Enum | bool | int | float)


def configure(folder: Path) -> Path:
    """Send the app's log to a small rotating file in `folder` (0600)."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / "case-dossier.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=512 * 1024, backupCount=2, encoding="utf-8"
    )
    handler.addFilter(AllowListFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("desktop")
    for old in [h for h in root.handlers if getattr(h, "_case_dossier", False)]:
        root.removeHandler(old)  # configured again (a second window, a test): one file
        old.close()
    handler._case_dossier = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    path.touch()
    path.chmod(0o600)
    return path
