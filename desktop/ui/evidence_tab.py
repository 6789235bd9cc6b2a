"""The Evidence tab: receipts, photos and screenshots as a grid of thumbnails.

Drop files on the tab (or anywhere on the window) or use "Add files…"; each
file is copied into the data folder and added as one undoable step. The panel
beside the grid names the selected file (its name is its caption in the
dossier), says whether it is a receipt or a photo, opens it with the system's
viewer, and removes it (Undo brings it back). Files attached to a contact are
shown too; they are managed in the Timeline.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QIcon,
    QPixmap,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.model import Attachment, AttachmentRole, ContactEntry
from desktop.store import StoreError
from desktop.ui import icons, theme
from desktop.ui.case_commands import AddAttachments, EditAttachment, RemoveAttachment
from desktop.ui.case_session import CaseSession
from desktop.ui.evidence_files import (
    default_role,
    file_dialog_filter,
    is_pdf,
    is_picture,
    limits_text,
    local_files,
    refusal,
)
from desktop.ui.formatting import format_date
from desktop.ui.i18n import N_, Plural, tr, tr_count
from desktop.ui.signals import emit
from desktop.ui.text_metrics import text_px
from desktop.ui.thumbnails import thumbnail
from desktop.ui.widgets.accessible import label_field
from desktop.ui.widgets.field_message import NO_PROBLEM, Check, FieldMessage, Level
from desktop.ui.widgets.optional_date import OptionalDateEdit
from desktop.ui.widgets.page_scroll import page_scroll
from desktop.ui.wizard.attachment_list import human_size

TEXT_HEADING = N_("Receipts and photos")
TEXT_ADD = N_("Add files…")
TEXT_DROP_HERE = N_("Drop receipts, photos and screenshots here")
TEXT_DIALOG = N_("Choose receipts, photos or screenshots")
TEXT_EMPTY = N_("Nothing attached yet. A receipt and a photo of the fault make the dossier strong.")
TEXT_NAME = N_("Caption in the dossier")
TEXT_KIND = N_("This file is")
TEXT_RECEIPT = N_("A receipt")
TEXT_PHOTO = N_("A photo or screenshot")
TEXT_OPEN = N_("Open")
TEXT_REMOVE = N_("Remove")
TEXT_INFO = N_("Added {date} · {size}")
TEXT_FROM_CONTACT = N_("Attached to the contact on {date}. Change it in the Timeline.")
TEXT_SELECT = N_("Select a file to name it, open it or remove it.")
TEXT_ADDED_ONE = N_("Added “{name}”.")
TEXT_ADDED_MANY = Plural("Added {count} file.", "Added {count} files.")
TEXT_UNDO_ADD_ONE = N_("Add “{name}”")
TEXT_UNDO_ADD_MANY = Plural("Add {count} file", "Add {count} files")
TEXT_UNDO_REMOVE = N_("Remove “{name}”")
TEXT_UNDO_RENAME = N_("Rename “{name}”")
TEXT_UNDO_ROLE = N_("Change the kind of “{name}”")
TEXT_TAKEN = N_("Taken or dated")
TEXT_ABOUT = N_("It shows")
TEXT_ABOUT_UNSET = N_("Not said")
TEXT_ABOUT_FAULT = N_("The fault")
TEXT_ABOUT_CONTACT = N_("Contact of {date}: {who}")
TEXT_UNDO_DETAILS = N_("Change the details of “{name}”")
TEXT_REMOVED = N_("Removed “{name}”. Undo brings it back.")
TEXT_KIND_RECEIPT = N_("Receipt")
TEXT_KIND_PHOTO = N_("Photo")
TEXT_KIND_CONTACT = N_("From a contact")

ID_ROLE = Qt.ItemDataRole.UserRole
THUMB = 148


class EvidenceTab(QWidget):
    pictures_added = Signal(list)  # attachments whose print renditions should be prepared
    message_shown = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.session: CaseSession | None = None
        self._pending_thumbs: list[str] = []
        self._thumb_timer = QTimer(self)
        self._thumb_timer.setInterval(0)
        self._thumb_timer.timeout.connect(self._next_thumbnail)

        heading = theme.heading(tr(TEXT_HEADING), 1.15)
        self.limits_label = theme.muted(QLabel(limits_text()))
        self.limits_label.setWordWrap(True)
        self.add_button = QPushButton(icons.icon("plus"), tr(TEXT_ADD))
        self.add_button.setObjectName("secondary")
        self.add_button.clicked.connect(self.add_files)
        top = QHBoxLayout()
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(heading)
        texts.addWidget(self.limits_label)
        top.addLayout(texts, 1)
        top.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)

        self.drop_zone = QFrame()
        self.drop_zone.setObjectName("dropZone")
        zone = QHBoxLayout(self.drop_zone)
        zone.setContentsMargins(theme.SPACE_L, theme.SPACE_M + 2, theme.SPACE_L, theme.SPACE_M + 2)
        zone_icon = QLabel()
        zone_icon.setPixmap(icons.pixmap("inbox", 20, theme.colours().accent))
        self.drop_label = QLabel(tr(TEXT_DROP_HERE))
        self.drop_label.setWordWrap(True)  # two lines rather than cut (larger text)
        zone.addStretch(1)
        zone.addWidget(zone_icon)
        zone.addWidget(self.drop_label, 100)
        zone.addStretch(1)

        self.grid = QListWidget()
        self.grid.setObjectName("evidenceGrid")
        self.grid.setAccessibleName(tr(TEXT_HEADING))
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setIconSize(QSize(THUMB, THUMB))
        # A cell holds the thumbnail and two lines (name, kind), wider and taller with the text.
        self._name_width = max(THUMB + 24, text_px(THUMB + 24) * 2 // 3)
        lines = 2 * self.grid.fontMetrics().lineSpacing()
        self.grid.setGridSize(QSize(self._name_width + 12, max(THUMB + 58, THUMB + lines + 26)))
        self.grid.setSpacing(theme.SPACE_M)
        self.grid.setWordWrap(True)
        self.grid.setUniformItemSizes(True)
        self.grid.setDragDropMode(QListView.DragDropMode.NoDragDrop)
        self.grid.setAcceptDrops(False)
        self.grid.viewport().setAcceptDrops(False)
        self.grid.currentItemChanged.connect(self._show_selected)
        self.grid.itemActivated.connect(lambda _item: self.open_selected())
        self.empty_label = theme.muted(QLabel(tr(TEXT_EMPTY)))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.message = FieldMessage()
        self.panel = self._build_panel()

        left = QVBoxLayout()
        left.setSpacing(theme.SPACE_M)
        left.addWidget(self.drop_zone)
        left.addWidget(self.empty_label)
        left.addWidget(self.grid, 1)
        left.addWidget(self.message)
        row = QHBoxLayout()
        row.setSpacing(theme.SPACE_L)
        row.addLayout(left, 3)
        self.panel.setMinimumWidth(300)  # wider with larger text, if the window has room
        self.panel.setMaximumWidth(text_px(300))
        row.addWidget(self.panel, 2)
        # At least one row of thumbnails; as tall as the details beside it.
        cell = self.grid.gridSize().height()
        self.grid.setMinimumHeight(cell + 2 * theme.SPACE_M + 2 * self.grid.frameWidth())
        content = QWidget()
        content.setObjectName("evidenceContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(theme.SPACE_XL, theme.SPACE_L, theme.SPACE_XL, theme.SPACE_L)
        column.setSpacing(theme.SPACE_L)
        column.addLayout(top)
        column.addLayout(row, 1)
        # The tab scrolls as a page when the window is too short for it (larger text).
        self.page_scroll = page_scroll(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page_scroll)

    def _build_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("card")
        column = QVBoxLayout(panel)
        column.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_L, theme.SPACE_L)
        column.setSpacing(theme.SPACE_M)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(180)
        self.hint_label = theme.muted(QLabel(tr(TEXT_SELECT)))
        self.hint_label.setWordWrap(True)
        self.name_caption = QLabel(tr(TEXT_NAME))
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.name_edit.editingFinished.connect(self._rename)
        label_field(self.name_caption, self.name_edit)
        self.kind_caption = QLabel(tr(TEXT_KIND))
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(tr(TEXT_RECEIPT), AttachmentRole.RECEIPT.value)
        self.kind_combo.addItem(tr(TEXT_PHOTO), AttachmentRole.PHOTO.value)
        self.kind_combo.activated.connect(self._change_role)
        label_field(self.kind_caption, self.kind_combo)
        self.taken_caption = QLabel(tr(TEXT_TAKEN))
        self.taken_edit = OptionalDateEdit()
        self.taken_edit.changed.connect(self._change_details)
        label_field(self.taken_caption, self.taken_edit)
        self.about_caption = QLabel(tr(TEXT_ABOUT))
        self.about_combo = QComboBox()
        self.about_combo.activated.connect(self._change_details)
        label_field(self.about_caption, self.about_combo)
        self.info_label = theme.muted(QLabel())
        self.info_label.setWordWrap(True)
        self.open_button = QPushButton(icons.icon("external"), tr(TEXT_OPEN))
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton(icons.icon("trash"), tr(TEXT_REMOVE))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column.addWidget(self.preview)
        column.addWidget(self.hint_label)
        column.addWidget(self.name_caption)
        column.addWidget(self.name_edit)
        column.addWidget(self.kind_caption)
        column.addWidget(self.kind_combo)
        column.addWidget(self.taken_caption)
        column.addWidget(self.taken_edit)
        column.addWidget(self.about_caption)
        column.addWidget(self.about_combo)
        column.addWidget(self.info_label)
        column.addLayout(buttons)
        column.addStretch(1)
        return panel

    # -- the case -----------------------------------------------------------------------

    def set_session(self, session: CaseSession | None) -> None:
        self.session = session
        self.message.show_check(NO_PROBLEM)
        self.refresh()

    def attachments(self) -> list[Attachment]:
        return self.session.case.attachments() if self.session is not None else []

    def refresh(self) -> None:
        selected = self.selected_id()
        self.grid.blockSignals(True)
        self.grid.clear()
        self._pending_thumbs = []
        chosen = None
        for att in self.attachments():
            item = QListWidgetItem(_placeholder_icon(att), self._item_text(att))
            item.setData(ID_ROLE, att.id)
            item.setToolTip(att.file_name)
            item.setSizeHint(self.grid.gridSize())
            self.grid.addItem(item)
            self._pending_thumbs.append(att.id)
            if att.id == selected:
                chosen = item
        if chosen is None and self.grid.count():
            chosen = self.grid.item(0)
        self.grid.setCurrentItem(chosen)
        self.grid.blockSignals(False)
        empty = self.grid.count() == 0
        self.empty_label.setVisible(empty)
        self.grid.setVisible(not empty)
        self._show_selected()
        if self._pending_thumbs:
            self._thumb_timer.start()

    def _item_text(self, att: Attachment) -> str:
        if self._contact_of(att) is not None:
            kind = tr(TEXT_KIND_CONTACT)
        else:
            kind = tr(TEXT_KIND_RECEIPT if att.role is AttachmentRole.RECEIPT else TEXT_KIND_PHOTO)
        metrics = self.grid.fontMetrics()
        name = metrics.elidedText(att.file_name, Qt.TextElideMode.ElideMiddle, self._name_width)
        return f"{name}\n{kind}"

    def item_names(self) -> list[str]:
        return [
            self._find(self.grid.item(row).data(ID_ROLE)).file_name
            for row in range(self.grid.count())
        ]  # type: ignore[union-attr]

    def thumbnails_ready(self) -> bool:
        return not self._pending_thumbs

    def _next_thumbnail(self) -> None:
        if not self._pending_thumbs or self.session is None:
            self._thumb_timer.stop()
            return
        att_id = self._pending_thumbs.pop(0)
        att = self._find(att_id)
        item = self._item(att_id)
        if att is None or item is None:
            return
        ratio = self.devicePixelRatioF()
        image = thumbnail(
            self.session.casebook.attachment_path(att),
            pdf=is_pdf(att),
            size=round(THUMB * ratio),
            key=att.sha256 or att.stored_name,
        )
        if image is not None:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            icon = QIcon(pixmap)
            icon.addPixmap(pixmap, QIcon.Mode.Selected)  # no selection tint over the picture
            item.setIcon(icon)
            if item is self.grid.currentItem():
                self._show_preview(pixmap)

    # -- adding -----------------------------------------------------------------------

    def add_files(self) -> None:
        self.add_paths(self.ask_files())

    def ask_files(self) -> list[Path]:
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        names, _ = QFileDialog.getOpenFileNames(self, tr(TEXT_DIALOG), start, file_dialog_filter())
        return [Path(name) for name in names]

    def add_paths(self, paths: list[Path]) -> list[Attachment]:
        session = self.session
        if session is None or not paths:
            return []
        problems: list[str] = []
        added: list[Attachment] = []
        for path in paths:
            why = refusal(path)
            if why:
                problems.append(why)
                continue
            try:
                added.append(session.casebook.import_file(path, default_role(path)))
            except (StoreError, OSError) as exc:
                problems.append(str(exc))
        if added:
            if len(added) == 1:
                text = tr(TEXT_UNDO_ADD_ONE).format(name=added[0].file_name)
            else:
                text = tr_count(TEXT_UNDO_ADD_MANY, len(added))
            session.push(AddAttachments(session, text, added))
            self._select(added[-1].id)
            pictures = [att for att in added if is_picture(att)]
            if pictures:
                emit(self.pictures_added, pictures)
        if problems:
            self.message.show_check(Check(Level.ERROR, " ".join(problems)))
        elif added:
            done = (
                tr(TEXT_ADDED_ONE).format(name=added[0].file_name)
                if len(added) == 1
                else tr_count(TEXT_ADDED_MANY, len(added))
            )
            self.message.show_check(Check(Level.OK, done))
        return added

    # -- dropping -----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()
            self._set_dragging(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        if local_files(event.mimeData()):
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_dragging(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_dragging(False)
        paths = local_files(event.mimeData())
        if not paths or self.session is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_paths(paths)

    def _set_dragging(self, dragging: bool) -> None:
        self.drop_zone.setProperty("dragging", dragging)
        self.drop_zone.style().unpolish(self.drop_zone)
        self.drop_zone.style().polish(self.drop_zone)

    # -- the selected file ------------------------------------------------------------

    def selected_id(self) -> str:
        item = self.grid.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else ""

    def selected(self) -> Attachment | None:
        return self._find(self.selected_id())

    def select_file(self, file_name: str) -> None:
        for att in self.attachments():
            if att.file_name == file_name:
                self._select(att.id)
                return

    def _select(self, att_id: str) -> None:
        item = self._item(att_id)
        if item is not None:
            self.grid.setCurrentItem(item)

    def _show_selected(self, *_: object) -> None:
        att = self.selected()
        editable = att is not None and self._contact_of(att) is None
        for widget in (
            *(self.name_caption, self.name_edit, self.kind_caption, self.kind_combo),
            *(self.taken_caption, self.taken_edit, self.about_caption, self.about_combo),
        ):
            widget.setVisible(editable)
        self.remove_button.setVisible(editable)
        self.open_button.setVisible(att is not None)
        self.hint_label.setVisible(att is None or not editable)
        self.info_label.setVisible(att is not None)
        if att is None:
            self.hint_label.setText(tr(TEXT_SELECT))
            self.preview.clear()
            return
        contact = self._contact_of(att)
        if contact is not None:
            self.hint_label.setText(
                tr(TEXT_FROM_CONTACT).format(date=format_date(contact.at.date()))
            )
        self.name_edit.setText(att.file_name)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(att.role.value))
        self._filling = True
        self.taken_edit.set_value(att.taken_on)
        self._fill_about(att)
        self._filling = False
        added = format_date(att.added_at.date())
        self.info_label.setText(tr(TEXT_INFO).format(date=added, size=human_size(att.size)))
        item = self.grid.currentItem()
        icon = item.icon() if item is not None else QIcon()
        self._show_preview(icon.pixmap(QSize(THUMB, THUMB)))

    def _show_preview(self, pixmap: QPixmap) -> None:
        self.preview.setPixmap(pixmap)

    def _rename(self) -> None:
        att, session = self.selected(), self.session
        name = self.name_edit.text().strip()
        if att is None or session is None or not name or name == att.file_name:
            return
        text = tr(TEXT_UNDO_RENAME).format(name=att.file_name)
        session.push(EditAttachment(session, text, att, file_name=name))

    def _change_role(self) -> None:
        att, session = self.selected(), self.session
        role = AttachmentRole(self.kind_combo.currentData())
        if att is None or session is None or role is att.role:
            return
        text = tr(TEXT_UNDO_ROLE).format(name=att.file_name)
        session.push(EditAttachment(session, text, att, role=role))

    def _fill_about(self, att: Attachment) -> None:
        self.about_combo.clear()
        self.about_combo.addItem(tr(TEXT_ABOUT_UNSET), "")
        self.about_combo.addItem(tr(TEXT_ABOUT_FAULT), "symptoms")
        for entry in self.session.case.timeline() if self.session is not None else []:
            label = tr(TEXT_ABOUT_CONTACT).format(
                date=format_date(entry.at.date()), who=entry.who or "…"
            )
            self.about_combo.addItem(label, entry.id)
        self.about_combo.setCurrentIndex(max(self.about_combo.findData(att.about), 0))

    def _change_details(self, *_: object) -> None:
        att, session = self.selected(), self.session
        if att is None or session is None or getattr(self, "_filling", False):
            return
        taken, about = self.taken_edit.value(), str(self.about_combo.currentData() or "")
        if (taken, about) == (att.taken_on, att.about):
            return
        text = tr(TEXT_UNDO_DETAILS).format(name=att.file_name)
        session.push(EditAttachment(session, text, att, taken_on=taken, about=about))

    def open_selected(self) -> None:
        att = self.selected()
        if att is not None and self.session is not None:
            self.open_file(self.session.casebook.attachment_path(att))

    def open_file(self, path: Path) -> None:
        """Open with the system's viewer (replaced in tests)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_selected(self) -> None:
        att, session = self.selected(), self.session
        if att is None or session is None or self._contact_of(att) is not None:
            return
        text = tr(TEXT_UNDO_REMOVE).format(name=att.file_name)
        session.push(RemoveAttachment(session, text, att))
        self.message.show_check(Check(Level.OK, tr(TEXT_REMOVED).format(name=att.file_name)))

    # -- lookups ----------------------------------------------------------------------

    def _find(self, att_id: str) -> Attachment | None:
        return next((att for att in self.attachments() if att.id == att_id), None)

    def _item(self, att_id: str) -> QListWidgetItem | None:
        for row in range(self.grid.count()):
            if self.grid.item(row).data(ID_ROLE) == att_id:
                return self.grid.item(row)
        return None

    def _contact_of(self, att: Attachment) -> ContactEntry | None:
        if self.session is None:
            return None
        for entry in self.session.case.contacts:
            if any(a.id == att.id for a in entry.attachments):
                return entry
        return None


def _placeholder_icon(att: Attachment) -> QIcon:
    return icons.icon(
        "document" if is_pdf(att) else "image" if is_picture(att) else "clip", theme.colours().muted
    )
