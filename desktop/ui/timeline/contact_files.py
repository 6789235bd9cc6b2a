"""A contact's own files (screenshots, saved emails): a list with Add, Open and Remove.

Adding copies the file into the data folder at once (CaseBook.import_file);
the contact keeps it only when the contact is saved. Removing takes it off
the contact; the file stays until the data folder is tidied, so Undo works.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.model import Attachment, AttachmentRole
from desktop.store import AttachmentError
from desktop.ui import icons, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit
from desktop.ui.widgets.field_message import NO_PROBLEM, Check, FieldMessage, Level
from desktop.ui.wizard.attachment_list import human_size

TEXT_ADD = N_("Attach files…")
TEXT_OPEN = N_("Open")
TEXT_REMOVE = N_("Remove")
TEXT_NONE = N_("No files yet: screenshots of a chat, saved emails.")
TEXT_ADDED = N_("Attached: {names}")

ImportFile = Callable[[Path, AttachmentRole], Attachment]


class ContactFiles(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files: list[Attachment] = []
        self.added: list[Attachment] = []  # copied in during this edit (discarded on revert)
        self._import: ImportFile | None = None
        self._ask_files: Callable[[], list[Path]] | None = None
        self._path_of: Callable[[Attachment], Path] | None = None
        self.list = QListWidget()
        self.list.setIconSize(QSize(18, 18))
        self.list.setMaximumHeight(84)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_button = QPushButton(icons.icon("clip"), tr(TEXT_ADD))
        self.open_button = QPushButton(tr(TEXT_OPEN))
        self.remove_button = QPushButton(icons.icon("trash"), tr(TEXT_REMOVE))
        self.message = FieldMessage()
        buttons = QHBoxLayout()
        buttons.setSpacing(theme.SPACE_M)
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE_S + 2)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        # The caption ("Files") names the list; its shortcut lands there.
        self.setFocusProxy(self.list)
        self.add_button.clicked.connect(self.add_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda *_: self.open_selected())
        self._refresh()

    def bind(
        self,
        import_file: ImportFile,
        ask_files: Callable[[], list[Path]],
        path_of: Callable[[Attachment], Path],
    ) -> None:
        self._import, self._ask_files, self._path_of = import_file, ask_files, path_of

    def set_files(self, files: list[Attachment]) -> None:
        self.files = list(files)
        self.added = []
        self.message.show_check(NO_PROBLEM)
        self._refresh()

    def add_files(self) -> None:
        if self._ask_files is not None:
            self.add_paths(self._ask_files())

    def add_paths(self, paths: list[Path]) -> None:
        if self._import is None or not paths:
            return
        problems, names = [], []
        for path in paths:
            try:
                att = self._import(path, AttachmentRole.CONTACT)
            except AttachmentError as exc:
                problems.append(str(exc))
                continue
            self.files.append(att)
            self.added.append(att)
            names.append(att.file_name)
        self._refresh()
        if problems:
            self.message.show_check(Check(Level.ERROR, " ".join(problems)))
        else:
            self.message.show_check(Check(Level.OK, tr(TEXT_ADDED).format(names=", ".join(names))))
        if names:
            emit(self.changed)

    def selected(self) -> Attachment | None:
        row = self.list.currentRow()
        if not self.list.selectedItems() or not 0 <= row < len(self.files):
            return None
        return self.files[row]

    def open_selected(self) -> None:
        att = self.selected()
        if att is not None and self._path_of is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._path_of(att))))

    def remove_selected(self) -> None:
        att = self.selected()
        if att is None:
            return
        self.files.remove(att)
        self._refresh()
        self.message.show_check(NO_PROBLEM)
        emit(self.changed)

    def _refresh(self) -> None:
        self.list.clear()
        for att in self.files:
            item = QListWidgetItem(
                icons.icon("document"), f"{att.file_name}  ·  {human_size(att.size)}"
            )
            item.setToolTip(att.file_name)
            self.list.addItem(item)
        if not self.files:
            note = QListWidgetItem(tr(TEXT_NONE))
            note.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(note)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.open_button.setEnabled(has)
        self.remove_button.setEnabled(has)
