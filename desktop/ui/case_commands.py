"""The undoable edits of a case. Each one changes the session's case and saves it.

QUndoStack.push() runs redo() at once, so pushing a command is how an edit is
made: there is no second code path that could forget to save or to record.
"""

from __future__ import annotations

import copy
import zlib
from typing import Any

from PySide6.QtGui import QUndoCommand

from desktop.model import Attachment, AttachmentRole, Case
from desktop.ui.case_paths import get_value, set_value
from desktop.ui.case_session import CaseSession


class SetValues(QUndoCommand):
    """Set one or more values by path; consecutive edits of the same single field merge
    into one undo step (typing a title in bursts is undone as one change)."""

    def __init__(self, session: CaseSession, text: str, values: dict[str, Any]) -> None:
        super().__init__(text)
        self._session = session
        case = session.case
        self._changes = {
            path: (copy.deepcopy(get_value(case, path)), copy.deepcopy(value))
            for path, value in values.items()
        }
        only = next(iter(self._changes)) if len(self._changes) == 1 else ""
        self._id = zlib.crc32(only.encode()) & 0x7FFFFFFF if only else -1

    def id(self) -> int:
        return self._id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValues) or other._id != self._id or self._id == -1:
            return False
        (path, (old, _new)) = next(iter(self._changes.items()))
        self._changes[path] = (old, other._changes[path][1])
        return True

    def redo(self) -> None:
        self._apply(1)

    def undo(self) -> None:
        self._apply(0)

    def _apply(self, which: int) -> None:
        for path, pair in self._changes.items():
            set_value(self._session.case, path, copy.deepcopy(pair[which]))
        self._session.save()


def bucket(case: Case, role: AttachmentRole) -> list[Attachment]:
    return case.purchase.receipts if role is AttachmentRole.RECEIPT else case.symptoms.photos


def find_attachment(case: Case, attachment_id: str) -> Attachment | None:
    return next((att for att in case.attachments() if att.id == attachment_id), None)


class AddAttachments(QUndoCommand):
    """Files already copied into the data folder, added to the case."""

    def __init__(self, session: CaseSession, text: str, attachments: list[Attachment]) -> None:
        super().__init__(text)
        self._session = session
        self._attachments = list(attachments)

    def redo(self) -> None:
        case = self._session.case
        for att in self._attachments:
            if find_attachment(case, att.id) is None:
                bucket(case, att.role).append(att)
        self._session.save()

    def undo(self) -> None:
        case = self._session.case
        for att in self._attachments:
            found = bucket(case, att.role)
            if att in found:
                found.remove(att)
            self._session.set_aside(att)  # its file goes when the session ends
        self._session.save()


class RemoveAttachment(QUndoCommand):
    def __init__(self, session: CaseSession, text: str, attachment: Attachment) -> None:
        super().__init__(text)
        self._session = session
        self._attachment = attachment
        self._index = 0

    def redo(self) -> None:
        found = bucket(self._session.case, self._attachment.role)
        if self._attachment in found:
            self._index = found.index(self._attachment)
            found.remove(self._attachment)
        self._session.set_aside(self._attachment)
        self._session.save()

    def undo(self) -> None:
        found = bucket(self._session.case, self._attachment.role)
        if self._attachment not in found:
            found.insert(min(self._index, len(found)), self._attachment)
        self._session.save()


class EditAttachment(QUndoCommand):
    """Rename an attachment (its name is its caption in the dossier), move it between
    receipts and photos, or say when it was taken and what it is about."""

    _UNSET: Any = object()

    def __init__(
        self,
        session: CaseSession,
        text: str,
        attachment: Attachment,
        *,
        file_name: str | None = None,
        role: AttachmentRole | None = None,
        taken_on: Any = _UNSET,  # date | None
        about: str | None = None,
    ) -> None:
        super().__init__(text)
        self._session = session
        self._attachment = attachment
        a = attachment
        self._before = (a.file_name, a.role, a.taken_on, a.about)
        self._after = (
            file_name if file_name is not None else a.file_name,
            role if role is not None else a.role,
            a.taken_on if taken_on is EditAttachment._UNSET else taken_on,
            about if about is not None else a.about,
        )

    def redo(self) -> None:
        self._apply(self._after)

    def undo(self) -> None:
        self._apply(self._before)

    def _apply(self, state: tuple[str, AttachmentRole, Any, str]) -> None:
        att, case = self._attachment, self._session.case
        name, role, taken_on, about = state
        if role is not att.role:
            old = bucket(case, att.role)
            if att in old:
                old.remove(att)
            bucket(case, role).append(att)
            att.role = role
        att.file_name, att.taken_on, att.about = name, taken_on, about
        self._session.save()
