"""The main window: cases on the left, the selected case's tabs on the right, the keychain
banner on top, and where secrets are kept (and "Saved") in the status bar.

It gets its CaseBook from outside (`set_casebook`), so that the window can be
shown before the keyring is probed, and so tests can hand in their own. What
shows cases is built when the CaseBook arrives; the wizard, the dialogs and
the dossier renderer are imported only when first used.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from desktop import APP_NAME
from desktop.ui import preferences, theme
from desktop.ui.i18n import N_, Plural, current_language, tr, tr_count
from desktop.ui.live_display import LiveDisplayChange
from desktop.ui.signals import emit
from desktop.ui.text_metrics import text_px
from desktop.ui.window_actions import build_actions

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent

    from desktop.casebook import CaseBook
    from desktop.model import Case, Closure
    from desktop.ui.background import BackgroundTasks
    from desktop.ui.case_list import CaseListPanel
    from desktop.ui.case_session import CaseSession
    from desktop.ui.case_sessions import CaseSessions
    from desktop.ui.case_workspace import CaseWorkspace
    from desktop.ui.dossier_job import DossierJob
    from desktop.ui.settings_dialog import SettingsDialog
    from desktop.ui.vault_banner import VaultBanner
    from desktop.ui.welcome_view import WelcomeView
    from desktop.ui.wizard.case_wizard import CaseWizard
    from desktop.vault import Vault

TEXT_OPENING = N_("Opening your cases…")
TEXT_CHECKING = N_("Checking the keychain…")
TEXT_SAVED = N_("Saved at {time}")
TEXT_NOT_SAVED = N_("Not saved: {reason}")
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
TEXT_CLOSE_COMMAND = N_("Close case")
TEXT_REOPEN_COMMAND = N_("Reopen case")
TEXT_CLOSED = N_("Case closed. Reopen it at any time; everything stays.")
TEXT_REOPENED = N_("Case reopened. How it ended stays in its history.")
TEXT_SAMPLE_FAILED = N_("The sample case could not be opened")
TEXT_SAMPLE_ADDED = N_("The sample case was added. It is fictional: delete it whenever you like.")
TEXT_WHERE_TITLE = N_("Where to find your serial number")
TEXT_FILE_FAILED = N_("The secrets file could not be written: {reason}")
TEXT_SECRETS_MOVED = N_("Secrets are now kept in an encrypted file.")
TEXT_EXPORT_NOTHING = N_("There are no cases to export yet.")
TEXT_EXPORT_ALL_TITLE = N_("Export all cases")
TEXT_EXPORT_SECRETS_QUESTION = N_("Include serial numbers and other private details?")
TEXT_EXPORT_SECRETS_DETAIL = N_(
    "With them, each case file is sealed with a passphrase you choose next: keep it, you "
    "need it to import them again. Without them, the export holds no private identifiers."
)
TEXT_EXPORT_WITH = N_("Include, sealed")
TEXT_EXPORT_WITHOUT = N_("Leave them out")
TEXT_EXPORT_CANCEL = N_("Cancel")
TEXT_EXPORT_SAVE_AS = N_("Export all cases to")
TEXT_EXPORT_FILTER = N_("ZIP archive (*.zip)")
TEXT_EXPORT_FILE_NAME = N_("case-dossier-all-cases-{date}.zip")
TEXT_EXPORT_FAILED = N_("The cases could not be exported")
TEXT_EXPORTED = Plural("{count} case exported to {name}", "{count} cases exported to {name}")

SETTINGS_GEOMETRY = "mainWindow/geometry"
SETTINGS_SPLITTER = "mainWindow/splitter"


class MainWindow(LiveDisplayChange, QMainWindow):
    """Shown before anything slow: the case list, views and banner are built when the
    CaseBook arrives (`set_casebook`), right after the first paint."""

    first_painted = Signal()
    saved = Signal(str)  # case id
    dossier_ready = Signal(str, int)  # the rendered (temporary) PDF, pages
    dossier_saved = Signal(str)  # where the PDF went
    dossier_failed = Signal(str)  # the message shown
    renditions_ready = Signal(int)  # how many print renditions were prepared
    exported = Signal(str)  # where "Export all cases" wrote its file

    banner: VaultBanner
    case_list: CaseListPanel
    welcome: WelcomeView
    workspace: CaseWorkspace
    sessions: CaseSessions
    background: BackgroundTasks

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
        self.session: CaseSession | None = None
        self.wizard: CaseWizard | None = None
        self._settings_dialog: SettingsDialog | None = None
        self.today = date.today
        self._built = False
        self._painted = False
        self._print_when_ready = False
        # What the window was built with: Preferences may change either while it runs.
        self._language = current_language()
        self._text_size = preferences.text_size(self.settings)
        self._display_pending = False  # a change waits for the wizard, a call, a dossier
        self._save_note: tuple[str, str] | None = None  # ("saved", time) or ("failed", why)
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(760, 520)
        self._build_chrome()
        self._restore_geometry()
        if casebook is not None:
            self.set_casebook(casebook)

    # -- set-up -----------------------------------------------------------------------

    def _build_chrome(self) -> None:
        """What shows before the cases: the loading note, the status bar, the menus.
        Built again, with the content, when the language or text size changes."""
        self.loading = _centred(theme.muted(QLabel(tr(TEXT_OPENING))))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.loading)
        central = QWidget()
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        if not hasattr(self, "saved_label"):
            # The status bar stays when the window is built again (its texts are set
            # anew): a new one, shown later by Qt, would show its note under a message.
            self.saved_label = theme.muted(QLabel())
            self.vault_icon = QLabel()
            self.vault_label = QLabel()
            self.vault_label.setContentsMargins(0, 0, 12, 0)
            self.saved_label.setContentsMargins(12, 0, 0, 0)
            self.statusBar().addWidget(self.saved_label)
            self.statusBar().addPermanentWidget(self.vault_icon)
            self.statusBar().addPermanentWidget(self.vault_label)
            self.statusBar().setSizeGripEnabled(False)
            # QStatusBar hides the note while a message shows, but shows it again when it
            # lays itself out anew (a text in a script of another height): then both are
            # drawn over each other. Hidden on purpose, it stays hidden until the message goes.
            self.statusBar().messageChanged.connect(self._on_status_message)
        self.vault_label.setText(tr(TEXT_CHECKING))  # until the CaseBook says where they are

        self.actions_ = build_actions(
            self,
            {
                "new_case": self.new_case,
                "open_sample": self.open_sample_case,
                "export_all": self.export_all_cases,
                "create_dossier": self.create_dossier,
                "print_dossier": self.print_dossier,
                "save_dossier": self.save_dossier,
                "quit": self.close,
                "undo": self.undo,
                "redo": self.redo,
                "find": self.find_case,
                "preferences": self.show_preferences,
                "log_call": self.log_call,
                "edit_case": self.edit_case,
                "close_case": self.close_case,
                "reopen_case": self.reopen_case,
                "delete_case": self.delete_case,
                "where_serial": self.show_where_serial,
                "open_data": self.open_data_folder,
                "about": self.show_about,
            },
        )
        a = self.actions_
        # Short names for the actions others use (tests, the app's smoke run).
        self.new_case_action = a.new_case
        self.create_dossier_action = a.create_dossier
        self.edit_case_action = a.edit_case
        self.delete_case_action = a.delete_case
        self.open_data_action = a.open_data
        self.export_all_action = a.export_all
        self.about_action = a.about
        self.undo_action = a.undo
        self.redo_action = a.redo
        self.refresh_actions()

    def _build_content(self) -> None:
        """Everything that shows cases: built once, when the data is there."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QSplitter

        from desktop import paths
        from desktop.ui import icons
        from desktop.ui.background import BackgroundTasks
        from desktop.ui.case_list import CaseListPanel
        from desktop.ui.case_sessions import CaseSessions
        from desktop.ui.case_workspace import CaseWorkspace
        from desktop.ui.vault_banner import VaultBanner
        from desktop.ui.welcome_view import WelcomeView
        from desktop.ui.window_actions import install_shortcuts

        assert self.casebook is not None
        self.setWindowIcon(icons.app_icon())
        install_shortcuts(self.actions_)
        if not hasattr(self, "background"):  # kept when the window is built again: a task
            self.background = BackgroundTasks(self)  # may run, reporting to this window
        self.sessions = CaseSessions(self.casebook, self)
        self.sessions.saved.connect(self._on_session_saved)
        self.sessions.save_failed.connect(self._on_save_failed)
        group = self.sessions.undo_group
        group.canUndoChanged.connect(self.refresh_actions)
        group.canRedoChanged.connect(self.refresh_actions)
        group.undoTextChanged.connect(self.refresh_actions)
        group.redoTextChanged.connect(self.refresh_actions)

        self.banner = VaultBanner()
        self.banner.retry_requested.connect(self.retry_vault)
        self.banner.file_requested.connect(self.choose_secrets_file)
        banner_holder = QVBoxLayout()
        banner_holder.setContentsMargins(theme.SPACE_L, theme.SPACE_M + 2, theme.SPACE_L, 0)
        banner_holder.addWidget(self.banner)
        self._column.insertLayout(0, banner_holder)

        self.case_list = CaseListPanel()
        self.case_list.case_selected.connect(self._show_case)
        self.case_list.case_activated.connect(self.edit_case)
        self.case_list.new_case_requested.connect(self.new_case)
        self.case_list.setMinimumWidth(text_px(260))
        self.welcome = WelcomeView()
        self.welcome.prepare_requested.connect(self.new_case)
        self.welcome.sample_requested.connect(self.open_sample_case)

        self.workspace = CaseWorkspace(self.casebook, self.settings, paths.renditions_dir())
        self.workspace.today = lambda: self.today()
        ws = self.workspace
        ws.copied.connect(self._on_copied)
        ws.header.dossier_requested.connect(self.create_dossier)
        ws.header.log_call_requested.connect(self.log_call)
        ws.header.edit_requested.connect(self.edit_case)
        ws.header.close_requested.connect(self.close_case)
        ws.header.reopen_requested.connect(self.reopen_case)
        ws.details.edit_in_wizard_requested.connect(self.edit_case)
        ws.evidence.pictures_added.connect(self.prepare_renditions)
        ws.coach.log_call_requested.connect(self.log_call)
        ws.coach.letter_requested.connect(self.write_letter)
        ws.dossier.ready.connect(self._on_dossier_ready)
        ws.dossier.saved.connect(self._on_dossier_saved)
        ws.dossier.failed.connect(self._on_dossier_failed)
        ws.dossier.running_changed.connect(self.refresh_actions)
        ws.dossier.running_changed.connect(self._retry_display_change)
        ws.timeline.case_changed.connect(self._retry_display_change)
        ws.timeline.discard_button.clicked.connect(self._retry_display_change)

        self.content = QStackedWidget()
        self.content.addWidget(self.welcome)
        self.content.addWidget(self.workspace)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.case_list)
        self.splitter.addWidget(self.content)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 880])
        self.splitter.setChildrenCollapsible(False)
        splitter_state = self.settings.value(SETTINGS_SPLITTER)
        if splitter_state is not None:
            self.splitter.restoreState(splitter_state)
        self.stack.addWidget(self.splitter)
        self.stack.setCurrentWidget(self.splitter)
        self.setAcceptDrops(True)
        self._built = True

    def set_casebook(self, casebook: CaseBook) -> None:
        """Hand in the cases (after the keyring has been probed); shows the list."""
        self.casebook = casebook
        if not self._built:
            self._build_content()
        self._show_vault()
        self.refresh_cases()
        self.refresh_actions()

    def warm_up_renderer(self) -> None:
        """Load the dossier renderer's libraries and fonts on a worker, so the first
        dossier is as quick as the next (the app calls this after start-up)."""

        def work() -> None:
            from desktop.dossier import warm_up

            warm_up()

        self.background.run("dossier-warm-up", work)

    # -- what is shown ----------------------------------------------------------------

    def refresh_cases(self, select_id: str | None = None) -> None:
        from desktop.ui.case_index import case_entries

        if self.casebook is None:
            return
        entries = case_entries(self.casebook, self.today(), self.sessions.loaded_cases())
        self.case_list.setVisible(bool(entries))
        if not entries:
            self._show_nothing()
            self.content.setCurrentWidget(self.welcome)
            return
        self.case_list.show_cases(entries, select_id)

    def _show_case(self, case_id: str) -> None:
        if self.casebook is None or not case_id:
            self._show_nothing()
            return
        try:
            session = self.sessions.open(case_id)
        except KeyError:  # deleted meanwhile (another window, a test)
            self.refresh_cases()
            return
        self.session = session
        self.workspace.set_session(session, self.casebook.vault.state)
        self.content.setCurrentWidget(self.workspace)
        self.refresh_actions()

    def _show_nothing(self) -> None:
        self.session = None
        if self._built:
            self.workspace.set_session(None, None)
            self.sessions.deactivate()
        self.refresh_actions()

    @property
    def current_case(self) -> Case | None:
        return self.session.case if self.session is not None else None

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

    def refresh_actions(self, *_: object) -> None:
        a = self.actions_
        has_book = self.casebook is not None
        for action in (a.new_case, a.open_sample, a.export_all, a.find, a.open_data):
            action.setEnabled(has_book)
        if not self._built:  # before the first paint: nothing to act on, nothing to import
            for action in (
                a.create_dossier, a.print_dossier, a.save_dossier, a.log_call, a.edit_case,
                a.close_case, a.reopen_case, a.delete_case, a.undo, a.redo,
            ):  # fmt: skip
                action.setEnabled(False)
            return
        from desktop.model import CaseStatus
        from desktop.ui.window_actions import redo_text, undo_text

        case = self.current_case
        has_case = case is not None
        status = case.status if case is not None else None
        running = self.workspace.dossier.is_running()
        has_pdf = self.workspace.dossier.pdf_path is not None
        a.create_dossier.setEnabled(has_case and not running)
        a.print_dossier.setEnabled(has_case and not running)
        a.save_dossier.setEnabled(has_pdf and not running)
        a.log_call.setEnabled(has_case and status is not CaseStatus.DRAFT)
        a.edit_case.setEnabled(has_case)
        a.close_case.setEnabled(status is CaseStatus.OPEN)
        a.reopen_case.setEnabled(status is CaseStatus.CLOSED)
        a.delete_case.setEnabled(has_case and not running)
        self.workspace.header.dossier_button.setEnabled(has_case and not running)
        group = self.sessions.undo_group
        a.undo.setEnabled(group.canUndo())
        a.redo.setEnabled(group.canRedo())
        a.undo.setText(undo_text(group.undoText()))
        a.redo.setText(redo_text(group.redoText()))

    def _on_session_saved(self, case_id: str) -> None:
        self._mark_saved(case_id)
        if self._built:
            self.refresh_cases(select_id=self.case_list.selected_id() or case_id)
        self.refresh_actions()

    def _mark_saved(self, case_id: str) -> None:
        self._save_note = ("saved", datetime.now().strftime("%H:%M"))
        self._show_save_note()
        self._show_vault()  # a save may have found the keychain locked
        emit(self.saved, case_id)

    def _on_save_failed(self, reason: str) -> None:
        self._save_note = ("failed", reason)
        self._show_save_note()

    def _on_status_message(self, message: str) -> None:
        self.saved_label.setVisible(not message)

    def _show_save_note(self) -> None:
        if self._save_note is None:
            return
        kind, value = self._save_note
        if kind == "saved":
            self.saved_label.setText("✓ " + tr(TEXT_SAVED).format(time=value))
        else:
            self.saved_label.setText(tr(TEXT_NOT_SAVED).format(reason=value))
            theme.with_colour(self.saved_label, theme.colours().error)

    # -- cases ------------------------------------------------------------------------

    def new_case(self) -> None:
        from desktop.model import Case, Owner
        from desktop.ui import preferences

        language = preferences.dossier_language(self.settings)
        self._open_wizard(Case(owner=Owner(dossier_language=language)))

    def open_sample_case(self) -> None:
        from desktop.bundle import CaseFileError
        from desktop.store import StoreError
        from desktop.ui.sample_case_file import import_sample_case
        from desktop.vault import VaultError

        if self.casebook is None:
            return
        try:
            case = import_sample_case(self.casebook)
        except (FileNotFoundError, CaseFileError, StoreError, VaultError, OSError) as exc:
            from desktop.ui import dialogs

            dialogs.tell(self, tr(TEXT_SAMPLE_FAILED), str(exc), warning=True)
            return
        self.case_list.set_filter(None)
        self.case_list.search_edit.clear()
        self.refresh_cases(select_id=case.id)
        self._mark_saved(case.id)
        self.statusBar().showMessage(tr(TEXT_SAMPLE_ADDED), 6000)

    def edit_case(self) -> None:
        if self.current_case is None or self.casebook is None:
            return
        if not self._secrets_readable():
            return
        self.workspace.details.flush()
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
        # The wizard edited its own copy: the session's copy (and its undo history) is stale.
        self.sessions.forget(case_id)
        if self.session is not None and self.session.case_id == case_id:
            self.session = None
        self.case_list.set_filter(None)
        self.refresh_cases(select_id=case_id)
        if self.case_list.selected_id() == case_id:
            self._show_case(case_id)
        self._mark_saved(case_id)

    def _on_wizard_gone(self, *_: object) -> None:
        gone, self.wizard = self.wizard, None
        if gone is not None:
            self._retry_display_change()
        if gone is not None and self.isVisible():
            # Back to this window with the keyboard focus on the cases (where the new one is
            # selected): a keyboard or screen-reader user is never left with the focus nowhere.
            from PySide6.QtCore import Qt

            self.activateWindow()
            if self._built and self.case_list.isVisible():
                self.case_list.list.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def close_case(self) -> None:
        from desktop.model import CaseStatus
        from desktop.ui.case_commands import SetValues

        session = self.session
        if session is None or session.case.status is not CaseStatus.OPEN:
            return
        self.workspace.details.flush()
        closure = self.ask_closure(session.case)
        if closure is None:
            return
        values = {"status": CaseStatus.CLOSED, "closure": closure}
        session.push(SetValues(session, tr(TEXT_CLOSE_COMMAND), values))
        self.statusBar().showMessage(tr(TEXT_CLOSED), 5000)

    def ask_closure(self, case: Case) -> Closure | None:
        """The close-case dialog (replaced in tests)."""
        from desktop.ui.close_case_dialog import CloseCaseDialog

        dialog = CloseCaseDialog(case, self.today(), self)
        if dialog.exec() != CloseCaseDialog.DialogCode.Accepted:
            return None
        return dialog.closure(self.today())

    def reopen_case(self) -> None:
        from desktop.model import CaseStatus
        from desktop.ui.case_commands import SetValues

        session = self.session
        if session is None or session.case.status is not CaseStatus.CLOSED:
            return
        session.push(SetValues(session, tr(TEXT_REOPEN_COMMAND), {"status": CaseStatus.OPEN}))
        self.statusBar().showMessage(tr(TEXT_REOPENED), 5000)

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
        self.workspace.set_session(None, None)
        self.session = None
        self.sessions.forget(case.id)
        self.casebook.delete(case.id)
        self.refresh_cases()
        self.statusBar().showMessage(tr(TEXT_DELETED), 4000)

    def retry_vault(self) -> None:
        if self.casebook is not None:
            self.casebook.vault.retry()
            self._vault_changed()

    def _vault_changed(self) -> None:
        """Show where secrets are kept now; identifiers that could not be read may be
        readable now: open cases load them again (an edited one gets them filled in)."""
        from desktop.model import apply_secret_values

        assert self.casebook is not None
        self._show_vault()
        if self._settings_dialog is not None:
            self._settings_dialog.show_vault(self.casebook.vault)
        if not self._built or not self.casebook.vault.is_secure:
            return
        for case_id in list(self.sessions.loaded_cases()):
            session = self.sessions.get(case_id)
            unknown = self.casebook.unreadable_secrets(case_id)
            if session is None or not unknown:
                continue
            if session.undo_stack.count():  # keep the edits; add what the keychain holds
                found = {key: self.casebook.vault.get(case_id, key) for key in unknown}
                apply_secret_values(session.case, {k: v for k, v in found.items() if v})
                continue
            self.sessions.forget(case_id)
            if self.session is session:
                self.session = None
        self._show_case(self.case_list.selected_id())

    # -- where secrets are kept (no keychain: the encrypted secrets file) -------------------

    def ask_secrets_passphrase(self, creating: bool, error: str = "") -> str | None:
        """The secrets file's passphrase (a new one when `creating`), or None (tests replace it)."""
        from desktop.ui.passphrase_dialog import Purpose, ask_passphrase

        return ask_passphrase(self, Purpose.NEW_FILE if creating else Purpose.OPEN_FILE, error)

    def open_secrets_vault(self) -> Vault | None:
        """Ask for the passphrase until it opens (or starts) the encrypted secrets file;
        a wrong one is refused with the reason and asked again. None when cancelled."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from desktop import paths
        from desktop.sealed import SealError
        from desktop.secrets_file import SealedFileBackend
        from desktop.vault import Vault

        path = paths.secrets_file()
        creating = not path.exists()
        error = ""
        while True:
            passphrase = self.ask_secrets_passphrase(creating, error)
            if passphrase is None:
                return None
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # scrypt: about 0.1 s
            try:
                backend = SealedFileBackend.open_or_create(path, passphrase)
                vault = Vault.with_backend(backend)
            except SealError as exc:  # a wrong passphrase, too short, a damaged file
                error = str(exc)
                continue
            except OSError as exc:
                error = tr(TEXT_FILE_FAILED).format(reason=exc.strerror or type(exc).__name__)
                continue
            finally:
                QApplication.restoreOverrideCursor()
            if vault.is_secure:
                return vault
            error = vault.message

    def choose_secrets_file(self) -> bool:
        """No keychain: keep secrets in the encrypted file from now on, with what this
        session held in memory moved into it. False when cancelled."""
        if self.casebook is None:
            return False
        vault = self.open_secrets_vault()
        if vault is None:
            return False
        self.use_vault(vault)
        self.statusBar().showMessage(tr(TEXT_SECRETS_MOVED), 5000)
        return True

    def use_vault(self, vault: Vault) -> None:
        """Keep secrets in `vault` from now on; what the old one held in memory moves into it."""
        from desktop.ui import preferences
        from desktop.ui.vault_banner import is_file_vault

        assert self.casebook is not None
        for (case_id, field), value in self.casebook.vault.take_memory().items():
            vault.set(case_id, field, value)
        self.casebook.vault = vault
        if is_file_vault(vault):
            preferences.remember_secrets_file(self.settings, True)  # a yes/no, never the passphrase
        self._vault_changed()

    # -- export all cases ----------------------------------------------------------------

    def export_all_cases(self) -> Path | None:
        """One .zip holding a case file per case; secrets only if asked for, sealed."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from desktop.bundle import write_all_cases
        from desktop.ui import dialogs

        if self.casebook is None:
            return None
        if self._built:
            self.workspace.details.flush()
        summaries = self.casebook.list_cases()
        if not summaries:
            dialogs.tell(self, tr(TEXT_EXPORT_ALL_TITLE), tr(TEXT_EXPORT_NOTHING))
            return None
        include = self.ask_export_secrets()
        if include is None:
            return None
        passphrase: str | None = None
        if include:
            if not self._secrets_readable():
                return None
            passphrase = self.ask_export_passphrase()
            if passphrase is None:
                return None
        out = self.ask_export_path()
        if out is None:
            return None
        book = self.casebook
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            cases = [book.load(s.id) if include else book.load_public(s.id) for s in summaries]
            write_all_cases(cases, book.attachments_dir, out, passphrase)
        except OSError as exc:
            QApplication.restoreOverrideCursor()
            reason = exc.strerror or type(exc).__name__
            dialogs.tell(self, tr(TEXT_EXPORT_FAILED), reason, warning=True)
            return None
        QApplication.restoreOverrideCursor()
        message = tr_count(TEXT_EXPORTED, len(cases), name=out.name)
        self.statusBar().showMessage(message, 6000)
        emit(self.exported, str(out))
        return out

    def ask_export_secrets(self) -> bool | None:
        """Whether to include secrets (sealed); None when cancelled (tests replace it)."""
        from desktop.ui import dialogs

        Button = dialogs.Button
        answer = dialogs.ask(
            self,
            tr(TEXT_EXPORT_ALL_TITLE),
            tr(TEXT_EXPORT_SECRETS_QUESTION),
            {
                Button.Yes: tr(TEXT_EXPORT_WITH),
                Button.No: tr(TEXT_EXPORT_WITHOUT),
                Button.Cancel: tr(TEXT_EXPORT_CANCEL),
            },
            default=Button.No,
            informative=tr(TEXT_EXPORT_SECRETS_DETAIL),
        )
        if answer == Button.Cancel:
            return None
        return answer == Button.Yes

    def ask_export_passphrase(self) -> str | None:
        from desktop.ui.passphrase_dialog import Purpose, ask_passphrase

        return ask_passphrase(self, Purpose.EXPORT)

    def ask_export_path(self) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        from desktop.ui import preferences

        name = tr(TEXT_EXPORT_FILE_NAME).format(date=self.today().isoformat())
        start = preferences.dossier_folder(self.settings) / name
        chosen, _ = QFileDialog.getSaveFileName(
            self, tr(TEXT_EXPORT_SAVE_AS), str(start), tr(TEXT_EXPORT_FILTER)
        )
        if not chosen:
            return None
        out = Path(chosen)
        return out if out.suffix.lower() == ".zip" else out.with_name(out.name + ".zip")

    # -- editing ----------------------------------------------------------------------

    def undo(self) -> None:
        if not self._built:
            return
        self.workspace.details.flush()
        self.sessions.undo_group.undo()

    def redo(self) -> None:
        if self._built:
            self.sessions.undo_group.redo()

    def find_case(self) -> None:
        if self._built and self.casebook is not None:
            self.case_list.setVisible(True)
            self.case_list.focus_search()

    def log_call(self) -> None:
        if self.session is None:
            return
        self.workspace.show_tab(self.workspace.timeline)
        self.workspace.timeline.log_call()

    def write_letter(self, kind: str) -> None:
        if self.session is None:
            return
        from PySide6.QtCore import Qt

        from desktop.ui.letters import LetterDialog

        dossier = self.workspace.dossier.last_saved
        dialog = LetterDialog(self.session.case, kind, dossier, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    # -- evidence ---------------------------------------------------------------------

    def prepare_renditions(self, attachments: list[object]) -> None:
        """Print renditions of new pictures, off the GUI thread, so dossiers are quick."""
        from desktop import paths

        if self.casebook is None or not attachments:
            return
        casebook = self.casebook
        cache = paths.renditions_dir()
        jobs = [(casebook.attachment_path(att), att.sha256) for att in attachments]  # type: ignore[attr-defined]

        def work() -> int:
            from desktop.dossier import RenditionError, prepare_rendition

            made = 0
            for source, key in jobs:
                try:
                    prepare_rendition(source, cache, key=key or None)
                except (RenditionError, OSError):
                    continue  # the dossier says why when it is made
                made += 1
            return made

        self.background.run("renditions", work, self._on_renditions_ready)

    def _on_renditions_ready(self, made: object) -> None:
        emit(self.renditions_ready, int(made) if isinstance(made, int) else 0)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from desktop.ui.evidence_files import local_files

        if self.session is not None and local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        from desktop.ui.evidence_files import local_files

        paths = local_files(event.mimeData())
        if self.session is None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.workspace.show_tab(self.workspace.evidence)
        self.workspace.evidence.add_paths(paths)

    # -- the dossier --------------------------------------------------------------------

    @property
    def dossier_job(self) -> DossierJob | None:
        return self.workspace.dossier.job if self._built else None

    def create_dossier(self) -> None:
        if self.session is None:
            return
        self.workspace.details.flush()
        self.workspace.show_tab(self.workspace.dossier)
        self.workspace.dossier.create()
        self.refresh_actions()

    def print_dossier(self) -> None:
        if self.session is None:
            return
        dossier = self.workspace.dossier
        self.workspace.show_tab(dossier)
        if dossier.pdf_path is not None:
            dossier.print_dossier()
            return
        self._print_when_ready = True  # make it first, then print
        self.create_dossier()

    def save_dossier(self) -> None:
        if self._built:
            self.workspace.dossier.save_as()

    def cancel_dossier(self) -> None:
        if self._built:
            self.workspace.dossier.cancel()

    def _on_dossier_ready(self, path: str, pages: int) -> None:
        self.refresh_actions()
        emit(self.dossier_ready, path, pages)
        if self._print_when_ready:
            self._print_when_ready = False
            self.workspace.dossier.print_dossier()

    def _on_dossier_saved(self, path: str) -> None:
        self.refresh_actions()
        emit(self.dossier_saved, path)

    def _on_dossier_failed(self, message: str) -> None:
        self._print_when_ready = False
        self.refresh_actions()
        emit(self.dossier_failed, message)

    # -- dialogs and the outside world --------------------------------------------------

    def show_preferences(self) -> None:
        from desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.casebook.vault if self.casebook else None, self)
        dialog.retry_vault_requested.connect(self.retry_vault)
        dialog.secrets_file_requested.connect(self.choose_secrets_file)
        self._settings_dialog = dialog
        try:
            accepted = dialog.exec() == SettingsDialog.DialogCode.Accepted
        finally:
            self._settings_dialog = None
        if accepted and self._built:
            paper = self.workspace.dossier.paper_combo
            paper.setCurrentIndex(paper.findData(preferences.default_paper(self.settings)))
        if accepted and (dialog.language_changed or dialog.text_size_changed):
            self.apply_display_preferences()

    def show_where_serial(self) -> None:
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

        from desktop.model import DeviceKind
        from desktop.ui.wizard.help_box import WhereToFind

        dialog = QDialog(self)
        dialog.setWindowTitle(tr(TEXT_WHERE_TITLE))
        help_box = WhereToFind()
        case = self.current_case
        help_box.show_for(case.device.kind if case is not None else DeviceKind.IPHONE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(help_box)
        layout.addWidget(buttons)
        dialog.setMinimumWidth(420)
        dialog.exec()

    def show_in_folder(self, path: Path) -> None:
        open_folder(path.parent)

    def open_data_folder(self) -> None:
        if self.casebook is not None:
            open_folder(self.casebook.attachments_dir.parent)

    def show_about(self) -> None:
        from desktop.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self)
        dialog.open_data_requested.connect(self.open_data_folder)
        dialog.exec()

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
        if self._built:
            self.workspace.details.flush()
            self.workspace.dossier.shutdown()
            self.background.wait_all()
            self.workspace.set_session(None, None)  # views let go of the stacks first
            self.sessions.close_all()
        self.settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        if self._built:
            self.settings.setValue(SETTINGS_SPLITTER, self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)

    def _restore_geometry(self) -> None:
        geometry = self.settings.value(SETTINGS_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 780)

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
