"""Step 5: who you are, for letters and the dossier (phone and address go to the keychain)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QPlainTextEdit, QWidget

from desktop.model import Case
from desktop.ui import choices
from desktop.ui.i18n import N_, tr
from desktop.ui.text_metrics import text_px
from desktop.ui.widgets.code_combo import CodeCombo
from desktop.ui.widgets.field_message import NO_PROBLEM, Check, Level
from desktop.ui.wizard.page import StepPage
from desktop.wizard_flow import Step

TEXT_TITLE = N_("Your details")
TEXT_WHY = N_("They go on letters and on the dossier, so that Apple can reach you.")
TEXT_NAME = N_("Full name")
TEXT_NAME_HINT = N_("Needed to continue: your name goes on the dossier and on letters.")
TEXT_NAME_ERROR = N_("Please enter your name as it appears on the receipt or the account.")
TEXT_EMAIL = N_("Email for replies")
TEXT_EMAIL_ODD = N_("An email address has an @ and a domain, like name@example.com.")
TEXT_PHONE = N_("Callback phone")
TEXT_PHONE_PLACEHOLDER = N_("With country code, e.g. +49 30 1234567")
TEXT_ADDRESS = N_("Postal address")
TEXT_ADDRESS_NOTE = N_(
    "Phone and address are kept in your system's keychain, like the serial number."
)
TEXT_COUNTRY = N_("Country")
TEXT_CHOOSE_COUNTRY = N_("Choose a country…")
TEXT_COUNTRY_NOTE = N_("Decides which consumer rights and which Apple support numbers apply.")
TEXT_TIME_ZONE = N_("Time zone")
TEXT_TIME_ZONE_ERROR = N_(
    "This is not a time zone we know. Pick one from the list, e.g. Europe/Berlin."
)
TEXT_LANGUAGE = N_("Dossier language")


class OwnerPage(StepPage):
    step = Step.OWNER
    TITLE = TEXT_TITLE
    WHY = TEXT_WHY

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText("name@example.com")
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(tr(TEXT_PHONE_PLACEHOLDER))
        self.address_edit = QPlainTextEdit()
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(self.address_edit.fontMetrics().lineSpacing() * 4 + 14)
        self.country_combo = CodeCombo(choices.countries(), placeholder=tr(TEXT_CHOOSE_COUNTRY))
        self.time_zone_combo = _time_zone_combo()
        self.language_combo = CodeCombo(choices.LANGUAGES)
        for widget in (
            self.name_edit,
            self.email_edit,
            self.phone_edit,
            self.address_edit,
            self.country_combo,
            self.time_zone_combo,
        ):
            widget.setMaximumWidth(text_px(420))
        self.language_combo.setMaximumWidth(text_px(200))

        form = self.make_form()
        self.name_message = self.add_field(
            form,
            tr(TEXT_NAME),
            self.name_edit,
            check=self.require("name", self.name_edit.text, TEXT_NAME_HINT, TEXT_NAME_ERROR),
        )
        self.add_field(form, tr(TEXT_EMAIL), self.email_edit, check=self._check_email)
        self.add_field(form, tr(TEXT_PHONE), self.phone_edit)
        self.add_field(form, tr(TEXT_ADDRESS), self.address_edit, note=tr(TEXT_ADDRESS_NOTE))
        self.add_field(form, tr(TEXT_COUNTRY), self.country_combo, note=tr(TEXT_COUNTRY_NOTE))
        self.add_field(form, tr(TEXT_TIME_ZONE), self.time_zone_combo, check=self._check_zone)
        self.add_field(form, tr(TEXT_LANGUAGE), self.language_combo)
        self.body.addLayout(form)
        self.body.addStretch(1)

        self.watch(self.name_edit.textEdited, "name")
        self.watch(self.email_edit.textEdited, "email")
        self.watch(self.phone_edit.textEdited, "phone")
        self.watch(self.address_edit.textChanged, "address")
        self.watch(self.country_combo.activated, "country")
        self.watch(self.time_zone_combo.editTextChanged, "time_zone")
        self.watch(self.language_combo.activated, "language")

    def _check_email(self) -> Check:
        value = self.email_edit.text().strip()
        if value and ("@" not in value or "." not in value.rsplit("@", 1)[-1]):
            return Check(Level.WARN, tr(TEXT_EMAIL_ODD))
        return NO_PROBLEM

    def _check_zone(self) -> Check:
        value = self.time_zone_combo.currentText().strip()
        if value and not choices.is_time_zone(value):
            return Check(Level.ERROR, tr(TEXT_TIME_ZONE_ERROR))
        return NO_PROBLEM

    def load(self, case: Case) -> None:
        owner = case.owner
        with self.loading():
            self.name_edit.setText(owner.name)
            self.email_edit.setText(owner.email)
            self.phone_edit.setText(owner.phone)
            self.address_edit.setPlainText(owner.postal_address)
            self.country_combo.set_code(owner.country or choices.system_country())
            self.time_zone_combo.setCurrentText(owner.time_zone or choices.system_time_zone())
            self.language_combo.set_code(owner.dossier_language or "en")

    def apply(self, case: Case) -> None:
        owner = case.owner
        owner.name = self.name_edit.text().strip()
        owner.email = self.email_edit.text().strip()
        owner.phone = self.phone_edit.text().strip()
        owner.postal_address = self.address_edit.toPlainText().strip()
        owner.country = self.country_combo.code()
        zone = self.time_zone_combo.currentText().strip()
        owner.time_zone = zone if choices.is_time_zone(zone) else ""
        owner.dossier_language = self.language_combo.code() or "en"


def _time_zone_combo() -> QComboBox:
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
