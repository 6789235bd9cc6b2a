"""Closing a case: how it ended, when, what was paid, the new serial after a replacement,
and a note. The history stays; a closed case can be reopened at any time."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop import identifiers
from desktop.model import Case, Closure, Resolution
from desktop.ui import choices, icons, theme
from desktop.ui.case_status import RESOLUTION_LABELS
from desktop.ui.formatting import date_edit_format
from desktop.ui.i18n import N_, current_language, tr
from desktop.ui.text_metrics import text_px
from desktop.ui.widgets.accessible import (
    TEXT_CURRENCY,
    caption,
    mnemonics_when_shown,
    name_companion,
)
from desktop.ui.widgets.field_message import NO_PROBLEM, Check, FieldMessage, Level
from desktop.ui.wizard.identifier_checks import as_message, normalized
from desktop.ui.wizard.money import format_price, parse_price

TEXT_TITLE = N_("Close case")
TEXT_HEADING = N_("How did it end?")
TEXT_INTRO = N_(
    "Record the outcome. Nothing else changes: the contacts and files stay, and you can "
    "reopen the case if the fault comes back."
)
TEXT_CLOSED_ON = N_("Closed on")
TEXT_PAID = N_("You paid")
TEXT_PAID_NOTE = N_("Leave empty if it cost nothing.")
TEXT_PAID_ERROR = N_("Write the amount as a number, for example 129.00 or 129,00.")
TEXT_NEW_SERIAL = N_("New serial number")
TEXT_NEW_SERIAL_NOTE = N_(
    "The replacement has its own serial: Settings > General > About. "
    "Kept in your system's keychain."
)
TEXT_NOTE = N_("Note")
TEXT_NOTE_PLACEHOLDER = N_("What was done, by whom, anything to remember")
TEXT_REPAIR_WARRANTY = N_(
    "Apple's repair carries its own warranty: 90 days, or the rest of the original warranty, "
    "whichever is longer. It appears under Coverage."
)
TEXT_CLOSE = N_("Close case")
TEXT_CANCEL = N_("Cancel")

RESOLUTION_HINTS: dict[Resolution, str] = {
    Resolution.REPAIRED_FREE: N_("Fixed at no cost to you."),
    Resolution.PARTLY_PAID: N_("Fixed, and you paid part of the price."),
    Resolution.REPLACED: N_("You received another unit."),
    Resolution.REFUNDED: N_("You got your money back."),
    Resolution.REFUSED: N_("Apple said no, and you are not taking it further."),
    Resolution.GAVE_UP: N_("You stopped pursuing it."),
}

_REPAIRED = (Resolution.REPAIRED_FREE, Resolution.PARTLY_PAID, Resolution.REPLACED)


class CloseCaseDialog(QDialog):
    def __init__(self, case: Case, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr(TEXT_TITLE))
        self.setObjectName("closeCaseDialog")
        self._case = case
        previous = case.closure

        heading = theme.heading(tr(TEXT_HEADING), 1.3)
        intro = theme.muted(QLabel(tr(TEXT_INTRO)))
        intro.setWordWrap(True)

        self.outcome_buttons: dict[Resolution, QRadioButton] = {}
        self._group = QButtonGroup(self)
        outcomes = QVBoxLayout()
        outcomes.setSpacing(theme.SPACE_S + 2)
        for resolution, label in RESOLUTION_LABELS.items():
            button = QRadioButton(tr(label))
            hint = theme.muted(QLabel(tr(RESOLUTION_HINTS[resolution])))
            hint.setContentsMargins(theme.SPACE_XL, 0, 0, 0)
            self._group.addButton(button)
            self.outcome_buttons[resolution] = button
            row = QVBoxLayout()
            row.setSpacing(0)
            row.addWidget(button)
            row.addWidget(hint)
            outcomes.addLayout(row)
        chosen = previous.resolution or Resolution.REPAIRED_FREE
        self.outcome_buttons[chosen].setChecked(True)

        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_edit_format())
        self.date_edit.setMaximumDate(QDate(today))
        self.date_edit.setDate(QDate(previous.closed_on or today))
        self.date_edit.setMinimumWidth(150)
        self.date_edit.setMaximumWidth(text_px(200))

        self.paid_edit = QLineEdit(format_price(previous.paid))
        self.paid_edit.setPlaceholderText("0.00")
        self.paid_edit.setMaximumWidth(text_px(140))
        self.paid_edit.textEdited.connect(self._update)
        self.currency_combo = QComboBox()
        self.currency_combo.setEditable(True)
        self.currency_combo.addItems(choices.COMMON_CURRENCIES)
        self.currency_combo.setCurrentText(previous.currency or case.purchase.currency or "EUR")
        self.currency_combo.setMaximumWidth(text_px(100))
        name_companion(self.currency_combo, tr(TEXT_CURRENCY))
        paid_row = QWidget()
        paid_layout = QHBoxLayout(paid_row)
        paid_layout.setContentsMargins(0, 0, 0, 0)
        paid_layout.addWidget(self.paid_edit)
        paid_layout.addWidget(self.currency_combo)
        paid_layout.addStretch(1)
        self.paid_message = FieldMessage()
        paid_note = theme.muted(QLabel(tr(TEXT_PAID_NOTE)))

        self.serial_edit = QLineEdit(previous.new_serial)
        self.serial_edit.setMaxLength(40)
        self.serial_edit.setMaximumWidth(text_px(260))
        self.serial_edit.textEdited.connect(self._update)
        self.serial_message = FieldMessage()
        self.serial_note = theme.muted(QLabel(tr(TEXT_NEW_SERIAL_NOTE)))
        self.serial_note.setWordWrap(True)

        self.note_edit = QPlainTextEdit(previous.note)
        self.note_edit.setPlaceholderText(tr(TEXT_NOTE_PLACEHOLDER))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 3 + 14)

        self.warranty_note = QLabel(tr(TEXT_REPAIR_WARRANTY))
        self.warranty_note.setWordWrap(True)
        warranty_icon = QLabel()
        warranty_icon.setPixmap(icons.pixmap("shield", 18, theme.colours().accent))
        self._warranty_row = QWidget()
        warranty_layout = QHBoxLayout(self._warranty_row)
        warranty_layout.setContentsMargins(0, 0, 0, 0)
        warranty_layout.addWidget(warranty_icon, 0, Qt.AlignmentFlag.AlignTop)
        warranty_layout.addWidget(self.warranty_note, 1)

        form = QFormLayout()
        form.setHorizontalSpacing(theme.SPACE_L)
        form.setVerticalSpacing(theme.SPACE_M)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(caption(tr(TEXT_CLOSED_ON), self.date_edit), self.date_edit)
        paid_column = QWidget()
        paid_column_layout = QVBoxLayout(paid_column)
        paid_column_layout.setContentsMargins(0, 0, 0, 0)
        paid_column_layout.setSpacing(2)
        paid_column_layout.addWidget(paid_row)
        paid_column_layout.addWidget(self.paid_message)
        paid_column_layout.addWidget(paid_note)
        form.addRow(caption(tr(TEXT_PAID), self.paid_edit, tr(TEXT_PAID_NOTE)), paid_column)
        self._serial_column = QWidget()
        serial_layout = QVBoxLayout(self._serial_column)
        serial_layout.setContentsMargins(0, 0, 0, 0)
        serial_layout.setSpacing(2)
        serial_layout.addWidget(self.serial_edit)
        serial_layout.addWidget(self.serial_message)
        serial_layout.addWidget(self.serial_note)
        form.addRow(
            caption(tr(TEXT_NEW_SERIAL), self.serial_edit, tr(TEXT_NEW_SERIAL_NOTE)),
            self._serial_column,
        )
        form.addRow(caption(tr(TEXT_NOTE), self.note_edit), self.note_edit)
        self._form = form

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr(TEXT_CLOSE))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr(TEXT_CANCEL))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_XL, theme.SPACE_XL, theme.SPACE_XL, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_M + 2)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(theme.SPACE_S)
        layout.addLayout(outcomes)
        layout.addSpacing(theme.SPACE_S)
        layout.addLayout(form)
        layout.addWidget(self._warranty_row)
        layout.addSpacing(theme.SPACE_S)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        for button in self.outcome_buttons.values():
            button.toggled.connect(self._update)
        self._update()
        mnemonics_when_shown(self)  # Alt+letter on each caption, in this window's letters

    def resolution(self) -> Resolution:
        return next(r for r, b in self.outcome_buttons.items() if b.isChecked())

    def set_resolution(self, resolution: Resolution) -> None:
        self.outcome_buttons[resolution].setChecked(True)

    def _paid(self) -> Decimal | None:
        return parse_price(self.paid_edit.text())

    def _update(self, *_: object) -> None:
        resolution = self.resolution()
        replaced = resolution is Resolution.REPLACED
        self._form.setRowVisible(self._serial_column, replaced)
        self._warranty_row.setVisible(resolution in _REPAIRED)
        try:
            self._paid()
        except ValueError:
            paid_check = Check(Level.ERROR, tr(TEXT_PAID_ERROR))
        else:
            paid_check = NO_PROBLEM
        self.paid_message.show_check(paid_check)
        serial_check = (
            as_message(identifiers.check_serial(self.serial_edit.text(), current_language()))
            if replaced
            else NO_PROBLEM
        )
        self.serial_message.show_check(serial_check)
        self.ok_button.setEnabled(not paid_check.blocks)
        self.adjustSize()

    def closure(self, today: date) -> Closure:
        """What the dialog says, as the case's closure."""
        resolution = self.resolution()
        try:
            paid = self._paid()
        except ValueError:
            paid = None
        new_serial = ""
        if resolution is Resolution.REPLACED:
            new_serial = normalized(identifiers.check_serial, self.serial_edit.text())
        closed_on = self.date_edit.date().toPython()
        return Closure(
            resolution=resolution,
            closed_on=closed_on if isinstance(closed_on, date) else today,
            paid=paid,
            currency=self.currency_combo.currentText().strip().upper() if paid else "",
            new_serial=new_serial,
            note=self.note_edit.toPlainText().strip(),
        )
