"""Account & billing cases: the disputed App Store / iTunes charges, one card each:
order ID, date, amount, what was bought, and what Report a Problem answered."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.model import Case, Charge
from desktop.ui import choices, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit
from desktop.ui.text_metrics import text_px
from desktop.ui.widgets.accessible import TEXT_CURRENCY, label_field, name_companion
from desktop.ui.widgets.field_message import NO_PROBLEM, Check, FieldMessage, Level
from desktop.ui.widgets.optional_date import OptionalDateEdit
from desktop.ui.wizard.money import format_price, parse_price
from desktop.ui.wizard.page import StepPage
from desktop.ui.wizard.row_list import RowList, remove_button
from desktop.wizard_flow import Step

TEXT_TITLE = N_("The charges you dispute")
TEXT_WHY = N_(
    "Apple finds each purchase by its order ID. The receipt email and reportaproblem.apple.com "
    "show it, with the date and the amount."
)
TEXT_ADD = N_("Add a charge")
TEXT_EMPTY = N_(
    "No charge to dispute (a locked account, a subscription question)? Leave this empty."
)
TEXT_ORDER = N_("Order ID")
TEXT_ORDER_PLACEHOLDER = N_("From the receipt email, for example MK4Q7R2X9P")
TEXT_DATE = N_("Date")
TEXT_AMOUNT = N_("Amount")
TEXT_ITEM = N_("What was bought")
TEXT_ITEM_PLACEHOLDER = N_("App, in-app purchase or subscription, as on the receipt")
TEXT_REPORT = N_("What Report a Problem said")
TEXT_REPORT_PLACEHOLDER = N_(
    "For example: refund refused on 3 Nov, “not eligible”; or not asked yet"
)
TEXT_AMOUNT_ERROR = N_("Write the amount as a number, for example 49.99 or 49,99.")
TEXT_SECRET_NOTE = N_("Order IDs are kept in your system's keychain.")
TEXT_LINK = N_(
    'Ask for a refund first at <a href="https://reportaproblem.apple.com">'
    "reportaproblem.apple.com</a>; note what it answers."
)


class ChargeRow(QFrame):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._id: str | None = None
        self.order_edit = _line(TEXT_ORDER_PLACEHOLDER, 200)
        # An order ID (ten characters) stays readable however narrow the row gets.
        order_width = self.order_edit.fontMetrics().horizontalAdvance("MT4Q7XK2LB")
        self.order_edit.setMinimumWidth(order_width + 16)
        self.date_edit = OptionalDateEdit()
        self.date_edit.unknown_box.hide()
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText("0.00")
        self.amount_edit.setMaximumWidth(text_px(120))
        # Room for "9,999.99" whatever the text size: a squeezed amount shows only its end.
        digits = self.amount_edit.fontMetrics().horizontalAdvance("9,999.99")
        self.amount_edit.setMinimumWidth(min(digits + 16, text_px(120)))
        self.currency_combo = QComboBox()
        self.currency_combo.setEditable(True)
        self.currency_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.currency_combo.addItems(choices.COMMON_CURRENCIES)
        self.currency_combo.setMaximumWidth(text_px(90))
        name_companion(self.currency_combo, tr(TEXT_CURRENCY))
        self.item_edit = _line(TEXT_ITEM_PLACEHOLDER, 2000)
        self.report_edit = _line(TEXT_REPORT_PLACEHOLDER, 2000)
        self.amount_message = FieldMessage()
        self.remove_button = remove_button()

        amount = QHBoxLayout()
        amount.setSpacing(theme.SPACE_M)
        amount.addWidget(self.amount_edit)
        amount.addWidget(self.currency_combo)
        amount.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(theme.SPACE_L, theme.SPACE_M + 2, theme.SPACE_L, theme.SPACE_M + 2)
        grid.setHorizontalSpacing(theme.SPACE_L)
        grid.setVerticalSpacing(theme.SPACE_S + 2)
        grid.addWidget(_caption(TEXT_ORDER, self.order_edit), 0, 0)
        grid.addWidget(_caption(TEXT_DATE, self.date_edit), 0, 1)
        grid.addWidget(_caption(TEXT_AMOUNT, self.amount_edit), 0, 2)
        grid.addWidget(self.order_edit, 1, 0)
        grid.addWidget(self.date_edit, 1, 1)
        grid.addLayout(amount, 1, 2)
        grid.addWidget(self.amount_message, 2, 2)
        grid.addWidget(_caption(TEXT_ITEM, self.item_edit), 3, 0, 1, 3)
        grid.addWidget(self.item_edit, 4, 0, 1, 3)
        grid.addWidget(_caption(TEXT_REPORT, self.report_edit), 5, 0, 1, 3)
        grid.addWidget(self.report_edit, 6, 0, 1, 3)
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(self.remove_button)
        grid.addLayout(foot, 7, 0, 1, 3)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 2)
        for signal in (
            self.order_edit.textEdited,
            self.date_edit.changed,
            self.amount_edit.textEdited,
            self.currency_combo.editTextChanged,
            self.item_edit.textEdited,
            self.report_edit.textEdited,
        ):
            signal.connect(lambda *_: self._edited())

    def _edited(self) -> None:
        self.amount_message.show_check(self.check())
        emit(self.changed)

    def check(self) -> Check:
        try:
            parse_price(self.amount_edit.text())
        except ValueError:
            return Check(Level.ERROR, tr(TEXT_AMOUNT_ERROR))
        return NO_PROBLEM

    def load(self, charge: Charge) -> None:
        self._id = charge.id
        self.order_edit.setText(charge.order_id)
        self.date_edit.set_value(charge.date)
        self.amount_edit.setText(format_price(charge.amount))
        self.currency_combo.setCurrentText(charge.currency)
        self.item_edit.setText(charge.item)
        self.report_edit.setText(charge.report_a_problem)

    def set_default_currency(self, currency: str) -> None:
        if not self.currency_combo.currentText().strip():
            self.currency_combo.setCurrentText(currency)

    def value(self) -> Charge:
        try:
            amount = parse_price(self.amount_edit.text())
        except ValueError:
            amount = None
        charge = Charge(
            date=self.date_edit.value(),
            order_id=self.order_edit.text().strip(),
            amount=amount,
            currency=self.currency_combo.currentText().strip().upper() if amount else "",
            item=self.item_edit.text().strip(),
            report_a_problem=self.report_edit.text().strip(),
        )
        if self._id is None:
            self._id = charge.id  # the same id on every apply (the vault keys on it)
        charge.id = self._id
        return charge


class ChargesPage(StepPage):
    step = Step.CHARGES
    TITLE = TEXT_TITLE
    WHY = TEXT_WHY

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._currency = ""
        self.charges = RowList(ChargeRow, tr(TEXT_ADD), tr(TEXT_EMPTY))
        self.charges.add_button.clicked.connect(self._new_row_currency)
        link = QLabel(tr(TEXT_LINK))
        link.setTextFormat(Qt.TextFormat.RichText)
        link.setOpenExternalLinks(True)
        link.setWordWrap(True)
        self.body.addWidget(link)
        column = self.scrolling_body()
        column.addWidget(self.charges)
        column.addWidget(theme.muted(QLabel(tr(TEXT_SECRET_NOTE))))
        column.addStretch(1)
        self.watch(self.charges.changed, "charges")

    # Each card shows its own amount check; the page only adds them to what blocks Next.
    def _row_problems(self) -> list[str]:
        return [result.text for row in self.charges.rows if (result := row.check()).blocks]

    def problems(self) -> list[str]:
        return super().problems() + self._row_problems()

    def isComplete(self) -> bool:
        return super().isComplete() and not self._row_problems()

    def _new_row_currency(self) -> None:
        if self.charges.rows and self._currency:
            self.charges.rows[-1].set_default_currency(self._currency)

    def enter(self, case: Case) -> None:
        self._currency = case.purchase.currency or choices.currency_for_country(case.owner.country)

    def load(self, case: Case) -> None:
        with self.loading():
            self.charges.set_items(case.charges)
        self.enter(case)

    def apply(self, case: Case) -> None:
        case.charges = [
            c for c in self.charges.values() if c.order_id or c.amount or c.item or c.date
        ]


def _line(placeholder: str, limit: int) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(tr(placeholder))
    edit.setMaxLength(limit)
    return edit


def _caption(text: str, buddy: QWidget) -> QLabel:
    return label_field(theme.muted(QLabel(tr(text))), buddy)
