"""Asking for a passphrase: to start or open the encrypted secrets file (for machines with
no keychain), and to seal the secrets of exported cases.

A new passphrase is typed twice and must be at least `MIN_PASSPHRASE` characters
long. The dialog says plainly that a forgotten passphrase cannot be recovered
and that nothing is written in the clear. It only collects the text; the caller
tries it and, when it does not fit, shows the dialog again with `error` set.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.sealed import MIN_PASSPHRASE
from desktop.ui import icons, theme
from desktop.ui.i18n import N_, Plural, tr, tr_count
from desktop.ui.widgets.accessible import caption, mnemonics_when_shown

TEXT_NEW_TITLE = N_("Keep secrets in an encrypted file")
TEXT_NEW_HEADING = N_("Choose a passphrase for your secrets file")
TEXT_NEW_INTRO = N_(
    "No system keychain is available, so serial numbers, your Apple Account and your other "
    "private details can be kept in an encrypted file in your data folder instead. "
    "You will type this passphrase each time the app starts."
)
TEXT_OPEN_TITLE = N_("Open your secrets file")
TEXT_OPEN_HEADING = N_("Enter the passphrase of your secrets file")
TEXT_OPEN_INTRO = N_(
    "No system keychain is available. Your serial numbers and other private details are "
    "kept in an encrypted file; its passphrase opens it for this session. "
    "Cancel to keep new secrets for this session only."
)
TEXT_EXPORT_TITLE = N_("Seal the secrets of the export")
TEXT_EXPORT_HEADING = N_("Choose a passphrase for the exported secrets")
TEXT_EXPORT_INTRO = N_(
    "Serial numbers and your other private details are sealed into each case file with "
    "this passphrase. You need it to import them again, here or on another computer."
)
TEXT_WARNING = N_(
    "A forgotten passphrase cannot be recovered, by us or anyone: what it seals is then "
    "lost. Nothing is ever written in the clear."
)
TEXT_PASSPHRASE = N_("Passphrase")
TEXT_REPEAT = N_("Repeat it")
TEXT_TOO_SHORT = Plural("At least {count} character.", "At least {count} characters.")
TEXT_MISMATCH = N_("The two entries differ.")
TEXT_NEW_OK = N_("Use encrypted file")
TEXT_OPEN_OK = N_("Open")
TEXT_EXPORT_OK = N_("Seal and export")
TEXT_CANCEL = N_("Cancel")


class Purpose(StrEnum):
    NEW_FILE = "new-file"  # start the encrypted secrets file
    OPEN_FILE = "open-file"  # open the existing one
    EXPORT = "export"  # seal exported secrets


_TEXTS = {
    Purpose.NEW_FILE: (TEXT_NEW_TITLE, TEXT_NEW_HEADING, TEXT_NEW_INTRO, TEXT_NEW_OK),
    Purpose.OPEN_FILE: (TEXT_OPEN_TITLE, TEXT_OPEN_HEADING, TEXT_OPEN_INTRO, TEXT_OPEN_OK),
    Purpose.EXPORT: (TEXT_EXPORT_TITLE, TEXT_EXPORT_HEADING, TEXT_EXPORT_INTRO, TEXT_EXPORT_OK),
}


class PassphraseDialog(QDialog):
    def __init__(self, purpose: Purpose, error: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.purpose = purpose
        self.is_new = purpose is not Purpose.OPEN_FILE
        title, heading, intro, ok = _TEXTS[purpose]
        self.setWindowTitle(tr(title))
        c = theme.colours()

        self.heading = theme.heading(tr(heading), 1.25)
        self.heading.setWordWrap(True)
        self.intro = QLabel(tr(intro))
        self.intro.setWordWrap(True)
        warning_icon = QLabel()
        warning_icon.setPixmap(icons.pixmap("lock", 16, c.warn))
        self.warning = QLabel(tr(TEXT_WARNING))
        self.warning.setWordWrap(True)
        warning_row = QHBoxLayout()
        warning_row.setSpacing(theme.SPACE_M)
        warning_row.addWidget(warning_icon, 0, Qt.AlignmentFlag.AlignTop)
        warning_row.addWidget(self.warning, 1)

        self.passphrase_edit = _secret_edit()
        self.repeat_edit = _secret_edit()
        self.hint = theme.muted(QLabel())
        self.hint.setWordWrap(True)
        self.error_label = theme.with_colour(QLabel(error), c.error)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(bool(error))

        form = QFormLayout()
        form.setHorizontalSpacing(theme.SPACE_L)
        form.setVerticalSpacing(theme.SPACE_M)
        form.addRow(caption(tr(TEXT_PASSPHRASE), self.passphrase_edit), self.passphrase_edit)
        if self.is_new:
            form.addRow(caption(tr(TEXT_REPEAT), self.repeat_edit), self.repeat_edit)
        else:
            self.repeat_edit.setVisible(False)
        form.addRow("", self.hint)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr(ok))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr(TEXT_CANCEL))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_XL, theme.SPACE_XL, theme.SPACE_XL, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_M + 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(warning_row)
        layout.addWidget(self.error_label)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(540)

        self.passphrase_edit.textChanged.connect(self._check)
        self.repeat_edit.textChanged.connect(self._check)
        self._check()
        mnemonics_when_shown(self)  # Alt+letter on each caption, in this window's letters

    def passphrase(self) -> str:
        return self.passphrase_edit.text()

    def problem(self) -> str:
        """Why the passphrase cannot be used yet, or "" when it can."""
        text = self.passphrase_edit.text()
        if not self.is_new:
            return "" if text else " "
        if len(text) < MIN_PASSPHRASE:
            return tr_count(TEXT_TOO_SHORT, MIN_PASSPHRASE)
        if text != self.repeat_edit.text():
            return tr(TEXT_MISMATCH)
        return ""

    def _check(self, *_: object) -> None:
        problem = self.problem()
        self.ok_button.setEnabled(not problem)
        self.hint.setText(problem.strip())
        self.hint.setVisible(bool(problem.strip()))

    def accept(self) -> None:
        if self.problem():
            return
        super().accept()


def ask_passphrase(parent: QWidget | None, purpose: Purpose, error: str = "") -> str | None:
    """Show the dialog; the passphrase, or None when cancelled."""
    dialog = PassphraseDialog(purpose, error, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase()
    finally:
        dialog.deleteLater()


def _secret_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMinimumWidth(260)
    return edit
