"""Parts side by side when the window has room for them, one under the other when it
does not (larger text, a narrow window): two cards that would otherwise squeeze each
other's words into a thin column, or push the page into scrolling sideways."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QWidget


class AdaptiveRow(QWidget):
    def __init__(self, breakpoint: int, spacing: int, parent: QWidget | None = None) -> None:
        """`breakpoint`: the width in pixels below which the parts are stacked (pass a
        `text_px()` value so that it grows with the text)."""
        super().__init__(parent)
        self._breakpoint = breakpoint
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(spacing)

    def is_stacked(self) -> bool:
        return self.box.direction() is QBoxLayout.Direction.TopToBottom

    def _widest_part(self) -> int:
        return max(
            (self.box.itemAt(i).minimumSize().width() for i in range(self.box.count())),
            default=0,
        )

    def _side_by_side_width(self) -> int:
        parts = [self.box.itemAt(i) for i in range(self.box.count())]
        shown = [part for part in parts if not part.isEmpty()]
        gaps = self.box.spacing() * max(len(shown) - 1, 0)
        return sum(part.minimumSize().width() for part in shown) + gaps

    def minimumSizeHint(self) -> QSize:
        """As narrow as its widest part: stacked, it fits there."""
        return QSize(self._widest_part(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        width = event.size().width()
        side_by_side = width >= max(self._breakpoint, self._side_by_side_width())
        direction = (
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )
        if direction is not self.box.direction():
            self.box.setDirection(direction)
            self.updateGeometry()  # the height it needs changes with the direction
        super().resizeEvent(event)
