"""The banner at the top of the main window when secrets are not safely kept,
and the status-bar line that always says where they are."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.ui import icons, theme
from desktop.ui.i18n import N_, tr
from desktop.vault import Vault, VaultState

TEXT_TRY_AGAIN = N_("Try again")
TEXT_USE_FILE = N_("Keep them in an encrypted file instead…")
TEXT_STATUS_CHECKING = N_("Checking the keychain…")
TEXT_STATUS_SECURE = N_("Secrets in {name}")
TEXT_STATUS_FILE = N_("Secrets in an encrypted file")
TEXT_STATUS_LOCKED = N_("Keychain locked: unlock it to show identifiers")
TEXT_STATUS_UNAVAILABLE = N_("No keyring: secrets kept for this session only")


def is_file_vault(vault: Vault | None) -> bool:
    """Whether the vault keeps secrets in the encrypted secrets file (no keychain here)."""
    from desktop.secrets_file import SealedFileBackend

    return vault is not None and vault.backend_name == SealedFileBackend.name


def vault_status_text(vault: Vault | None) -> str:
    if vault is None:
        return tr(TEXT_STATUS_CHECKING)
    if vault.state is VaultState.SECURE and is_file_vault(vault):
        return tr(TEXT_STATUS_FILE)
    if vault.state is VaultState.SECURE:
        return tr(TEXT_STATUS_SECURE).format(name=vault.backend_name)
    if vault.state is VaultState.LOCKED:
        return tr(TEXT_STATUS_LOCKED)
    return tr(TEXT_STATUS_UNAVAILABLE)


def banner_text(vault: Vault) -> str:
    """The vault's own message (English, from the core) in the UI's language."""
    from desktop.vault import LOCKED_TEXT, UNAVAILABLE_TEXT

    if vault.message == UNAVAILABLE_TEXT:
        return tr(UNAVAILABLE_TEXT)
    if vault.message == LOCKED_TEXT.format(name=vault.backend_name):
        return tr(LOCKED_TEXT).format(name=vault.backend_name)
    return vault.message


class VaultBanner(QFrame):
    retry_requested = Signal()
    file_requested = Signal()  # keep secrets in the encrypted secrets file instead

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        c = theme.colours()
        badge = QLabel()
        badge.setPixmap(icons.pixmap("warn", 22, c.banner_fg))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.retry_button = QPushButton(tr(TEXT_TRY_AGAIN))
        self.retry_button.clicked.connect(self.retry_requested)
        self.file_button = QPushButton(tr(TEXT_USE_FILE))
        self.file_button.setObjectName("useSecretsFile")
        self.file_button.clicked.connect(self.file_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(
            theme.SPACE_L, theme.SPACE_M + 2, theme.SPACE_L, theme.SPACE_M + 2
        )
        layout.setSpacing(theme.SPACE_M + 4)
        layout.addWidget(badge)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.retry_button)
        layout.addWidget(self.file_button)
        self.setVisible(False)

    def show_vault(self, vault: Vault | None) -> None:
        if vault is None or vault.state is VaultState.SECURE:
            self.setVisible(False)
            return
        self.message.setText(banner_text(vault))
        self.retry_button.setVisible(vault.state is VaultState.LOCKED)
        self.file_button.setVisible(vault.state is VaultState.UNAVAILABLE)
        self.setVisible(True)

    def text(self) -> str:
        return self.message.text() if self.isVisibleTo(self.parentWidget() or self) else ""
