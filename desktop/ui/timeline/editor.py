"""The timeline editor (minimal first version; the full editor follows)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.casebook import CaseBook
from desktop.model import Case


class TimelineEditor(QWidget):
    case_changed = Signal()

    def __init__(
        self, casebook: CaseBook, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.casebook = casebook
        self.undo_stack = undo_stack
        self.case: Case | None = None
        self._label = QLabel()
        QVBoxLayout(self).addWidget(self._label)

    def set_case(self, case: Case | None) -> None:
        self.case = case
        self._label.setText(str(len(case.contacts)) if case is not None else "")

    @Slot()
    def log_call(self) -> None:
        pass
