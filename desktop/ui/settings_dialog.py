"""Preferences: the app's language, the defaults for new dossiers, where dossiers are saved,
and where your secrets are kept right now, with what that means."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import choices, i18n, icons, preferences, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.vault_banner import TEXT_USE_FILE, is_file_vault, vault_status_text
from desktop.ui.widgets.accessible import caption, mnemonics_when_shown
from desktop.ui.widgets.card import Card
from desktop.ui.widgets.code_combo import CodeCombo
from desktop.vault import Vault, VaultState

TEXT_TITLE = N_("Preferences")
TEXT_GENERAL = N_("Language")
TEXT_UI_LANGUAGE = N_("App language")
TEXT_UI_LANGUAGE_NOTE = N_("The window changes to it as soon as you save.")
TEXT_UI_LANGUAGE_SYSTEM = N_("As the system ({language})")
TEXT_DISPLAY = N_("Display")
TEXT_TEXT_SIZE = N_("Text size")
# Translators: a text size, "150%"; write it as your language writes percentages.
TEXT_PERCENT = N_("{percent}%")
TEXT_TEXT_SIZE_NOTE = N_("Larger text for every window, as soon as you save.")
TEXT_DOSSIERS = N_("Dossiers")
TEXT_DOSSIER_LANGUAGE = N_("Language of new cases")
TEXT_DOSSIER_LANGUAGE_NOTE = N_("Each case keeps its own: see Details.")
TEXT_PAPER = N_("Paper size")
TEXT_PAPER_AUTO = N_("From your region ({size})")
TEXT_FOLDER = N_("Save dossiers in")
TEXT_FOLDER_LAST = N_("The folder used last time")
TEXT_CHOOSE = N_("Choose…")
TEXT_RESET = N_("Use the last folder")
TEXT_FOLDER_DIALOG = N_("Where should dossiers be saved?")
TEXT_SECRETS = N_("Your secrets")
TEXT_TRY_AGAIN = N_("Try again")
TEXT_SECURE_MEANS = N_(
    "Serial numbers, IMEI, your Apple Account, order numbers, your phone number and postal "
    "address are kept in {name}. The case files on disk hold none of them."
)
TEXT_LOCKED_MEANS = N_(
    "The keychain is locked. Until you unlock it, identifiers cannot be shown, and new ones "
    "are only held in memory. Unlock it, then choose Try again."
)
TEXT_UNAVAILABLE_MEANS = N_(
    "No system keychain is available. Identifiers you enter are kept only while the app is "
    "open and are never written to a file in the clear. To save them, choose an encrypted "
    "file protected by a passphrase."
)
TEXT_FILE_MEANS = N_(
    "No system keychain is available, so serial numbers, IMEI, your Apple Account, order "
    "numbers, your phone number and postal address are kept in an encrypted file in your "
    "data folder, sealed with your passphrase. Nothing is written in the clear."
)
TEXT_OK = N_("Save")
TEXT_CANCEL = N_("Cancel")
TEXT_PAPER_NAMES = {"A4": N_("A4"), "Letter": N_("US Letter")}


def secrets_meaning(vault: Vault | None) -> str:
    if vault is None:
        return ""
    if vault.state is VaultState.SECURE and is_file_vault(vault):
        return tr(TEXT_FILE_MEANS)
    if vault.state is VaultState.SECURE:
        return tr(TEXT_SECURE_MEANS).format(name=vault.backend_name)
    if vault.state is VaultState.LOCKED:
        return tr(TEXT_LOCKED_MEANS)
    return tr(TEXT_UNAVAILABLE_MEANS)


class SettingsDialog(QDialog):
    retry_vault_requested = Signal()
    secrets_file_requested = Signal()

    def __init__(
        self, settings: QSettings, vault: Vault | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        # Set on OK; the main window then builds itself again in the new language or size.
        self.language_changed = False
        self.text_size_changed = False
        self.setWindowTitle(tr(TEXT_TITLE))
        self.setObjectName("settingsDialog")
        self.settings = settings
        self._vault = vault

        system = preferences.LANGUAGES[i18n.system_language()]
        self.ui_language_combo = CodeCombo(
            preferences.UI_LANGUAGES,
            placeholder=tr(TEXT_UI_LANGUAGE_SYSTEM).format(language=system),
        )
        self.ui_language_combo.set_code(preferences.chosen_ui_language(settings))
        self.dossier_language_combo = CodeCombo(choices.LANGUAGES)
        self.dossier_language_combo.set_code(preferences.dossier_language(settings))
        self.paper_combo = QComboBox()
        auto = tr(TEXT_PAPER_AUTO).format(size=tr(TEXT_PAPER_NAMES[preferences.locale_paper()]))
        self.paper_combo.addItem(auto, "auto")
        for size in ("A4", "Letter"):
            self.paper_combo.addItem(tr(TEXT_PAPER_NAMES[size]), size)
        self.paper_combo.setCurrentIndex(
            self.paper_combo.findData(preferences.paper_choice(settings))
        )
        self.folder_edit = QLineEdit(str(settings.value(preferences.DOSSIER_FOLDER, "") or ""))
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setPlaceholderText(tr(TEXT_FOLDER_LAST))
        self.folder_edit.setMinimumWidth(240)
        choose = QPushButton(icons.icon("folder"), tr(TEXT_CHOOSE))
        choose.clicked.connect(self._choose_folder)
        reset = QPushButton(tr(TEXT_RESET))
        reset.setObjectName("link")
        reset.clicked.connect(self.folder_edit.clear)
        folder_row = QWidget()
        folder_layout = QHBoxLayout(folder_row)
        folder_layout.setContentsMargins(0, 0, 0, 0)
        folder_layout.setSpacing(theme.SPACE_M)
        folder_layout.addWidget(self.folder_edit, 1)
        folder_layout.addWidget(choose)
        folder_column = QWidget()
        folder_column_layout = QVBoxLayout(folder_column)
        folder_column_layout.setContentsMargins(0, 0, 0, 0)
        folder_column_layout.setSpacing(0)
        folder_column_layout.addWidget(folder_row)
        folder_column_layout.addWidget(reset, 0, Qt.AlignmentFlag.AlignLeft)

        general = Card(tr(TEXT_GENERAL))
        general_form = _form()
        general_form.addRow(
            caption(tr(TEXT_UI_LANGUAGE), self.ui_language_combo, tr(TEXT_UI_LANGUAGE_NOTE)),
            _with_note(self.ui_language_combo, TEXT_UI_LANGUAGE_NOTE),
        )
        self.text_size_combo = QComboBox()
        for percent in preferences.TEXT_SIZES:
            self.text_size_combo.addItem(tr(TEXT_PERCENT).format(percent=percent), percent)
        self.text_size_combo.setCurrentIndex(
            self.text_size_combo.findData(preferences.text_size(settings))
        )
        general.body.addLayout(general_form)
        display = Card(tr(TEXT_DISPLAY))
        display_form = _form()
        display_form.addRow(
            caption(tr(TEXT_TEXT_SIZE), self.text_size_combo, tr(TEXT_TEXT_SIZE_NOTE)),
            _with_note(self.text_size_combo, TEXT_TEXT_SIZE_NOTE),
        )
        display.body.addLayout(display_form)

        dossiers = Card(tr(TEXT_DOSSIERS))
        dossier_form = _form()
        dossier_form.addRow(
            caption(
                tr(TEXT_DOSSIER_LANGUAGE),
                self.dossier_language_combo,
                tr(TEXT_DOSSIER_LANGUAGE_NOTE),
            ),
            _with_note(self.dossier_language_combo, TEXT_DOSSIER_LANGUAGE_NOTE),
        )
        dossier_form.addRow(caption(tr(TEXT_PAPER), self.paper_combo), self.paper_combo)
        dossier_form.addRow(
            caption(tr(TEXT_FOLDER), self.folder_edit, tr(TEXT_FOLDER_LAST)), folder_column
        )
        dossiers.body.addLayout(dossier_form)

        secrets = Card(tr(TEXT_SECRETS))
        self.vault_icon = QLabel()
        self.vault_label = QLabel()
        self.vault_label.setFont(theme.scaled_font(self.vault_label, 1.0, bold=True))
        self.vault_label.setWordWrap(True)
        self.meaning_label = QLabel()
        self.meaning_label.setWordWrap(True)
        self.retry_button = QPushButton(tr(TEXT_TRY_AGAIN))
        self.retry_button.clicked.connect(self._retry)
        status_row = QHBoxLayout()
        status_row.setSpacing(theme.SPACE_M)
        status_row.addWidget(self.vault_icon, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.vault_label, 1)
        status_row.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignTop)
        secrets.body.addLayout(status_row)
        secrets.body.addWidget(self.meaning_label)
        self.file_button = QPushButton(tr(TEXT_USE_FILE))
        self.file_button.setObjectName("useSecretsFile")
        self.file_button.clicked.connect(self._use_file)
        secrets.body.addWidget(self.file_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.show_vault(vault)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr(TEXT_OK))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr(TEXT_CANCEL))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_XL, theme.SPACE_XL, theme.SPACE_XL, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_L)
        layout.addWidget(general)
        layout.addWidget(display)
        layout.addWidget(dossiers)
        layout.addWidget(secrets)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(600)
        mnemonics_when_shown(self)  # Alt+letter on each caption, in this window's letters

    def show_vault(self, vault: Vault | None) -> None:
        self._vault = vault
        c = theme.colours()
        secure = vault is not None and vault.is_secure
        self.vault_icon.setPixmap(icons.pixmap("lock", 18, c.ok if secure else c.warn))
        self.vault_label.setText(vault_status_text(vault))
        self.meaning_label.setText(secrets_meaning(vault))
        self.retry_button.setVisible(vault is not None and vault.state is VaultState.LOCKED)
        self.file_button.setVisible(vault is not None and vault.state is VaultState.UNAVAILABLE)

    def _retry(self) -> None:
        from desktop.ui.signals import emit

        emit(self.retry_vault_requested)
        self.show_vault(self._vault)

    def _use_file(self) -> None:
        """The main window opens the file and hands the new vault back (`show_vault`)."""
        from desktop.ui.signals import emit

        emit(self.secrets_file_requested)

    def _choose_folder(self) -> None:
        folder = self.ask_folder(str(preferences.dossier_folder(self.settings)))
        if folder:
            self.folder_edit.setText(folder)

    def ask_folder(self, start: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getExistingDirectory(self, tr(TEXT_FOLDER_DIALOG), start)

    def accept(self) -> None:
        s = self.settings
        language = self.ui_language_combo.code()  # "": the system's
        # Only saved here: the main window installs it and builds itself again
        # (MainWindow.apply_display_preferences), once this dialog has closed.
        self.language_changed = language != preferences.chosen_ui_language(s)
        s.setValue(preferences.UI_LANGUAGE, language)
        size = self.text_size_combo.currentData()
        self.text_size_changed = size != preferences.text_size(s)
        s.setValue(preferences.TEXT_SIZE, size)
        s.setValue(preferences.DOSSIER_LANGUAGE, self.dossier_language_combo.code() or "en")
        s.setValue(preferences.PAPER_SIZE, self.paper_combo.currentData())
        s.setValue(preferences.DOSSIER_FOLDER, self.folder_edit.text().strip())
        s.sync()
        super().accept()


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setHorizontalSpacing(theme.SPACE_L + theme.SPACE_S)
    form.setVerticalSpacing(theme.SPACE_M + 2)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    return form


def _with_note(widget: QWidget, note: str) -> QWidget:
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    widget.setMaximumWidth(260)
    column.addWidget(widget)
    hint = theme.muted(QLabel(tr(note)))
    column.addWidget(hint)
    return holder
