"""Step 4: the Apple Account (email or phone). Never a password: there is no field for one."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop import identifiers
from desktop.model import Case, CaseType
from desktop.ui import icons, theme
from desktop.ui.i18n import N_, current_language, tr
from desktop.ui.text_metrics import text_px
from desktop.ui.widgets.field_message import NO_PROBLEM, Check, Level
from desktop.ui.wizard.identifier_checks import as_message, normalized
from desktop.ui.wizard.page import StepPage
from desktop.wizard_flow import Step

TEXT_TITLE = N_("Your Apple Account")
TEXT_WHY = N_(
    "Support finds your devices and purchases by the email or phone number of the account."
)
TEXT_FIELD = N_("Apple Account (Apple ID)")
TEXT_PLACEHOLDER = N_("Email address or phone number")
TEXT_NOTE = N_("The email or phone number you sign in with. Kept in your system's keychain.")
TEXT_NO_PASSWORD = N_("Case Dossier never asks for your password.")
TEXT_NO_PASSWORD_MORE = N_(
    "Do not write it into any field or note: nobody preparing your case needs it."
)
TEXT_REQUIRED_HINT = N_(
    "Needed to continue: for a billing or account case, this is what Apple looks up."
)
TEXT_REQUIRED_ERROR = N_("Please enter the email or phone number of the account concerned.")


class AppleIdPage(StepPage):
    step = Step.APPLE_ID
    TITLE = TEXT_TITLE
    WHY = TEXT_WHY

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._required = False
        self.apple_id_edit = QLineEdit()
        self.apple_id_edit.setPlaceholderText(tr(TEXT_PLACEHOLDER))
        self.apple_id_edit.setMaxLength(200)
        self.apple_id_edit.setMaximumWidth(text_px(420))
        form = self.make_form()
        self.message = self.add_field(
            form, tr(TEXT_FIELD), self.apple_id_edit, note=tr(TEXT_NOTE), check=self._check
        )
        self.body.addLayout(form)
        self.body.addSpacing(theme.SPACE_M)
        self.body.addWidget(self._password_note())
        self.body.addStretch(1)
        self.watch(self.apple_id_edit.textEdited, "apple_id")

    def _password_note(self) -> QFrame:
        box = QFrame()
        box.setObjectName("helpBox")
        row = QHBoxLayout(box)
        row.setContentsMargins(theme.SPACE_L, theme.SPACE_M + 4, theme.SPACE_L, theme.SPACE_M + 4)
        row.setSpacing(theme.SPACE_M + 4)
        lock = QLabel()
        lock.setPixmap(icons.pixmap("lock", 22, theme.colours().accent))
        text = QLabel(f"<b>{tr(TEXT_NO_PASSWORD)}</b><br>{tr(TEXT_NO_PASSWORD_MORE)}")
        text.setWordWrap(True)
        self.password_note = text
        row.addWidget(lock)
        row.addWidget(text, 1)
        box.setMaximumWidth(text_px(640))
        return box

    def _check(self) -> Check:
        value = self.apple_id_edit.text().strip()
        if not value:
            if not self._required:
                return NO_PROBLEM
            if self.touched("apple_id"):
                return Check(Level.ERROR, tr(TEXT_REQUIRED_ERROR))
            return Check(Level.HINT, tr(TEXT_REQUIRED_HINT), blocking=True)
        return as_message(identifiers.check_apple_id(value, current_language()))

    def enter(self, case: Case) -> None:
        # An account or billing case is about the account: the account is what matters most.
        self._required = case.case_type is CaseType.ACCOUNT

    def load(self, case: Case) -> None:
        with self.loading():
            self.apple_id_edit.setText(case.apple_id)
        self.enter(case)

    def apply(self, case: Case) -> None:
        case.apple_id = normalized(identifiers.check_apple_id, self.apple_id_edit.text())
