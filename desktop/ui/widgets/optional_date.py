"""A date that may be unknown: a QDateEdit plus an "I don't know" box.

Until a date is chosen the edit says "Not set" (Qt's special value text at the
minimum date) so an untouched field is never mistaken for today's date.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QDateEdit, QWidget

from desktop.ui import theme
from desktop.ui.formatting import date_edit_format
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit
from desktop.ui.widgets.flow_layout import FlowLayout

TEXT_NOT_SET = N_("Not set")
TEXT_UNKNOWN = N_("I don't know")

_FLOOR = QDate(1990, 1, 1)  # shown as "Not set"; older Apple devices are out of scope


def typing_start() -> QDate:
    return QDate(QDate.currentDate().year() - 1, 1, 1)


class OptionalDateEdit(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        # "14 Mar 2023" reads the same everywhere; "03/04/23" does not.
        self.date_edit.setDisplayFormat(date_edit_format())
        self.date_edit.setMinimumDate(_FLOOR)
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.date_edit.setSpecialValueText(tr(TEXT_NOT_SET))
        self.date_edit.setDate(_FLOOR)
        # 150 at least, more if larger text needs it (a fixed width would cut the date).
        self.date_edit.setMinimumWidth(max(150, self.date_edit.minimumSizeHint().width()))
        self.unknown_box = QCheckBox(tr(TEXT_UNKNOWN))
        # The box goes under the date when the two do not fit side by side (larger text).
        layout = FlowLayout(self, theme.SPACE_L)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.unknown_box)
        # A caption's shortcut (and a screen reader's name for the field) lands on the date.
        self.setFocusProxy(self.date_edit)
        self.date_edit.dateChanged.connect(self._on_date)
        self.unknown_box.toggled.connect(self._on_unknown)
        # The popup would open in January 1990 for an unset date: show this month instead.
        self.date_edit.calendarWidget().installEventFilter(self)
        # Typing into "Not set" would add to those words: start from today's date instead.
        self.date_edit.installEventFilter(self)

    def value(self) -> date | None:
        if self.unknown_box.isChecked() or self.date_edit.date() == _FLOOR:
            return None
        return self.date_edit.date().toPython()  # type: ignore[no-any-return]

    def set_value(self, value: date | None, *, unknown: bool = False) -> None:
        self.date_edit.setDate(QDate(value) if value is not None else _FLOOR)
        self.unknown_box.setChecked(unknown and value is None)

    def is_unknown(self) -> bool:
        return self.unknown_box.isChecked()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        unset = watched is self.date_edit and self.date_edit.date() == _FLOOR
        if unset and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                # "Not set" has no parts to step through, and Qt's date edit would keep Tab
                # forever (a keyboard trap): move on to the next field.
                self.focusNextPrevChild(event.key() == Qt.Key.Key_Tab)
                return True
            if event.text().isalnum():
                # Start on 1 January of last year: whichever part comes first (day, month
                # or year), every value typed into it gives a past date. From today, a day
                # later in the month would be a future date that Qt refuses to take.
                self.date_edit.setDate(typing_start())
                self.date_edit.setSelectedSection(self.date_edit.sectionAt(0))
                return False  # the key then goes into the first part (the day)
        if event.type() == QEvent.Type.Show and self.date_edit.date() == _FLOOR:
            today = QDate.currentDate()
            self.date_edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return False

    def _on_date(self) -> None:
        if self.value() is not None and self.unknown_box.isChecked():
            self.unknown_box.setChecked(False)
        emit(self.changed)

    def _on_unknown(self, unknown: bool) -> None:
        self.date_edit.setEnabled(not unknown)
        if unknown:
            self.date_edit.setDate(_FLOOR)
        emit(self.changed)
