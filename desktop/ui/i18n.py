"""One door for user-visible text, so translations can be added later without a hunt.

Modules keep their strings together at the top (marked with `N_`) and call
`tr()` when the text is shown, after any translator has been installed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "CaseDossier"


def N_(text: str) -> str:
    return text


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)
