"""The main window: cases on the left, the selected case on the right, the keychain
banner on top, and where secrets are kept in the status bar.

It gets its CaseBook from outside (`set_casebook`), so that the window can be
shown before the keyring is probed, and so tests can hand in their own. The
wizard and the dossier renderer are imported only when first used.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from desktop import APP_NAME
from desktop.ui import theme
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from desktop.casebook import CaseBook
    from desktop.model import Case
    from desktop.ui.case_list import CaseListPanel
    from desktop.ui.case_view import CaseView
    from desktop.ui.dossier_bar import DossierBar
    from desktop.ui.dossier_export import DossierExport
    from desktop.ui.dossier_job import DossierJob
    from desktop.ui.vault_banner import VaultBanner
    from desktop.ui.welcome_view import WelcomeView
    from desktop.ui.wizard.case_wizard import CaseWizard

TEXT_MENU_FILE = N_("&File")
TEXT_MENU_CASE = N_("&Case")
TEXT_MENU_HELP = N_("&Help")
TEXT_NEW_CASE = N_("&New case…")
TEXT_CREATE_DOSSIER = N_("Create &dossier…")
TEXT_QUIT = N_("&Quit")
TEXT_EDIT_CASE = N_("&Edit in wizard")
TEXT_DELETE_CASE = N_("&Delete case…")
TEXT_OPEN_DATA = N_("Open data &folder")
TEXT_ABOUT = N_("&About Case Dossier")
TEXT_OPENING = N_("Opening your cases…")
TEXT_CHECKING = N_("Checking the keychain…")
TEXT_SAVED = N_("Saved at {time}")
TEXT_COPIED = N_("{field} copied")
TEXT_LOCKED_TITLE = N_("The keychain is locked")
TEXT_LOCKED_EDIT = N_(
    "Unlock your keychain, then open the case again. While it is locked the serial number "
    "and your other private details cannot be shown, and saving would lose them."
)
TEXT_DELETE_TITLE = N_("Delete this case?")
TEXT_DELETE_QUESTION = N_("Delete “{title}”?")
TEXT_DELETE_DETAIL = N_(
    "Its details, attached files and the identifiers in your keychain are removed. "
    "This cannot be undone. Dossiers you saved elsewhere are not touched."
)
TEXT_DELETE = N_("Delete case")
TEXT_KEEP = N_("Keep it")
TEXT_DELETED = N_("Case deleted")
TEXT_SAVE_DIALOG = N_("Save the dossier")
TEXT_PDF_FILTER = N_("PDF documents (*.pdf)")
TEXT_ABOUT_BODY = N_(
    "<h3>Case Dossier {version}</h3>"
    "<p>Prepare an Apple warranty or support case: your device's identifiers, the receipt, "
    "every contact, and a dossier to bring along.</p>"
    "<p>Case Dossier is independent and not affiliated with Apple Inc.</p>"
)

SETTINGS_GEOMETRY = "mainWindow/geometry"
SETTINGS_SPLITTER = "mainWindow/splitter"


class MainWindow(QMainWindow):
    """Shown before anything slow: the case list, views and banner are built when the
    CaseBook arrives (`set_casebook`), right after the first paint."""

    first_painted = Signal()
    saved = Signal(str)  # case id
    dossier_saved = Signal(str)  # where the PDF went
    dossier_failed = Signal(str)  # the message shown

    banner: VaultBanner
    case_list: CaseListPanel
    welcome: WelcomeView
    case_view: CaseView
    dossier_bar: DossierBar

    def __init__(
        self,
        casebook: CaseBook | None = None,
        *,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.casebook: CaseBook | None = None
        self.settings = settings if settings is not None else QSettings()
        self.current_case: Case | None = None
        self.wizard: CaseWizard | None = None
        self._export: DossierExport | None = None
        self._built = False
        self._painted = False
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(760, 520)

        self.loading = _centred(theme.muted(QLabel(tr(TEXT_OPENING))))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.loading)
        central = QWidget()
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.saved_label = theme.muted(QLabel())
        self.vault_icon = QLabel()
        self.vault_label = QLabel(tr(TEXT_CHECKING))
        self.vault_label.setContentsMargins(0, 0, 12, 0)
        self.saved_label.setContentsMargins(12, 0, 0, 0)
        self.statusBar().addWidget(self.saved_label)
        self.statusBar().addPermanentWidget(self.vault_icon)
        self.statusBar().addPermanentWidget(self.vault_label)
        self.statusBar().setSizeGripEnabled(False)

        self._build_actions()
        self._restore_geometry()
        if casebook is not None:
            self.set_casebook(casebook)

    def _build_content(self) -> None:
        """Everything that shows cases: built once, when the data is there."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QSplitter

        from desktop.ui import icons
        from desktop.ui.case_list import CaseListPanel
        from desktop.ui.case_view import CaseView
        from desktop.ui.dossier_bar import DossierBar
        from desktop.ui.vault_banner import VaultBanner
        from desktop.ui.welcome_view import WelcomeView

        self.setWindowIcon(icons.app_icon())
        self._install_shortcuts()
        self.banner = VaultBanner()
        self.banner.retry_requested.connect(self.retry_vault)
        banner_holder = QVBoxLayout()
        banner_holder.setContentsMargins(theme.SPACE_L, theme.SPACE_M + 2, theme.SPACE_L, 0)
        banner_holder.addWidget(self.banner)
        self._column.insertLayout(0, banner_holder)

        self.case_list = CaseListPanel()
        self.case_list.case_selected.connect(self._show_case)
        self.case_list.case_activated.connect(self.edit_case)
        self.case_list.new_case_requested.connect(self.new_case)
        self.case_list.setMinimumWidth(240)
        self.welcome = WelcomeView()
        self.welcome.prepare_requested.connect(self.new_case)
        self.case_view = CaseView()
        self.case_view.edit_requested.connect(self.edit_case)
        self.case_view.dossier_requested.connect(self.create_dossier)
        self.case_view.copied.connect(self._on_copied)
        self.dossier_bar = DossierBar()

        case_area = QWidget()
        case_column = QVBoxLayout(case_area)
        case_column.setContentsMargins(0, 0, 0, 0)
        case_column.setSpacing(0)
        case_column.addWidget(self.case_view, 1)
        bar_holder = QVBoxLayout()
        bar_holder.setContentsMargins(theme.SPACE_XL, 0, theme.SPACE_XL, theme.SPACE_L)
        bar_holder.addWidget(self.dossier_bar)
        case_column.addLayout(bar_holder)
        self._case_area = case_area

        self.content = QStackedWidget()
        self.content.addWidget(self.welcome)
        self.content.addWidget(case_area)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.case_list)
        self.splitter.addWidget(self.content)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 800])
        self.splitter.setChildrenCollapsible(False)
        splitter_state = self.settings.value(SETTINGS_SPLITTER)
        if splitter_state is not None:
            self.splitter.restoreState(splitter_state)
        self.stack.addWidget(self.splitter)
        self.stack.setCurrentWidget(self.splitter)
        self._built = True

    # -- set-up -----------------------------------------------------------------------

    def _build_actions(self) -> None:
        def action(text: str, slot: object) -> QAction:
            act = QAction(tr(text), self)
            act.triggered.connect(slot)
            return act

        self.new_case_action = action(TEXT_NEW_CASE, self.new_case)
        self.create_dossier_action = action(TEXT_CREATE_DOSSIER, self.create_dossier)
        self.quit_action = action(TEXT_QUIT, self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.edit_case_action = action(TEXT_EDIT_CASE, self.edit_case)
        self.delete_case_action = action(TEXT_DELETE_CASE, self.delete_case)
        self.open_data_action = action(TEXT_OPEN_DATA, self.open_data_folder)
        self.about_action = action(TEXT_ABOUT, self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

        file_menu = self.menuBar().addMenu(tr(TEXT_MENU_FILE))
        file_menu.addAction(self.new_case_action)
        file_menu.addAction(self.create_dossier_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        case_menu = self.menuBar().addMenu(tr(TEXT_MENU_CASE))
        case_menu.addAction(self.edit_case_action)
        case_menu.addSeparator()
        case_menu.addAction(self.delete_case_action)
        help_menu = self.menuBar().addMenu(tr(TEXT_MENU_HELP))
        help_menu.addAction(self.open_data_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        self.refresh_actions()

    def _install_shortcuts(self) -> None:
        # After the first paint: the first setShortcut() builds PySide's Qt enums (~20 ms).
        from PySide6.QtGui import QKeySequence

        self.new_case_action.setShortcut(QKeySequence.StandardKey.New)
        self.create_dossier_action.setShortcut(QKeySequence("Ctrl+D"))
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.edit_case_action.setShortcut(QKeySequence("Ctrl+E"))

    def set_casebook(self, casebook: CaseBook) -> None:
        """Hand in the cases (after the keyring has been probed); shows the list."""
        self.casebook = casebook
        if not self._built:
            self._build_content()
        self._show_vault()
        self.refresh_cases()
        self.refresh_actions()

    # -- what is shown ----------------------------------------------------------------

    def refresh_cases(self, select_id: str | None = None) -> None:
        if self.casebook is None:
            return
        summaries = self.casebook.list_cases()
        self.case_list.setVisible(bool(summaries))
        if not summaries:
            self.current_case = None
            self.content.setCurrentWidget(self.welcome)
            self.refresh_actions()
            return
        self.case_list.show_cases(summaries, select_id)

    def _show_case(self, case_id: str) -> None:
        if self.casebook is None or not case_id:
            self.current_case = None
            self.refresh_actions()
            return
        try:
            self.current_case = self.casebook.load(case_id)
        except KeyError:  # deleted meanwhile (another window, a test)
            self.refresh_cases()
            return
        vault = self.casebook.vault
        self.case_view.show_case(self.current_case, vault.state)
        self.content.setCurrentWidget(self._case_area)
        self.refresh_actions()

    def _show_vault(self) -> None:
        from desktop.ui import icons
        from desktop.ui.vault_banner import vault_status_text

        if self.casebook is None:
            return
        vault = self.casebook.vault
        self.banner.show_vault(vault)
        self.welcome.show_keychain(vault.state)
        c = theme.colours()
        icon, colour = ("lock", c.muted) if vault.is_secure else ("warn", c.warn)
        self.vault_icon.setPixmap(icons.pixmap(icon, 14, colour))
        self.vault_label.setText(vault_status_text(vault))

    def vault_status_text(self) -> str:
        return self.vault_label.text()

    def refresh_actions(self) -> None:
        has_book = self.casebook is not None
        has_case = self.current_case is not None
        running = self._export is not None and self._export.is_running()
        self.new_case_action.setEnabled(has_book)
        self.create_dossier_action.setEnabled(has_case and not running)
        if self._built:
            self.case_view.dossier_button.setEnabled(has_case and not running)
        self.edit_case_action.setEnabled(has_case)
        self.delete_case_action.setEnabled(has_case and not running)
        self.open_data_action.setEnabled(has_book)

    def _mark_saved(self, case_id: str) -> None:
        self.saved_label.setText(
            "✓ " + tr(TEXT_SAVED).format(time=datetime.now().strftime("%H:%M"))
        )
        self._show_vault()  # a save may have found the keychain locked
        emit(self.saved, case_id)

    # -- cases ------------------------------------------------------------------------

    def new_case(self) -> None:
        self._open_wizard(None)

    def edit_case(self) -> None:
        if self.current_case is None or self.casebook is None:
            return
        if not self._secrets_readable():
            return
        self._open_wizard(self.casebook.load(self.current_case.id))

    def _secrets_readable(self) -> bool:
        """A locked keychain shows identifiers as blank; saving them from the wizard would
        erase the real ones. So editing waits until the keychain is unlocked."""
        from desktop.vault import VaultState

        assert self.casebook is not None
        vault = self.casebook.vault
        if vault.state is VaultState.LOCKED and vault.retry() is VaultState.LOCKED:
            from desktop.ui import dialogs

            dialogs.tell(self, tr(TEXT_LOCKED_TITLE), tr(TEXT_LOCKED_EDIT), warning=True)
            self._show_vault()
            return False
        self._show_vault()
        return True

    def _open_wizard(self, case: Case | None) -> None:
        if self.casebook is None:
            return
        if self.wizard is not None:
            self.wizard.raise_()
            self.wizard.activateWindow()
            return
        from PySide6.QtCore import Qt

        from desktop.ui.wizard.case_wizard import CaseWizard

        wizard = CaseWizard(self.casebook, case, self)
        wizard.setWindowModality(Qt.WindowModality.WindowModal)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.case_saved.connect(self._on_wizard_saved)
        wizard.destroyed.connect(self._on_wizard_gone)
        wizard.finished.connect(self._on_wizard_gone)
        self.wizard = wizard
        wizard.show()

    def _on_wizard_saved(self, case_id: str) -> None:
        self.refresh_cases(select_id=case_id)  # selects it, which shows it
        self._mark_saved(case_id)

    def _on_wizard_gone(self, *_: object) -> None:
        self.wizard = None

    def delete_case(self) -> None:
        case = self.current_case
        if case is None or self.casebook is None:
            return
        from PySide6.QtWidgets import QMessageBox

        from desktop.ui import dialogs

        Button = dialogs.Button
        answer = dialogs.ask(
            self,
            tr(TEXT_DELETE_TITLE),
            tr(TEXT_DELETE_QUESTION).format(title=case.title),
            {Button.Yes: tr(TEXT_DELETE), Button.No: tr(TEXT_KEEP)},
            default=Button.No,
            informative=tr(TEXT_DELETE_DETAIL),
            icon=QMessageBox.Icon.Warning,
        )
        if answer != Button.Yes:
            return
        self.casebook.delete(case.id)
        self.current_case = None
        self.refresh_cases()
        self.statusBar().showMessage(tr(TEXT_DELETED), 4000)

    def retry_vault(self) -> None:
        if self.casebook is not None:
            self.casebook.vault.retry()
            self._show_vault()
            self._show_case(self.case_list.selected_id())

    # -- the dossier --------------------------------------------------------------------

    @property
    def dossier_job(self) -> DossierJob | None:
        return self._export.job if self._export is not None else None

    def create_dossier(self) -> None:
        if self.current_case is None or self.casebook is None:
            return
        if self._export is None:
            from desktop.ui.dossier_export import DossierExport

            self._export = DossierExport(self)
        self._export.start(self.current_case, self.casebook.attachments_dir)
        self.refresh_actions()

    def cancel_dossier(self) -> None:
        if self._export is not None:
            self._export.cancel()

    # -- the outside world (overridden in tests) -----------------------------------------

    def ask_save_path(self, default_name: str) -> Path | None:
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        from desktop.ui.dossier_export import SETTINGS_DOSSIER_DIR

        folder = self.settings.value(SETTINGS_DOSSIER_DIR) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        name, _ = QFileDialog.getSaveFileName(
            self, tr(TEXT_SAVE_DIALOG), str(Path(str(folder)) / default_name), tr(TEXT_PDF_FILTER)
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def show_in_folder(self, path: Path) -> None:
        open_folder(path.parent)

    def open_data_folder(self) -> None:
        if self.casebook is not None:
            open_folder(self.casebook.attachments_dir.parent)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from desktop import __version__

        body = tr(TEXT_ABOUT_BODY).format(version=__version__)
        QMessageBox.about(self, tr(TEXT_ABOUT).replace("&", ""), body)

    # -- window events --------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            emit(self.first_painted)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.wizard is not None:
            self.wizard.close()  # keeps a draft of what was typed
            if self.wizard is not None and self.wizard.isVisible():
                event.ignore()
                return
        if self._export is not None:
            self._export.shutdown()
        self.settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        if self._built:
            self.settings.setValue(SETTINGS_SPLITTER, self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)

    def _restore_geometry(self) -> None:
        geometry = self.settings.value(SETTINGS_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 720)

    def _on_copied(self, name: str) -> None:
        self.statusBar().showMessage(tr(TEXT_COPIED).format(field=name), 3000)


def _centred(label: QLabel) -> QWidget:
    # Centred by stretches rather than Qt.AlignmentFlag: importing the Qt namespace costs
    # about 18 ms, and nothing before the first paint needs it.
    box = QWidget()
    row = QHBoxLayout(box)
    row.addStretch(1)
    row.addWidget(label)
    row.addStretch(1)
    return box


def open_folder(folder: Path) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
