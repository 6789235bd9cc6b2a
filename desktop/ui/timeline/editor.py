"""The timeline editor: the contacts as a table, the selected one in a form below.

Every change is an undoable command (commands.py) pushed on the undo stack
it was given; the command hands the case back to `commit`, which saves it
through the CaseBook, shows it, and emits `case_changed`.

The form saves when the user leaves a changed contact (another row, another
case), as the rest of the app autosaves; a contact with an error in it is
never saved silently: the user is asked to fix or discard it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.casebook import CaseBook
from desktop.escalation import due_follow_ups
from desktop.i18n import SOURCE_LANGUAGE
from desktop.model import Case, Channel, ContactEntry, Tier, new_id
from desktop.store import StoreError
from desktop.ui import choices, dialogs, icons, theme
from desktop.ui.formatting import safe_file_name
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit
from desktop.ui.timeline.commands import (
    TEXT_LOG,
    AddContact,
    DeleteContact,
    EditContact,
)
from desktop.ui.timeline.entry_form import EntryForm
from desktop.ui.timeline.table_model import (
    COL_CASE,
    COL_CHANNEL,
    COL_NEXT,
    COL_OUTCOME,
    COL_TIER,
    COL_WHEN,
    COL_WHO,
    TEXT_OVERDUE,
    ContactTableModel,
)
from desktop.ui.timeline.when import when_text
from desktop.ui.widgets.accessible import label_field
from desktop.ui.widgets.field_message import Check, FieldMessage, Level
from desktop.ui.widgets.flow_layout import FlowLayout
from desktop.vault import VaultError

TEXT_LOG_CALL = N_("Log a call")
TEXT_CONTACTS = N_("Contacts with Apple")
TEXT_ADD = N_("Add contact")
TEXT_DUPLICATE = N_("Duplicate")
TEXT_DELETE = N_("Delete…")
TEXT_FILTER = N_("Show")
TEXT_ALL_TIERS = N_("All contacts")
TEXT_UNDO = N_("Undo")
TEXT_REDO = N_("Redo")
TEXT_EMPTY = N_(
    "No contacts yet. Use “Log a call” while you are on the phone, or add an earlier "
    "visit, chat or email with “Add contact”. Note the date, the name and the case number "
    "every time: that is what Apple asks for later."
)
TEXT_NO_CASE = N_("Choose a case to see its contacts.")
TEXT_FILTERED_EMPTY = N_("No contacts with this tier. Choose “All contacts” to see every one.")
TEXT_PICK = N_("Choose a contact above to see and change it.")
TEXT_NEW = N_("New contact")
TEXT_DETAIL = N_("{channel} · {tier} · {when}")
TEXT_SAVE = N_("Save contact")
TEXT_DISCARD = N_("Discard changes")
TEXT_CALENDAR = N_("Add to calendar…")
TEXT_CALENDAR_TIP = N_("Save the follow-up as an .ics file any calendar app can import")
TEXT_CALENDAR_DIALOG = N_("Save the follow-up for your calendar")
TEXT_CALENDAR_FILTER = N_("Calendar files (*.ics)")
TEXT_CALENDAR_SAVED = N_("Saved “{name}”. Open it to add the follow-up to your calendar.")
TEXT_CALENDAR_FAILED = N_("The calendar file could not be written: {reason}.")
TEXT_SAVED = N_("Saved.")
TEXT_NOT_SAVED = N_("Not saved: {reason}")
TEXT_DELETE_TITLE = N_("Delete this contact?")
TEXT_DELETE_QUESTION = N_("Delete the contact of {when} ({tier})?")
TEXT_DELETE_DETAIL = N_("You can bring it back with Undo.")
TEXT_DELETE_BUTTON = N_("Delete contact")
TEXT_KEEP = N_("Keep it")
TEXT_DUE_SAMPLE = TEXT_OVERDUE
TEXT_FIX_FIRST = N_("This contact cannot be saved yet: see the messages in red above.")
TEXT_FIX_TITLE = N_("This contact has a problem")
TEXT_FIX_QUESTION = N_("It cannot be saved as it is: {problems}")
TEXT_FIX_DISCARD = N_("Discard my changes")
TEXT_FIX_KEEP = N_("Keep editing")


_COLUMN_WEIGHTS = {COL_TIER: 1.0, COL_WHO: 1.2, COL_OUTCOME: 1.0, COL_NEXT: 1.3}
_COLUMN_MINIMUM = 70
_NARROW = 1000


class TimelineEditor(QWidget):
    case_changed = Signal()  # after an edit (or its undo) was saved through casebook.save

    def __init__(
        self, casebook: CaseBook, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.casebook = casebook
        self.undo_stack = undo_stack
        self.case: Case | None = None
        self.call_dialog: QWidget | None = None
        # The clock (tests put a fake one here): an aware "now".
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        # The language of the core's advice shown in "Log a call" (the window sets the UI's).
        self.language = SOURCE_LANGUAGE
        self._new_entry: ContactEntry | None = None
        self._shown_id: str | None = None
        self._switching = False

        self.log_call_button = QPushButton(
            icons.icon("phone_call", theme.colours().on_accent), tr(TEXT_LOG_CALL)
        )
        self.log_call_button.setObjectName("primary")
        self.log_call_button.clicked.connect(self.log_call)
        self.add_button = _secondary(QPushButton(icons.icon("plus"), tr(TEXT_ADD)))
        self.add_button.clicked.connect(self.add_contact)
        self.duplicate_button = _secondary(QPushButton(icons.icon("copy"), tr(TEXT_DUPLICATE)))
        self.duplicate_button.clicked.connect(self.duplicate_contact)
        self.delete_button = _secondary(QPushButton(icons.icon("trash"), tr(TEXT_DELETE)))
        self.delete_button.clicked.connect(self.delete_contact)
        self.filter_combo = QComboBox()
        self.filter_combo.setMinimumWidth(130)
        self.filter_combo.currentIndexChanged.connect(lambda *_: self._on_filter())
        filter_label = label_field(theme.muted(QLabel(tr(TEXT_FILTER))), self.filter_combo)
        self.undo_action = undo_stack.createUndoAction(self, tr(TEXT_UNDO))
        self.redo_action = undo_stack.createRedoAction(self, tr(TEXT_REDO))
        self.undo_button = _ActionButton(tr(TEXT_UNDO), self.undo_action)
        self.redo_button = _ActionButton(tr(TEXT_REDO), self.redo_action)

        # The buttons, then the filter and undo at the right; they wrap onto a second
        # line when the line is too short (larger text, longer words) instead of shrinking.
        tools = QWidget()
        tools_row = QHBoxLayout(tools)
        tools_row.setContentsMargins(0, 0, 0, 0)
        tools_row.setSpacing(theme.SPACE_M)
        tools_row.addWidget(filter_label)
        tools_row.addWidget(self.filter_combo)
        tools_row.addSpacing(theme.SPACE_M)
        tools_row.addWidget(self.undo_button)
        tools_row.addWidget(self.redo_button)
        bar_row = QWidget()
        bar = FlowLayout(bar_row, spacing=theme.SPACE_M, last_at_right=True)
        bar.addWidget(self.log_call_button)
        bar.addWidget(self.add_button)
        bar.addWidget(self.duplicate_button)
        bar.addWidget(self.delete_button)
        bar.addWidget(tools)

        self.model = ContactTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.viewport().installEventFilter(self)
        self.table.setAccessibleName(tr(TEXT_CONTACTS))
        header.setMinimumSectionSize(60)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_contact)

        self.empty_label = theme.muted(QLabel(tr(TEXT_NO_CASE)))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setContentsMargins(theme.SPACE_XL * 2, 0, theme.SPACE_XL * 2, 0)
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.empty_label)
        self.table_stack.setMinimumHeight(120)

        self.form = EntryForm()
        self.form.files.bind(
            self.casebook.import_file, lambda: self.ask_files(), self.casebook.attachment_path
        )
        self.form.now = self.clock_now
        self.form.changed.connect(self._update_buttons)
        self.detail = self._detail_pane()

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table_stack)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([220, 460])
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_XL, theme.SPACE_L, theme.SPACE_XL, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_M + 4)
        layout.addWidget(bar_row)
        layout.addWidget(splitter, 1)
        self._show_detail(None)
        self._update_buttons()

    def _detail_pane(self) -> QWidget:
        pane = QFrame()
        pane.setObjectName("card")
        pane.setMinimumHeight(220)  # the form scrolls inside; a splitter never squashes it away
        column = QVBoxLayout(pane)
        column.setContentsMargins(
            theme.SPACE_L + 2, theme.SPACE_L, theme.SPACE_L + 2, theme.SPACE_M
        )
        column.setSpacing(theme.SPACE_M)
        self.detail_title = QLabel()
        self.detail_title.setFont(theme.scaled_font(self.detail_title, 1.1, bold=True))
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_title.setWordWrap(True)  # long with larger text: wrap, never cut
        self.calendar_button = _secondary(QPushButton(tr(TEXT_CALENDAR)))
        self.calendar_button.setToolTip(tr(TEXT_CALENDAR_TIP))
        self.calendar_button.clicked.connect(self.add_to_calendar)
        head = QHBoxLayout()
        head.addWidget(self.detail_title, 1)
        head.addWidget(self.calendar_button)
        column.addLayout(head)
        self.pick_label = theme.muted(QLabel(tr(TEXT_PICK)))
        column.addWidget(self.pick_label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Sideways only when the content cannot fit (larger text, a narrow window): never cut.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # The card's own background shows through (a scroll area paints the window colour).
        scroll.setStyleSheet(
            "QScrollArea, QScrollArea > QWidget > QWidget#formHolder { background: transparent; }"
        )
        holder = QWidget()
        holder.setObjectName("formHolder")
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, theme.SPACE_S, theme.SPACE_M, 0)
        holder_layout.addWidget(self.form)
        holder_layout.addStretch(1)
        scroll.setWidget(holder)
        self.form_scroll = scroll
        column.addWidget(scroll, 1)
        self.message = FieldMessage()
        self.save_button = QPushButton(tr(TEXT_SAVE))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save_form)
        # Ctrl+Enter saves from any field of the contact, even from the notes box.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), pane, self._save_by_key)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.discard_button = _secondary(QPushButton(tr(TEXT_DISCARD)))
        self.discard_button.clicked.connect(self.discard_form)
        foot = QHBoxLayout()
        foot.setSpacing(theme.SPACE_M)
        message_holder = QWidget()  # keeps its stretch while the message is hidden
        holder_row = QHBoxLayout(message_holder)
        holder_row.setContentsMargins(0, 0, 0, 0)
        holder_row.addWidget(self.message)
        foot.addWidget(message_holder, 1)
        foot.addWidget(self.discard_button)
        foot.addWidget(self.save_button)
        column.addLayout(foot)
        return pane

    # -- the table's columns share its width ---------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return False

    def _fit_columns(self) -> None:
        """Columns of a known shape (time, channel, case number, due date) get the width their
        text needs; the others share the rest, so the table fits a narrow tab."""
        metrics = self.table.fontMetrics()
        pad = 18
        fixed = {
            COL_WHEN: metrics.horizontalAdvance("30 Sep 2026, 23:59") + pad,
            COL_CHANNEL: max(
                metrics.horizontalAdvance(tr(label)) for label in choices.CHANNEL_LABELS.values()
            )
            + pad,
            COL_CASE: metrics.horizontalAdvance("102938475610") + pad,
        }
        due = metrics.horizontalAdvance(tr(TEXT_DUE_SAMPLE).format(date="30 Sep 2026")) + pad
        width = self.table.viewport().width()
        # In a narrow tab the channel gives way (the form below shows it).
        narrow = width < _NARROW
        self.table.setColumnHidden(COL_CHANNEL, narrow)
        if narrow:
            fixed.pop(COL_CHANNEL)
        rest = width - sum(fixed.values()) - due
        weights = _COLUMN_WEIGHTS
        total = sum(weights.values())
        for column, width in fixed.items():
            self.table.setColumnWidth(column, width)
        for column, weight in weights.items():
            self.table.setColumnWidth(column, max(int(rest * weight / total), _COLUMN_MINIMUM))

    # -- the contract -----------------------------------------------------------------------

    def set_case(self, case: Case | None) -> None:
        if case is not self.case:
            self._leave_form()
            self._new_entry = None
            self._shown_id = None
        self.case = case
        self.form.default_zone = self.home_zone()
        self.refresh()

    def set_undo_stack(self, undo_stack: QUndoStack) -> None:
        """Push later edits on another stack (e.g. one stack per open case)."""
        if undo_stack is self.undo_stack:
            return
        self.undo_stack = undo_stack
        for old in (self.undo_action, self.redo_action):
            old.deleteLater()
        self.undo_action = undo_stack.createUndoAction(self, tr(TEXT_UNDO))
        self.redo_action = undo_stack.createRedoAction(self, tr(TEXT_REDO))
        self.undo_button.set_action(self.undo_action)
        self.redo_button.set_action(self.redo_action)

    @Slot()
    def log_call(self) -> None:
        if self.case is None:
            return
        if self.call_dialog is not None:
            self.call_dialog.raise_()
            self.call_dialog.activateWindow()
            return
        from desktop.ui.timeline.log_call import LogCallDialog

        self._leave_form()
        dialog = LogCallDialog(self.case, self.clock, self.home_zone(), self, self.language)
        dialog.logged.connect(self._on_call_logged)
        dialog.finished.connect(self._on_call_closed)
        self.call_dialog = dialog
        dialog.show()
        dialog.notes_focus()

    # -- time ---------------------------------------------------------------------------------

    def home_zone(self) -> str:
        """The owner's time zone, else the system's."""
        zone = self.case.owner.time_zone if self.case is not None else ""
        return zone if zone and choices.is_time_zone(zone) else choices.system_time_zone()

    def clock_now(self) -> datetime:
        return self.clock().astimezone(ZoneInfo(self.home_zone()))

    def today(self) -> date:
        return self.clock_now().date()

    # -- showing --------------------------------------------------------------------------------

    def refresh(self, select_id: str | None = None) -> None:
        self._rebuild_filter()
        case = self.case
        entries = [] if case is None else case.timeline()
        tier = self.filter_combo.currentData()
        shown = [e for e in entries if not tier or e.tier.value == tier]
        keep = select_id or self._shown_id
        self._switching = True
        try:
            today = self.today()
            due = {e.id for e in due_follow_ups(case, today)} if case is not None else set()
            self.model.set_entries(shown, today, due)
        finally:
            self._switching = False
        if case is None:
            self.empty_label.setText(tr(TEXT_NO_CASE))
        elif not entries:
            self.empty_label.setText(tr(TEXT_EMPTY))
        else:
            self.empty_label.setText(tr(TEXT_FILTERED_EMPTY))
        self.table_stack.setCurrentWidget(self.table if shown else self.empty_label)
        if self._new_entry is not None:
            self._update_buttons()
            return
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and shown:
            row = len(shown) - 1  # the latest contact
        self._select_row(row)
        self._show_detail(self.model.entries[row] if row >= 0 else None)

    def _rebuild_filter(self) -> None:
        current = self.filter_combo.currentData()
        tiers = sorted(
            {e.tier for e in self.case.contacts} if self.case else set(), key=list(Tier).index
        )
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        self.filter_combo.addItem(tr(TEXT_ALL_TIERS), "")
        for tier in tiers:
            self.filter_combo.addItem(tr(choices.TIER_LABELS[tier]), tier.value)
        index = self.filter_combo.findData(current) if current else 0
        self.filter_combo.setCurrentIndex(max(index, 0))
        self.filter_combo.blockSignals(False)

    def set_tier_filter(self, tier: Tier | None) -> None:
        index = self.filter_combo.findData(tier.value if tier else "")
        self.filter_combo.setCurrentIndex(max(index, 0))

    def _select_row(self, row: int) -> None:
        self._switching = True
        try:
            selection = self.table.selectionModel()
            selection.clearSelection()
            if row >= 0:
                index = self.model.index(row, 0)
                selection.select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.table.scrollTo(index)
        finally:
            self._switching = False

    def selected_entry(self) -> ContactEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.entries[rows[0].row()]

    def _show_detail(self, entry: ContactEntry | None, *, new: bool = False) -> None:
        self._shown_id = entry.id if entry is not None and not new else None
        has = entry is not None
        self.form.setVisible(has)
        self.form_scroll.setVisible(has)
        pick = not has and self.case is not None and bool(self.case.contacts)
        self.pick_label.setVisible(pick)
        was_hidden = self.detail.isHidden()
        self.detail.setVisible(has or pick)  # no empty card under the "no contacts yet" note
        if was_hidden and not self.detail.isHidden():
            # A splitter gives a pane that was hidden no room: share the height again.
            total = max(sum(self.splitter.sizes()), self.splitter.height(), 400)
            self.splitter.setSizes([total * 2 // 5, total - total * 2 // 5])
        if entry is None:
            self.detail_title.setText("")
        else:
            self.form.load(entry)
            self.detail_title.setText(
                tr(TEXT_NEW)
                if new
                else tr(TEXT_DETAIL).format(
                    channel=tr(choices.CHANNEL_LABELS[entry.channel]),
                    tier=tr(choices.TIER_LABELS[entry.tier]),
                    when=when_text(entry),
                )
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_case = self.case is not None
        selected = self.selected_entry() if self._new_entry is None else None
        editing = self._new_entry is not None or self._shown_id is not None
        dirty = self._new_entry is not None or self.form.is_dirty()
        self.log_call_button.setEnabled(has_case)
        self.add_button.setEnabled(has_case)
        self.duplicate_button.setEnabled(selected is not None)
        self.delete_button.setEnabled(selected is not None)
        self.filter_combo.setEnabled(has_case and bool(self.case and self.case.contacts))
        self.save_button.setVisible(editing)
        self.discard_button.setVisible(editing)
        self.save_button.setEnabled(editing and dirty)
        self.discard_button.setEnabled(editing and dirty)
        saved = self._saved_shown_entry()
        self.calendar_button.setVisible(saved is not None and saved.next_step_due is not None)

    def _saved_shown_entry(self) -> ContactEntry | None:
        if self.case is None or self._shown_id is None or self._new_entry is not None:
            return None
        return next((e for e in self.case.contacts if e.id == self._shown_id), None)

    # -- user actions ---------------------------------------------------------------------------

    def _on_selection(self) -> None:
        if self._switching:
            return
        target = self.selected_entry()
        if target is not None and target.id == self._shown_id and self._new_entry is None:
            return
        wanted = target.id if target is not None else None
        if not self._leave_form():
            self._select_row(self.model.row_of(self._shown_id) if self._shown_id else -1)
            return
        self._new_entry = None
        # Leaving may have saved the previous contact and rebuilt the table: find the click again.
        row = self.model.row_of(wanted) if wanted else -1
        self._select_row(row)
        self._show_detail(self.model.entries[row] if row >= 0 else None)

    def _on_filter(self) -> None:
        if self._leave_form():
            self._new_entry = None
        self.refresh()

    def add_contact(self) -> None:
        if self.case is None or not self._leave_form():
            return
        last = self.case.timeline()[-1] if self.case.contacts else None
        now = self.clock_now().replace(second=0, microsecond=0)
        entry = ContactEntry(
            at=now,
            time_zone=self.home_zone(),
            channel=Channel.PHONE,
            tier=last.tier if last else Tier.APPLECARE,
            case_number=last.case_number if last else "",
        )
        self._new_entry = entry
        self._select_row(-1)
        self._show_detail(entry, new=True)
        self.form.who_edit.setFocus()

    def duplicate_contact(self) -> None:
        source = self.selected_entry()
        if self.case is None or source is None or not self._leave_form():
            return
        source = next((e for e in self.case.contacts if e.id == source.id), source)
        copy_ = copy.deepcopy(source)
        copy_.id = new_id()
        copy_.at = self.clock_now().replace(second=0, microsecond=0)
        copy_.time_zone = self.home_zone()
        copy_.attachments = []
        copy_.duration_seconds = None
        self.undo_stack.push(AddContact(self, self.case, copy_))

    def delete_contact(self) -> None:
        entry = self.selected_entry()
        if self.case is None or entry is None or self._new_entry is not None:
            return
        if not self.confirm_delete(entry):
            return
        self.form.load(entry)  # nothing half-typed is saved by the deletion
        self.undo_stack.push(DeleteContact(self, self.case, entry))

    def save_form(self) -> bool:
        if self.case is None:
            return False
        problems = self.form.problems()
        entry = self.form.entry()
        if problems or entry is None:
            self.form.refresh()
            self.message.show_check(Check(Level.ERROR, tr(TEXT_FIX_FIRST)))
            return False
        if self._new_entry is not None:
            self._new_entry = None
            self.undo_stack.push(AddContact(self, self.case, entry))
            return True
        before = next((e for e in self.case.contacts if e.id == entry.id), None)
        if before is None:
            return False
        if self.form.is_dirty():
            self.undo_stack.push(EditContact(self, self.case, before, entry))
        return True

    def _save_by_key(self) -> None:
        if self.save_button.isVisible() and self.save_button.isEnabled():
            self.save_form()

    def discard_form(self) -> None:
        self.casebook.discard_files(self.form.files.added)
        self.form.files.added = []
        if self._new_entry is not None:
            self._new_entry = None
            self.refresh()
            return
        self.message.show_check(Check())
        self._show_detail(self._saved_shown_entry())

    def leave_form(self) -> bool:
        """Save a changed contact before the editor goes (the window is built again in
        another language); asks when it cannot be saved yet. False: the user keeps it."""
        return self._leave_form()

    def _leave_form(self) -> bool:
        """Before showing something else: save a changed contact. False to stay."""
        if self._new_entry is None and not self.form.is_dirty():
            return True
        if self.form.is_valid() and self.form.entry() is not None:
            return self.save_form()
        Button = dialogs.Button
        answer = dialogs.ask(
            self,
            tr(TEXT_FIX_TITLE),
            tr(TEXT_FIX_QUESTION).format(problems=" ".join(self.form.problems())),
            {Button.Discard: tr(TEXT_FIX_DISCARD), Button.Cancel: tr(TEXT_FIX_KEEP)},
            default=Button.Cancel,
        )
        if answer != Button.Discard:
            return False
        self.casebook.discard_files(self.form.files.added)
        self.form.files.added = []
        self._new_entry = None
        return True

    def add_to_calendar(self) -> None:
        entry = self._saved_shown_entry()
        if self.case is None or entry is None or entry.next_step_due is None:
            return
        from desktop.calendar_export import follow_up_event

        payload = follow_up_event(self.case, entry)
        title = safe_file_name(entry.next_step or self.case.title or "Follow-up")[:60]
        path = self.ask_save_path(f"{title} - {entry.next_step_due.isoformat()}.ics")
        if path is None:
            return
        try:
            path.write_bytes(payload)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            self.message.show_check(
                Check(Level.ERROR, tr(TEXT_CALENDAR_FAILED).format(reason=reason))
            )
            return
        self.message.show_check(Check(Level.OK, tr(TEXT_CALENDAR_SAVED).format(name=path.name)))

    # -- the commands' way back ----------------------------------------------------------------

    def commit(self, case: Case, select_id: str | None) -> None:
        """Save the case a command changed, show it, and tell the window."""
        try:
            self.casebook.save(case)
        except (VaultError, StoreError, OSError) as exc:
            reason = str(exc) or type(exc).__name__
            self.message.show_check(Check(Level.ERROR, tr(TEXT_NOT_SAVED).format(reason=reason)))
            ok = False
        else:
            self.message.show_check(Check(Level.OK, tr(TEXT_SAVED)))
            ok = True
        if case is self.case:
            self._new_entry = None
            if select_id is not None and self.filter_combo.currentData():
                entry = next((e for e in case.contacts if e.id == select_id), None)
                if entry is not None and entry.tier.value != self.filter_combo.currentData():
                    self.set_tier_filter(None)
            self._shown_id = None
            self.refresh(select_id)
        if ok:
            emit(self.case_changed)

    def _on_call_logged(self, entry: ContactEntry) -> None:
        # The call belongs to the case it was started for, even if another case is shown now.
        dialog = self.call_dialog
        case = getattr(dialog, "case", None) or self.case
        if case is not None:
            self.undo_stack.push(AddContact(self, case, entry, TEXT_LOG))

    def _on_call_closed(self, *_: object) -> None:
        dialog, self.call_dialog = self.call_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    # -- asking the user (replaced in tests) ---------------------------------------------------

    def confirm_delete(self, entry: ContactEntry) -> bool:
        Button = dialogs.Button
        answer = dialogs.ask(
            self,
            tr(TEXT_DELETE_TITLE),
            tr(TEXT_DELETE_QUESTION).format(
                when=when_text(entry), tier=tr(choices.TIER_LABELS[entry.tier])
            ),
            {Button.Yes: tr(TEXT_DELETE_BUTTON), Button.Cancel: tr(TEXT_KEEP)},
            default=Button.Cancel,
            informative=tr(TEXT_DELETE_DETAIL),
        )
        return answer == Button.Yes

    def ask_files(self) -> list[Path]:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        names, _ = QFileDialog.getOpenFileNames(self, tr(TEXT_ADD), start)
        return [Path(name) for name in names]

    def ask_save_path(self, default_name: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name, _ = QFileDialog.getSaveFileName(
            self,
            tr(TEXT_CALENDAR_DIALOG),
            str(Path(folder) / default_name),
            tr(TEXT_CALENDAR_FILTER),
        )
        return Path(name) if name else None


def _secondary(button: QPushButton) -> QPushButton:
    button.setObjectName("secondary")
    return button


class _ActionButton(QPushButton):
    """A button for an undo stack's action: "Undo", with what it undoes as its tooltip."""

    def __init__(self, text: str, action: QAction) -> None:
        super().__init__(text)
        self.setObjectName("secondary")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._action: QAction | None = None
        self.clicked.connect(self._trigger)
        self.set_action(action)

    def set_action(self, action: QAction) -> None:
        if self._action is not None:
            self._action.changed.disconnect(self._follow)
        self._action = action
        action.changed.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        if self._action is not None:
            self.setEnabled(self._action.isEnabled())
            self.setToolTip(self._action.text())

    def _trigger(self) -> None:
        if self._action is not None:
            self._action.trigger()
