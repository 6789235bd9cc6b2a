"""Changing the language or the text size while the app runs, without a restart.

MainWindow's part of Preferences: the new language (gettext, Qt's translator, the
locale) and text size are installed, then the window builds its menus, status bar,
case list and tabs again in the same process, on the same CaseBook, and shows the
same case, tab, contact, search and splitter. While that would lose something (the
case wizard or a call being logged is open, a dossier is being made, a contact being
edited cannot be saved yet) the change waits, the status bar says for what, and it
is made as soon as that has ended.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.ui import preferences
from desktop.ui.i18n import N_, tr

if TYPE_CHECKING:
    from desktop.ui.dossier_tab import DossierHandOver

TEXT_LANGUAGE_NOW = N_("Case Dossier now speaks {language}.")
TEXT_TEXT_SIZE_NOW = N_("The new text size is in use.")
TEXT_UNDO_AFRESH = N_("Everything is saved; Undo starts afresh from here.")
TEXT_WAIT_WIZARD = N_("Preferences saved. The window changes once the case wizard is closed.")
TEXT_WAIT_CALL = N_("Preferences saved. The window changes once the call is logged or closed.")
TEXT_WAIT_DOSSIER = N_("Preferences saved. The window changes once the dossier is ready.")
TEXT_WAIT_CONTACT = N_(
    "Preferences saved. The window changes once the contact is saved or discarded."
)


class LiveDisplayChange:
    """Mixed into MainWindow (desktop/ui/main_window.py), whose parts it rebuilds."""

    def apply_display_preferences(self) -> bool:
        """Preferences changed the language or the text size: install them and build the
        window again in the same process, on the same CaseBook, with the same case and tab.
        While that would lose something (the case wizard or a call being logged is open, a
        dossier is being made, a contact being edited cannot be saved yet) the change waits,
        the status bar says for what, and it is made as soon as that has ended.
        True when the window was built again (or nothing needed to change)."""
        self._display_pending = True
        waiting = self._display_change_blocker()
        if waiting:
            from desktop.i18n import translator
            from desktop.ui.app import wanted_language

            # Nothing is installed yet: say it in the language chosen, the one to come.
            message = translator(wanted_language(self.settings)).gettext(waiting)
            self.statusBar().showMessage(message)
            return False
        self._display_pending = False
        self._apply_display_change()
        return True

    def _display_change_blocker(self) -> str:
        """What the change has to wait for, as a message; "" when nothing."""
        if self.wizard is not None:
            return TEXT_WAIT_WIZARD
        if not self._built:
            return ""
        timeline = self.workspace.timeline
        if timeline.call_dialog is not None:
            return TEXT_WAIT_CALL
        if self.workspace.dossier.is_running():
            return TEXT_WAIT_DOSSIER
        if not timeline.leave_form():  # saves a changed contact; asks when it cannot
            return TEXT_WAIT_CONTACT
        return ""

    def _retry_display_change(self, *_: object) -> None:
        """Something the change waited for has ended: try again once the event that told
        us so is over (the widget sending it may be replaced)."""
        if self._display_pending:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self, self._retry_pending_display_change)

    def _retry_pending_display_change(self) -> None:
        if self._display_pending:
            self.apply_display_preferences()

    def _apply_display_change(self) -> None:
        from PySide6.QtWidgets import QApplication

        from desktop.i18n import LANGUAGES
        from desktop.ui.app import change_text_size, install_language

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        size = preferences.text_size(self.settings)
        change_text_size(app, self._text_size, size)
        language = install_language(app, self.settings)
        messages = []
        if language != self._language:
            name = LANGUAGES.get(language, language)
            messages.append(tr(TEXT_LANGUAGE_NOW).format(language=name))
        if size != self._text_size:
            messages.append(tr(TEXT_TEXT_SIZE_NOW))
        if not messages:
            return  # e.g. "as the system" chosen for the language already shown
        self._language, self._text_size = language, size
        if self.rebuild():
            messages.append(tr(TEXT_UNDO_AFRESH))
        self.statusBar().showMessage(" ".join(messages), 10_000)

    def rebuild(self) -> bool:
        """Build the menus, the status bar's texts and everything that shows cases again, in the
        language, locale and text size installed now. The CaseBook (database, vault) stays
        open; what is being typed is saved first; the same case, tab, contact, search,
        splitter and finished dossier are shown again; the window keeps its geometry.
        The undo history cannot follow (its steps are named in the old language): True
        when some was dropped. Call it only when `_display_change_blocker()` is empty."""
        from PySide6.QtWidgets import QMenuBar

        old_actions = self.actions_
        view = self._view_state() if self._built else None
        had_undo = False
        dossier = None
        if self._built:
            self.workspace.details.flush()  # what is being typed is committed and saved
            dossier = self.workspace.dossier.hand_over()
            had_undo = any(
                session.undo_stack.count()
                for session in map(self.sessions.get, self.sessions.loaded_cases())
                if session is not None
            )
            self.workspace.set_session(None, None)  # views let go of the stacks first
            self.session = None
            old_sessions = self.sessions
            old_sessions.saved.disconnect(self._on_session_saved)
            old_sessions.save_failed.disconnect(self._on_save_failed)
            old_sessions.close_all()
            old_sessions.deleteLater()
        # The old widgets go when the event loop next runs (Qt deletes them later).
        for action in vars(old_actions).values():
            action.setShortcuts([])
            action.deleteLater()
        # Widgets take their locale (dates in a date field) from the window: the new default.
        self.unsetLocale()
        self.setMenuBar(QMenuBar())
        self.statusBar().clearMessage()
        self._built = False
        self._build_chrome()
        self._show_save_note()
        if self.casebook is None:
            return False
        self._build_content()
        self._show_vault()
        if view is not None:
            self._restore_view_state(view, dossier)
        else:
            self.refresh_cases()
        self.refresh_actions()
        return had_undo

    def _view_state(self) -> dict[str, object]:
        from PySide6.QtWidgets import QApplication

        entry = self.workspace.timeline.selected_entry()
        focus = QApplication.focusWidget()
        return {
            "case": self.case_list.selected_id(),
            "tab": self.workspace.tabs.currentIndex(),
            "contact": entry.id if entry is not None else None,
            "splitter": self.splitter.saveState(),
            "search": self.case_list.search_edit.text(),
            "filter": self.case_list.filter_combo.currentIndex(),
            "focus_on_list": focus is not None and self.case_list.isAncestorOf(focus),
        }

    def _restore_view_state(self, view: dict[str, object], dossier: DossierHandOver | None) -> None:
        from PySide6.QtCore import QByteArray, Qt

        splitter = view["splitter"]
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        self.case_list.search_edit.setText(str(view["search"]))
        index = view["filter"]
        self.case_list.filter_combo.setCurrentIndex(index if isinstance(index, int) else 0)
        case_id = view["case"]
        self.refresh_cases(select_id=case_id if isinstance(case_id, str) and case_id else None)
        if dossier is not None:
            self.workspace.dossier.take_over(dossier)  # discards it if no case is shown
        if self.session is None:
            return
        tab = view["tab"]
        self.workspace.tabs.setCurrentIndex(tab if isinstance(tab, int) else 0)
        contact = view["contact"]
        if isinstance(contact, str):
            self.workspace.timeline.refresh(contact)
        # The focus was in a widget that is gone: put it where the user was.
        if view["focus_on_list"]:
            self.case_list.list.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.workspace.tabs.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)
