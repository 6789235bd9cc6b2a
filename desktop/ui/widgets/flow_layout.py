"""A layout that places its widgets in a row and continues on the next line when the
row is full: choices that would otherwise be elided at larger text or in longer
languages (the device kinds) wrap instead. Each widget keeps its size hint."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(
        self, parent: QWidget | None = None, spacing: int = 8, *, last_at_right: bool = False
    ) -> None:
        """`last_at_right`: the last widget sits at the right end of its line (a toolbar's
        filter and undo beside its buttons), or starts a line of its own if it must."""
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self._last_at_right = last_at_right
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout's item bookkeeping -------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes ----------------------------------------------------------------------

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        shown = [item.sizeHint() for item in self._items if not item.isEmpty()]
        left, top, right, bottom = self.getContentsMargins()
        width = sum(s.width() for s in shown) + self._gap * max(len(shown) - 1, 0)
        height = max((s.height() for s in shown), default=0)
        return QSize(width + left + right, height + top + bottom)

    def minimumSize(self) -> QSize:
        """One widget a line: as narrow as the widest widget."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.sizeHint())
        left, top, right, bottom = self.getContentsMargins()
        return size + QSize(left + right, top + bottom)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in `rect` (or only measure); the height they take."""
        left, top, right, bottom = self.getContentsMargins()
        area = rect.adjusted(left, top, -right, -bottom)
        x, y, line_height = area.x(), area.y(), 0
        shown = [item for item in self._items if not item.isEmpty()]
        parent = self.parentWidget()
        mirrored = parent is not None and parent.isRightToLeft()
        for index, item in enumerate(shown):
            size = item.sizeHint()
            if size.width() > area.width() > 0:  # wider than the line: as wide as it, taller
                height = item.heightForWidth(area.width()) if item.hasHeightForWidth() else -1
                size = QSize(area.width(), max(height, size.height()))
            room = area.right() + 1 - x
            if size.width() > room >= item.minimumSize().width():
                size = QSize(room, size.height())  # it fits when narrower than it likes
            elif x > area.x() and size.width() > room:
                x, y, line_height = area.x(), y + line_height + self._gap, 0
            left = x
            if self._last_at_right and index == len(shown) - 1 and x > area.x():
                left = area.right() + 1 - size.width()
            if move:
                if mirrored:  # right to left: the first widget at the right end
                    left = area.left() + area.right() - (left + size.width() - 1)
                item.setGeometry(QRect(QPoint(left, y), size))
            x += size.width() + self._gap
            line_height = max(line_height, size.height())
        return y + line_height - rect.y() + bottom
