"""The cases opened in this run, one CaseSession (and so one undo stack) each.

A case is loaded once and then kept, so Undo works after switching to another
case and back; the undo group makes the selected case's stack the active one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QUndoGroup

from desktop.ui.case_session import CaseSession
from desktop.ui.signals import emit

if TYPE_CHECKING:
    from desktop.casebook import CaseBook
    from desktop.model import Case


class CaseSessions(QObject):
    saved = Signal(str)  # any open case was saved (its id)
    save_failed = Signal(str)  # a sentence for the user

    def __init__(self, casebook: CaseBook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.casebook = casebook
        self.undo_group = QUndoGroup(self)
        self._sessions: dict[str, CaseSession] = {}

    def open(self, case_id: str) -> CaseSession:
        """The session for this case; loads it the first time (KeyError if it is gone)."""
        session = self._sessions.get(case_id)
        if session is None:
            session = CaseSession(self.casebook, self.casebook.load(case_id), self)
            self._sessions[case_id] = session
            session.saved.connect(self._on_saved)
            session.save_failed.connect(self._on_save_failed)
            self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        return session

    def get(self, case_id: str) -> CaseSession | None:
        return self._sessions.get(case_id)

    def loaded_cases(self) -> dict[str, Case]:
        return {case_id: session.case for case_id, session in self._sessions.items()}

    def forget(self, case_id: str) -> None:
        """The case was deleted or replaced (the wizard saved its own copy): drop its history."""
        session = self._sessions.pop(case_id, None)
        if session is None:
            return
        self.undo_group.removeStack(session.undo_stack)
        session.release()
        session.deleteLater()

    def deactivate(self) -> None:
        self.undo_group.setActiveStack(None)

    @Slot(str)
    def _on_saved(self, case_id: str) -> None:
        emit(self.saved, case_id)

    @Slot(str)
    def _on_save_failed(self, reason: str) -> None:
        emit(self.save_failed, reason)

    def close_all(self) -> None:
        for case_id in list(self._sessions):
            self.forget(case_id)
