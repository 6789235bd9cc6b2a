"""A combo box whose value is a code (e.g. "DE"), not an index.

A plain QComboBox hands out its index (also as a wizard field); pages here
read and write codes so that reordering the list can never change the data.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget


class CodeCombo(QComboBox):
    def __init__(
        self,
        items: list[tuple[str, str]],
        *,
        placeholder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setMaxVisibleItems(16)
        if placeholder:
            self.addItem(placeholder, "")
        for code, label in items:
            self.addItem(label, code)

    def code(self) -> str:
        return str(self.currentData() or "")

    def set_code(self, code: str) -> None:
        index = self.findData(code, Qt.ItemDataRole.UserRole)
        if index < 0 and code:
            # A code the list does not know (e.g. from an imported case): keep it, do not lose it.
            self.addItem(code, code)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))
