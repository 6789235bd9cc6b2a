"""Reading and writing a case's values by dotted path ("purchase.date", "device.serial").

Commands record changes as (path, old, new), which keeps them small and lets
undo touch exactly the values that changed and nothing else.
"""

from __future__ import annotations

from typing import Any

from desktop.model import Case


def get_value(case: Case, path: str) -> Any:
    target: Any = case
    for part in path.split("."):
        target = getattr(target, part)
    return target


def set_value(case: Case, path: str, value: Any) -> None:
    *parents, last = path.split(".")
    target: Any = case
    for part in parents:
        target = getattr(target, part)
    if not hasattr(target, last):
        raise AttributeError(path)
    setattr(target, last, value)
