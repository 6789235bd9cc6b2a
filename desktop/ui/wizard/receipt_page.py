"""Step 6: the purchase: date, seller, country, order number, price, receipt files."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from desktop.model import AttachmentRole, Case
from desktop.ui import choices, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.text_metrics import text_px
from desktop.ui.widgets.accessible import TEXT_CURRENCY, name_companion
from desktop.ui.widgets.code_combo import CodeCombo
from desktop.ui.widgets.field_message import NO_PROBLEM, Check, Level
from desktop.ui.widgets.optional_date import OptionalDateEdit
from desktop.ui.wizard.attachment_list import AttachmentList
from desktop.ui.wizard.money import format_price, parse_price
from desktop.ui.wizard.page import StepPage
from desktop.wizard_flow import Step

TEXT_TITLE = N_("Proof of purchase")
TEXT_WHY = N_(
    "The purchase date starts the warranty. Without a receipt, Apple goes by the activation date."
)
TEXT_DATE = N_("Purchase date")
TEXT_DATE_NOTE = N_("The date on the receipt or the order confirmation.")
TEXT_SELLER = N_("Bought from")
TEXT_SELLER_PLACEHOLDER = N_("Apple Store, an online shop, your carrier…")
TEXT_COUNTRY = N_("Country of purchase")
TEXT_CHOOSE_COUNTRY = N_("Choose a country…")
TEXT_ORDER = N_("Order or invoice number")
TEXT_ORDER_PLACEHOLDER = N_("For example: W123456789")
TEXT_PRICE = N_("Price paid")
TEXT_PRICE_PLACEHOLDER = N_("0.00")
TEXT_PRICE_ERROR = N_("Write the price as a number, for example 1299.00 or 1.299,00.")
TEXT_CURRENCY_ERROR = N_("A currency is three letters, for example EUR or USD.")
TEXT_RECEIPTS = N_("Receipt")
TEXT_ADD = N_("Add receipt file…")
TEXT_DIALOG = N_("Choose the receipt")
TEXT_FILTER = N_("Receipts (*.pdf *.png *.jpg *.jpeg *.heic *.webp);;All files (*)")


class ReceiptPage(StepPage):
    step = Step.RECEIPT
    TITLE = TEXT_TITLE
    WHY = TEXT_WHY

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = OptionalDateEdit()
        self.seller_edit = QLineEdit()
        self.seller_edit.setPlaceholderText(tr(TEXT_SELLER_PLACEHOLDER))
        self.country_combo = CodeCombo(choices.countries(), placeholder=tr(TEXT_CHOOSE_COUNTRY))
        self.order_edit = QLineEdit()
        self.order_edit.setPlaceholderText(tr(TEXT_ORDER_PLACEHOLDER))
        self.price_edit = QLineEdit()
        self.price_edit.setPlaceholderText(tr(TEXT_PRICE_PLACEHOLDER))
        self.price_edit.setMaximumWidth(text_px(160))
        self.currency_combo = QComboBox()
        self.currency_combo.setEditable(True)
        self.currency_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.currency_combo.addItems(choices.COMMON_CURRENCIES)
        self.currency_combo.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,3}"), self.currency_combo)
        )
        self.currency_combo.setMaximumWidth(text_px(100))
        self.currency_combo.setCurrentText("")
        name_companion(self.currency_combo, tr(TEXT_CURRENCY))
        price_row = QWidget()
        price_layout = QHBoxLayout(price_row)
        price_layout.setContentsMargins(0, 0, 0, 0)
        price_layout.setSpacing(theme.SPACE_M)
        price_layout.addWidget(self.price_edit)
        price_layout.addWidget(self.currency_combo)
        price_layout.addStretch(1)
        self.receipts = AttachmentList(
            AttachmentRole.RECEIPT, tr(TEXT_ADD), tr(TEXT_DIALOG), tr(TEXT_FILTER)
        )
        for widget in (self.seller_edit, self.country_combo, self.order_edit, self.receipts):
            widget.setMaximumWidth(text_px(420))

        form = self.make_form()
        self.add_field(form, tr(TEXT_DATE), self.date_edit, note=tr(TEXT_DATE_NOTE))
        self.add_field(form, tr(TEXT_SELLER), self.seller_edit)
        self.add_field(form, tr(TEXT_COUNTRY), self.country_combo)
        self.add_field(form, tr(TEXT_ORDER), self.order_edit)
        self.price_message = self.add_field(
            form, tr(TEXT_PRICE), price_row, check=self._check_price, buddy=self.price_edit
        )
        self.add_field(form, tr(TEXT_RECEIPTS), self.receipts)
        self.body.addLayout(form)
        self.body.addStretch(1)

        self.watch(self.date_edit.changed, "date")
        self.watch(self.seller_edit.textEdited, "seller")
        self.watch(self.country_combo.activated, "country")
        self.watch(self.order_edit.textEdited, "order_number")
        self.watch(self.price_edit.textEdited, "price")
        self.watch(self.currency_combo.editTextChanged, "currency")
        self.watch(self.receipts.changed, "receipts")

    def _check_price(self) -> Check:
        try:
            parse_price(self.price_edit.text())
        except ValueError:
            return Check(Level.ERROR, tr(TEXT_PRICE_ERROR))
        currency = self.currency_combo.currentText().strip()
        if currency and len(currency) != 3:
            return Check(Level.WARN, tr(TEXT_CURRENCY_ERROR))
        return NO_PROBLEM

    def enter(self, case: Case) -> None:
        # Most people buy where they live: start from their country and its currency.
        if not self.country_combo.code() and not self.touched("country") and case.owner.country:
            self.country_combo.set_code(case.owner.country)
        if not self.currency_combo.currentText() and not self.touched("currency"):
            currency = choices.currency_for_country(self.country_combo.code())
            with self.loading():
                self.currency_combo.setCurrentText(currency)

    def load(self, case: Case) -> None:
        purchase = case.purchase
        with self.loading():
            self.date_edit.set_value(purchase.date)
            self.seller_edit.setText(purchase.seller)
            self.country_combo.set_code(purchase.country)
            self.order_edit.setText(purchase.order_number)
            self.price_edit.setText(format_price(purchase.price))
            self.currency_combo.setCurrentText(purchase.currency)
        wizard = self.case_wizard
        # Looked up at each click, so a replaced ask_files (tests) is the one used.
        self.receipts.bind(case, wizard.casebook.add_attachment, lambda *a: wizard.ask_files(*a))

    def apply(self, case: Case) -> None:
        purchase = case.purchase
        purchase.date = self.date_edit.value()
        purchase.seller = self.seller_edit.text().strip()
        purchase.country = self.country_combo.code()
        purchase.order_number = self.order_edit.text().strip()
        try:
            purchase.price = parse_price(self.price_edit.text())
        except ValueError:
            purchase.price = None  # blocks Next on this page; a draft keeps no price
        purchase.currency = self.currency_combo.currentText().strip().upper()
