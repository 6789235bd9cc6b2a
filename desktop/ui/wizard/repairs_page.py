"""Hardware cases: earlier repairs of this device (date, place, what was done).

A fault that comes back after a repair is a strong argument, and Apple's own
repairs carry a warranty of their own.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLineEdit, QWidget

from desktop.model import Case, Repair
from desktop.ui import theme
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit
from desktop.ui.widgets.accessible import label_field
from desktop.ui.widgets.optional_date import OptionalDateEdit
from desktop.ui.wizard.page import StepPage
from desktop.ui.wizard.row_list import RowList, remove_button
from desktop.wizard_flow import Step

TEXT_TITLE = N_("Earlier repairs")
TEXT_WHY = N_(
    "A fault that comes back after a repair counts for you: Apple's repairs carry their own "
    "warranty, and the same fault twice points to a defect."
)
TEXT_ADD = N_("Add a repair")
TEXT_EMPTY = N_("No earlier repairs? Leave this empty and go on.")
TEXT_DATE = N_("When")
TEXT_PLACE = N_("Where")
TEXT_PLACE_PLACEHOLDER = N_("Apple Store, service provider, mail-in…")
TEXT_WHAT = N_("What was done")
TEXT_WHAT_PLACEHOLDER = N_("For example: display replaced, case number 102938475610")


class RepairRow(QFrame):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._id: str | None = None
        self.date_edit = OptionalDateEdit()
        self.date_edit.unknown_box.hide()  # an unknown date is simply left unset here
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(tr(TEXT_PLACE_PLACEHOLDER))
        self.place_edit.setMaxLength(2000)
        self.what_edit = QLineEdit()
        self.what_edit.setPlaceholderText(tr(TEXT_WHAT_PLACEHOLDER))
        self.what_edit.setMaxLength(2000)
        self.remove_button = remove_button()
        grid = QGridLayout(self)
        grid.setContentsMargins(theme.SPACE_L, theme.SPACE_M + 2, theme.SPACE_L, theme.SPACE_M + 2)
        grid.setHorizontalSpacing(theme.SPACE_L)
        grid.setVerticalSpacing(theme.SPACE_S + 2)
        for column, (text, widget) in enumerate(
            ((TEXT_DATE, self.date_edit), (TEXT_PLACE, self.place_edit))
        ):
            caption = label_field(theme.muted(QLabel(tr(text))), widget)
            grid.addWidget(caption, 0, column)
            grid.addWidget(widget, 1, column)
        grid.addWidget(self.remove_button, 1, 2)
        what = label_field(theme.muted(QLabel(tr(TEXT_WHAT))), self.what_edit)
        grid.addWidget(what, 2, 0, 1, 3)
        grid.addWidget(self.what_edit, 3, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        for signal in (
            self.date_edit.changed,
            self.place_edit.textEdited,
            self.what_edit.textEdited,
        ):
            signal.connect(lambda *_: emit(self.changed))

    def load(self, repair: Repair) -> None:
        self._id = repair.id
        self.date_edit.set_value(repair.date)
        self.place_edit.setText(repair.place)
        self.what_edit.setText(repair.what)

    def value(self) -> Repair:
        repair = Repair(
            date=self.date_edit.value(),
            place=self.place_edit.text().strip(),
            what=self.what_edit.text().strip(),
        )
        if self._id is not None:
            repair.id = self._id
        else:
            self._id = repair.id  # the same id on every apply
        return repair


class RepairsPage(StepPage):
    step = Step.REPAIRS
    TITLE = TEXT_TITLE
    WHY = TEXT_WHY

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repairs = RowList(RepairRow, tr(TEXT_ADD), tr(TEXT_EMPTY))
        column = self.scrolling_body()
        column.addWidget(self.repairs)
        column.addStretch(1)
        self.watch(self.repairs.changed, "repairs")

    def load(self, case: Case) -> None:
        with self.loading():
            self.repairs.set_items(case.repairs)

    def apply(self, case: Case) -> None:
        # Rows left completely empty are not repairs.
        case.repairs = [r for r in self.repairs.values() if r.date or r.place or r.what]
