"""One editable field of the Details tab bound to one value of the case.

A binding knows how to read its widget, write a value into it (without
triggering an edit), check it (the verdict goes to the line under it), and when
to commit: text fields a moment after typing stops or when editing is finished,
choices and dates at once. Committing hands the new value to `on_commit`, which
turns it into an undoable, autosaved command.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from desktop.ui.widgets.field_message import NO_PROBLEM, Check, FieldMessage, Level

TYPING_PAUSE_MS = 1200


@dataclass
class Commit:
    path: str
    label: str
    value: Any


class Invalid(Exception):
    """The widget holds no value that can be saved (e.g. "12,3,4" as a price)."""


class FieldBinding(QObject):
    def __init__(
        self,
        path: str,
        label: str,
        widget: QWidget,
        read: Callable[[], Any],
        write: Callable[[Any], None],
        on_commit: Callable[[Commit], None],
        *,
        check: Callable[[], Check] | None = None,
        typed: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.label = label
        self.widget = widget
        self.message = FieldMessage()
        self._read = read
        self._write = write
        self._on_commit = on_commit
        self._check = check
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.commit)
        self.typed = typed
        if typed:
            widget.installEventFilter(self)  # focus out commits at once

    # -- what the widget tells us --------------------------------------------------------

    def typing(self) -> None:
        """Text changed: check now, commit when typing pauses."""
        self.show_check()
        self._timer.start()

    def edited(self) -> None:
        """A choice, a date, or editing finished: commit now."""
        self.show_check()
        self.commit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and self._timer.isActive():
            self.commit()
        return False

    # -- value in, value out ----------------------------------------------------------

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def commit(self) -> None:
        self._timer.stop()
        try:
            value = self._read()
        except Invalid:
            return  # the check line says what is wrong; nothing is saved
        self._on_commit(Commit(self.path, self.label, value))

    def show(self, value: Any) -> None:
        """Put the case's value into the widget, unless the user is typing in it."""
        if self.pending:
            return
        try:
            current = self._read()
        except Invalid:
            current = object()
        if current != value:
            self.widget.blockSignals(True)
            try:
                self._write(value)
            finally:
                self.widget.blockSignals(False)
        self.show_check()

    def show_check(self) -> None:
        self.message.show_check(self._check() if self._check is not None else NO_PROBLEM)

    def check_level(self) -> Level:
        return self.message.check.level


def line_text(edit: QLineEdit) -> Callable[[], str]:
    return lambda: edit.text().strip()


def plain_text(edit: QPlainTextEdit) -> Callable[[], str]:
    return lambda: edit.toPlainText().strip()


def combo_data(combo: QComboBox, kind: type[Enum]) -> Callable[[], Any]:
    """The chosen enum member (the combo holds its value: Qt turns a StrEnum into str)."""
    return lambda: kind(combo.currentData())


def set_combo_data(combo: QComboBox) -> Callable[[Any], None]:
    def write(value: Any) -> None:
        index = combo.findData(value.value if isinstance(value, Enum) else value)
        combo.setCurrentIndex(max(index, 0))

    return write
