"""The contacts as table rows: when, channel, tier, who, case number, outcome, next step, due."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.model import ContactEntry, Outcome
from desktop.ui import choices, icons, theme
from desktop.ui.formatting import format_date
from desktop.ui.i18n import N_, tr
from desktop.ui.timeline.when import when_text, zone_label

HEADERS = [
    N_("When"),
    N_("Channel"),
    N_("Tier"),
    N_("Who"),
    N_("Case number"),
    N_("Outcome"),
    N_("Next step"),
    N_("Due"),
]
COL_WHEN, COL_CHANNEL, COL_TIER, COL_WHO, COL_CASE, COL_OUTCOME, COL_NEXT, COL_DUE = range(8)

TEXT_ID = N_("ID {id}")
TEXT_OVERDUE = N_("{date} · overdue")
TEXT_TODAY = N_("{date} · today")
TEXT_CS = N_("CS code {code}")

ENTRY_ROLE = Qt.ItemDataRole.UserRole
_OUTCOME_ICON = {
    Outcome.RESOLVED: ("tick", "ok"),
    Outcome.PARTLY: ("info", "warn"),
    Outcome.REFUSED: ("error", "error"),
    Outcome.PENDING: ("pending", "muted"),
    Outcome.NO_ANSWER: ("pending", "muted"),
}


def _first_line(text: str, limit: int = 120) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


class ContactTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.entries: list[ContactEntry] = []
        self.today = date.today()
        self.due_ids: set[str] = set()

    def set_entries(
        self, entries: list[ContactEntry], today: date, due_ids: set[str] | None = None
    ) -> None:
        """`due_ids`: the follow-ups still open (escalation.due_follow_ups): a later contact
        answers an earlier one's next step, so only these are marked overdue or due today."""
        self.beginResetModel()
        self.entries = list(entries)
        self.today = today
        self.due_ids = set(due_ids or ())
        self.endResetModel()

    def row_of(self, entry_id: str) -> int:
        return next((i for i, e in enumerate(self.entries) if e.id == entry_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == ENTRY_ROLE:
            return entry.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole text of a cell that may be cut short; the zone for the time.
            if column == COL_WHEN:
                return zone_label(entry)
            if column == COL_NEXT:
                return entry.next_step[:500] or None
            return self._text(entry, column) or None
        if role == Qt.ItemDataRole.DecorationRole and column == COL_OUTCOME:
            name, colour = _OUTCOME_ICON[entry.outcome]
            return icons.icon(name, getattr(theme.colours(), colour))
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_DUE and self._overdue(entry):
            return QColor(theme.colours().error)
        return None

    def _overdue(self, entry: ContactEntry) -> bool:
        due = entry.next_step_due
        return entry.id in self.due_ids and due is not None and due < self.today

    def _text(self, entry: ContactEntry, column: int) -> str:
        if column == COL_WHEN:
            return when_text(entry)
        if column == COL_CHANNEL:
            return tr(choices.CHANNEL_LABELS[entry.channel])
        if column == COL_TIER:
            return tr(choices.TIER_LABELS[entry.tier])
        if column == COL_WHO:
            who = _first_line(entry.who, 60)
            if entry.advisor_id:
                advisor = tr(TEXT_ID).format(id=_first_line(entry.advisor_id, 20))
                who = f"{who} ({advisor})" if who else advisor
            return who
        if column == COL_CASE:
            number = _first_line(entry.case_number, 30)
            if entry.cs_code:
                code = tr(TEXT_CS).format(code=_first_line(entry.cs_code, 20))
                number = f"{number} · {code}" if number else code
            return number
        if column == COL_OUTCOME:
            return tr(choices.OUTCOME_LABELS[entry.outcome])
        if column == COL_NEXT:
            return _first_line(entry.next_step)
        if column == COL_DUE:
            due = entry.next_step_due
            if due is None:
                return ""
            if self._overdue(entry):
                return tr(TEXT_OVERDUE).format(date=format_date(due))
            if due == self.today and entry.id in self.due_ids:
                return tr(TEXT_TODAY).format(date=format_date(due))
            return format_date(due)
        return ""
