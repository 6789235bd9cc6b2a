"""Small inputs of the contact form: a time zone picker and a due date that may be none."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QDateEdit, QHBoxLayout, QWidget

from desktop.ui import choices, theme
from desktop.ui.formatting import date_edit_format
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit
from desktop.ui.widgets.accessible import name_companion

TEXT_DUE = N_("Follow up by")


def time_zone_combo() -> QComboBox:
    """Editable, with a completer that finds "Berlin" inside "Europe/Berlin"."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(choices.time_zones())
    combo.setMaxVisibleItems(16)
    completer = QCompleter(choices.time_zones(), combo)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    combo.setCompleter(completer)
    return combo


def date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_edit_format())  # "Mar 14, 2026": never "03/14/26"
    edit.setMinimumDate(QDate(1990, 1, 1))
    edit.setMaximumDate(QDate(2100, 12, 31))
    edit.setMinimumWidth(130)
    return edit


class DueDateEdit(QWidget):
    """A check box "Follow up by" and a date, enabled only when ticked."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(tr(TEXT_DUE))
        self.date_edit = date_edit()
        self.date_edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE_M)
        layout.addWidget(self.check)
        layout.addWidget(self.date_edit)
        layout.addStretch(1)
        # The date has no caption of its own: the box beside it says what it is.
        name_companion(self.date_edit, self.check.text())
        self.check.toggled.connect(self._toggled)
        self.date_edit.dateChanged.connect(lambda *_: emit(self.changed))

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        return self.date_edit.date().toPython()  # type: ignore[no-any-return]

    def set_value(self, value: date | None, fallback: date) -> None:
        self.date_edit.setDate(QDate(value or fallback))
        self.check.setChecked(value is not None)
        self.date_edit.setEnabled(value is not None)

    def _toggled(self, on: bool) -> None:
        self.date_edit.setEnabled(on)
        emit(self.changed)
