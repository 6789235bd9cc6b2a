"""One open case: the Case object every view edits, its undo stack, and saving.

There is one session per case opened in this run. Views never load their own
copy: they all hold `session.case`, and every change goes through an undoable
command (case_commands.py) that saves right away (autosave). The timeline
editor gets the same undo stack, so Undo walks back through every kind of edit.

Attachments removed by a command keep their file until the session ends, so
Undo can bring them back; `release()` then deletes the files no saved case
refers to any more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.model import Attachment, Case
from desktop.store import StoreError
from desktop.ui.signals import emit
from desktop.vault import VaultError

if TYPE_CHECKING:
    from desktop.casebook import CaseBook


class CaseSession(QObject):
    saved = Signal(str)  # case id, after every successful save
    save_failed = Signal(str)  # a sentence for the user
    changed = Signal()  # the case's data changed (edit, undo, redo): views refresh

    def __init__(self, casebook: CaseBook, case: Case, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.casebook = casebook
        self.case = case
        self.undo_stack = QUndoStack(self)
        self._set_aside: dict[str, Attachment] = {}

    @property
    def case_id(self) -> str:
        return self.case.id

    def push(self, command: QUndoCommand) -> None:
        """Do the change (QUndoStack.push runs redo) and make it undoable."""
        self.undo_stack.push(command)

    def save(self) -> bool:
        try:
            self.casebook.save(self.case)
        except (VaultError, StoreError, OSError) as exc:
            emit(self.save_failed, str(exc))
            emit(self.changed)
            return False
        emit(self.saved, self.case.id)
        emit(self.changed)
        return True

    def notify_saved_elsewhere(self) -> None:
        """Someone else (the timeline editor) saved this case: tell the views."""
        emit(self.saved, self.case.id)
        emit(self.changed)

    # -- attachments taken out, kept for Undo --------------------------------------

    def set_aside(self, attachment: Attachment) -> None:
        self._set_aside[attachment.id] = attachment

    def release(self) -> None:
        """The session ends: delete the files of attachments that stayed removed."""
        in_case = {att.id for att in self.case.attachments()}
        gone = [att for att_id, att in self._set_aside.items() if att_id not in in_case]
        self._set_aside.clear()
        if gone:
            self.casebook.discard_files(gone)
