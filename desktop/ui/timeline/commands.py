"""The timeline's undoable edits: add, change, delete one contact.

QUndoStack.push() runs redo() at once, so pushing a command is how an edit is
made. Each command holds the Case object it was made for (the one the editor
was showing) and the contact by value, and hands the case back to the editor
to save and show after every redo and undo.
"""

from __future__ import annotations

import copy
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from desktop.model import Case, ContactEntry
from desktop.ui.i18n import N_, tr

TEXT_ADD = N_("Add contact")
TEXT_EDIT = N_("Change contact")
TEXT_DELETE = N_("Delete contact")
TEXT_LOG = N_("Log call")


class Committer(Protocol):
    def commit(self, case: Case, select_id: str | None) -> None:
        """Save the case and show it, selecting that contact if given."""


def _index_of(case: Case, entry_id: str) -> int:
    return next((i for i, e in enumerate(case.contacts) if e.id == entry_id), -1)


class AddContact(QUndoCommand):
    def __init__(
        self, editor: Committer, case: Case, entry: ContactEntry, text: str = TEXT_ADD
    ) -> None:
        super().__init__(tr(text))
        self._editor, self._case = editor, case
        self._entry = copy.deepcopy(entry)

    def redo(self) -> None:
        if _index_of(self._case, self._entry.id) < 0:
            self._case.contacts.append(copy.deepcopy(self._entry))
        self._editor.commit(self._case, self._entry.id)

    def undo(self) -> None:
        index = _index_of(self._case, self._entry.id)
        if index >= 0:
            del self._case.contacts[index]
        self._editor.commit(self._case, None)


class EditContact(QUndoCommand):
    def __init__(
        self, editor: Committer, case: Case, before: ContactEntry, after: ContactEntry
    ) -> None:
        super().__init__(tr(TEXT_EDIT))
        self._editor, self._case = editor, case
        self._before, self._after = copy.deepcopy(before), copy.deepcopy(after)

    def redo(self) -> None:
        self._put(self._after)

    def undo(self) -> None:
        self._put(self._before)

    def _put(self, entry: ContactEntry) -> None:
        index = _index_of(self._case, entry.id)
        if index >= 0:
            self._case.contacts[index] = copy.deepcopy(entry)
        self._editor.commit(self._case, entry.id)


class DeleteContact(QUndoCommand):
    """The contact's files stay in the data folder, so Undo brings them back too."""

    def __init__(self, editor: Committer, case: Case, entry: ContactEntry) -> None:
        super().__init__(tr(TEXT_DELETE))
        self._editor, self._case = editor, case
        self._entry = copy.deepcopy(entry)
        self._index = _index_of(case, entry.id)

    def redo(self) -> None:
        index = _index_of(self._case, self._entry.id)
        if index >= 0:
            self._index = index
            del self._case.contacts[index]
        self._editor.commit(self._case, None)

    def undo(self) -> None:
        if _index_of(self._case, self._entry.id) < 0:
            position = min(max(self._index, 0), len(self._case.contacts))
            self._case.contacts.insert(position, copy.deepcopy(self._entry))
        self._editor.commit(self._case, self._entry.id)
