"""The coach card (minimal first version; the full card follows)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.escalation import recommend
from desktop.model import Case


class CoachCard(QFrame):
    log_call_requested = Signal()
    letter_requested = Signal(str)  # "executive" or "customer_relations"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = QLabel()
        self._label.setWordWrap(True)
        QVBoxLayout(self).addWidget(self._label)

    def set_case(self, case: Case | None, today: date) -> None:
        self._label.setText(recommend(case, today).headline if case is not None else "")
