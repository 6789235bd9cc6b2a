"""The files attached on a page (receipts, photos): a list, "Add…", "Remove".

Adding copies each file into the data folder through CaseBook.add_attachment;
a file that cannot be copied is named in words under the list, the others
are still added.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.model import Attachment, AttachmentRole, Case
from desktop.store import AttachmentError
from desktop.ui import icons, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit
from desktop.ui.widgets.field_message import NO_PROBLEM, Check, FieldMessage, Level

TEXT_REMOVE = N_("Remove")
TEXT_NONE_YET = N_("No files yet.")
TEXT_ADDED = N_("Added: {names}")


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class AttachmentList(QWidget):
    changed = Signal()

    def __init__(
        self,
        role: AttachmentRole,
        add_text: str,
        dialog_title: str,
        name_filter: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.role = role
        self._dialog_title = dialog_title
        self._name_filter = name_filter
        self._case: Case | None = None
        self._add_file: Callable[[Case, Path, AttachmentRole], Attachment] | None = None
        self._ask_files: Callable[[str, str], list[Path]] | None = None

        self.list = QListWidget()
        self.list.setIconSize(QSize(20, 20))
        self.list.setMaximumHeight(92)
        self.add_button = QPushButton(icons.icon("plus"), add_text)
        self.remove_button = QPushButton(icons.icon("trash"), tr(TEXT_REMOVE))
        self.remove_button.setEnabled(False)
        self.message = FieldMessage()
        buttons = QHBoxLayout()
        buttons.setSpacing(theme.SPACE_M)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE_S + 2)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        layout.addWidget(self.message)
        # The caption ("Receipt", "Photos") names the list of files; its shortcut lands there.
        self.setFocusProxy(self.list)
        self.add_button.clicked.connect(self.add_files)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.list.selectedItems()))
        )

    def bind(
        self,
        case: Case,
        add_file: Callable[[Case, Path, AttachmentRole], Attachment],
        ask_files: Callable[[str, str], list[Path]],
    ) -> None:
        self._case = case
        self._add_file = add_file
        self._ask_files = ask_files
        self.refresh()

    def attachments(self) -> list[Attachment]:
        if self._case is None:
            return []
        if self.role is AttachmentRole.RECEIPT:
            return self._case.purchase.receipts
        return self._case.symptoms.photos

    def refresh(self) -> None:
        self.list.clear()
        for att in self.attachments():
            item = QListWidgetItem(
                icons.icon("document"), f"{att.file_name}  ·  {human_size(att.size)}"
            )
            item.setToolTip(att.file_name)
            self.list.addItem(item)
        if not self.attachments():
            placeholder = QListWidgetItem(tr(TEXT_NONE_YET))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)  # a note, not a file
            self.list.addItem(placeholder)
        self.remove_button.setEnabled(False)

    def add_files(self) -> None:
        if self._case is None or self._add_file is None or self._ask_files is None:
            return
        paths = self._ask_files(self._dialog_title, self._name_filter)
        self.add_paths(paths)

    def add_paths(self, paths: list[Path]) -> None:
        assert self._case is not None and self._add_file is not None
        problems: list[str] = []
        added: list[str] = []
        for path in paths:
            try:
                self._add_file(self._case, path, self.role)
            except AttachmentError as exc:
                problems.append(str(exc))
            else:
                added.append(path.name)
        self.refresh()
        if problems:
            self.message.show_check(Check(Level.ERROR, " ".join(problems)))
        elif added:
            self.message.show_check(Check(Level.OK, tr(TEXT_ADDED).format(names=", ".join(added))))
        else:
            self.message.show_check(NO_PROBLEM)
        if added:
            emit(self.changed)

    def remove_selected(self) -> None:
        rows = sorted((self.list.row(item) for item in self.list.selectedItems()), reverse=True)
        attachments = self.attachments()
        for row in rows:
            if 0 <= row < len(attachments):
                # The copied file stays in the data folder until the store tidies up.
                del attachments[row]
        self.refresh()
        self.message.show_check(NO_PROBLEM)
        emit(self.changed)
