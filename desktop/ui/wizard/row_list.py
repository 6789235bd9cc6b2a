"""A list of small editable rows (earlier repairs, disputed charges): "Add", "Remove" per row.

Each row is a widget with `load(item)`, `value()` and a `changed` signal;
the list keeps them in order and says so when there are none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui import icons, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit

TEXT_REMOVE = N_("Remove")


class Row(Protocol):
    changed: SignalInstance
    remove_button: QPushButton

    def load(self, item: Any) -> None: ...

    def value(self) -> Any: ...


class RowList(QWidget):
    changed = Signal()

    def __init__(
        self,
        make_row: Callable[[], QWidget],
        add_text: str,
        empty_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._make_row = make_row
        self.rows: list[Any] = []
        self.add_button = QPushButton(icons.icon("plus"), add_text)
        self.empty_label = theme.muted(QLabel(empty_text))
        self.empty_label.setWordWrap(True)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(theme.SPACE_M + 2)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE_M + 2)
        layout.addWidget(self.empty_label)
        layout.addLayout(self._rows_layout)
        layout.addLayout(add_row)
        self.add_button.clicked.connect(self.add_row)
        self._update_empty()

    def set_items(self, items: list[Any]) -> None:
        for row in list(self.rows):
            self._drop(row)
        for item in items:
            self._append().load(item)
        self._update_empty()

    def values(self) -> list[Any]:
        return [row.value() for row in self.rows]

    def add_row(self) -> Any:
        row = self._append()
        self._update_empty()
        # Added from the keyboard or the mouse, the new row is where typing goes next.
        first = _first_field(row)
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)
        emit(self.changed)
        return row

    def remove_row(self, row: Any) -> None:
        self._drop(row)
        self._update_empty()
        emit(self.changed)

    def _append(self) -> Any:
        row = self._make_row()
        row.changed.connect(self.changed)
        row.remove_button.clicked.connect(lambda *_: self.remove_row(row))
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        return row

    def _drop(self, row: Any) -> None:
        self.rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _update_empty(self) -> None:
        self.empty_label.setVisible(not self.rows)


def _first_field(row: QWidget) -> QWidget | None:
    """The row's first widget that Tab stops at, in the focus chain's order."""
    widget = row.nextInFocusChain()
    while widget is not row and widget is not None:
        if row.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return widget
        widget = widget.nextInFocusChain()
    return None


def remove_button() -> QPushButton:
    button = QPushButton(icons.icon("trash"), tr(TEXT_REMOVE))
    button.setObjectName("secondary")
    return button
