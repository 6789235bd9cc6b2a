"""desktop.identifiers' verdicts, shown as the message line under a field."""

from __future__ import annotations

from collections.abc import Callable

from desktop import identifiers
from desktop.ui.widgets.field_message import NO_PROBLEM, Check, Level

_LEVELS = {
    identifiers.Level.OK: Level.OK,
    identifiers.Level.WARNING: Level.WARN,
    identifiers.Level.ERROR: Level.ERROR,
}


def as_message(result: identifiers.Check) -> Check:
    if result.level is identifiers.Level.EMPTY or (
        result.level is identifiers.Level.OK and not result.message
    ):
        return NO_PROBLEM
    text = result.message
    if result.suggestion and result.suggestion not in text:
        # The suggestion is the fixed value; most messages already quote it.
        text = f"{text} {result.suggestion}".strip()
    return Check(_LEVELS[result.level], text)


def normalized(check: Callable[[str], identifiers.Check], raw: str) -> str:
    """The tidied value (spaces and dashes gone, upper case) unless the check found an error."""
    result = check(raw)
    if result.level in (identifiers.Level.OK, identifiers.Level.WARNING) and result.normalized:
        return result.normalized
    return raw.strip()
