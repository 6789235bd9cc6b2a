"""A check box whose title wraps: QCheckBox's own text never does, and a long program
name in German or at 200 % text would otherwise be cut off at the window's edge."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel


class _Title(QLabel):
    """The box's title: a click on it ticks the box, as a click on a box's own text does."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self._box = box
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self._box.click()
        super().mouseReleaseEvent(event)


def wrapping_check(title: str) -> tuple[QCheckBox, QLabel, QHBoxLayout]:
    """A text-less box (named for screen readers) beside its wrapped title, as one row."""
    box = QCheckBox()
    box.setAccessibleName(title)
    label = _Title(title, box)
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(label, 1)
    return box, label, row
