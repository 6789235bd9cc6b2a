"""The cases down the left side: device icon, title, a status in words, most recent
activity first; a search box and a filter (all, open, closed, drafts) above them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.model import CaseStatus
from desktop.ui import icons, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit
from desktop.ui.widgets.accessible import mnemonics_when_shown

if TYPE_CHECKING:
    from desktop.ui.case_index import CaseEntry

TEXT_HEADING = N_("Cases")
TEXT_NEW = N_("New case")
TEXT_UNTITLED = N_("Untitled case")
TEXT_SEARCH = N_("Search cases")
TEXT_SHOW = N_("Show cases")
TEXT_FILTER_ALL = N_("All cases")
TEXT_FILTER_OPEN = N_("Open cases")  # not "Open": that is a button elsewhere
TEXT_FILTER_CLOSED = N_("Closed cases")
TEXT_FILTER_DRAFTS = N_("Drafts")
TEXT_NO_MATCH = N_("No case matches “{query}”.")
TEXT_NONE_IN_FILTER = N_("No cases here. Choose “All cases” to see the others.")

ID_ROLE = Qt.ItemDataRole.UserRole
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
ATTENTION_ROLE = Qt.ItemDataRole.UserRole + 3
DEVICE_ROLE = Qt.ItemDataRole.UserRole + 4
STATUS_ROLE = Qt.ItemDataRole.UserRole + 5

# The combo holds the status's value ("" for all): Qt hands a StrEnum back as a str.
FILTERS: list[tuple[str, str]] = [
    (TEXT_FILTER_ALL, ""),
    (TEXT_FILTER_OPEN, CaseStatus.OPEN.value),
    (TEXT_FILTER_CLOSED, CaseStatus.CLOSED.value),
    (TEXT_FILTER_DRAFTS, CaseStatus.DRAFT.value),
]

ROW_HEIGHT = 64


class CaseItemDelegate(QStyledItemDelegate):
    """Three lines per case: the title in bold, the device, and where it stands
    ("Follow-up overdue by 3 days" in the warning colour, with a warning sign)."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = option.fontMetrics.height()
        return QSize(option.rect.width(), max(ROW_HEIGHT, line * 3 + 22))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        c = theme.colours(option.palette)
        rect = QRect(option.rect).adjusted(4, 2, -4, -2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            fill = QColor(c.accent)
            fill.setAlphaF(0.14 if selected else 0.06)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 6, 6)

        def visual(part: QRect) -> QRect:  # right to left: mirrored within the row
            return QStyle.visualRect(option.direction, rect, part)

        if selected:
            painter.setBrush(QColor(c.accent))
            painter.drawRoundedRect(
                visual(QRect(rect.left(), rect.top() + 8, 3, rect.height() - 16)), 1.5, 1.5
            )

        icon_size = 26
        icon_rect = QRect(rect.left() + 12, rect.top() + 11, icon_size, icon_size)
        icons.device_icon(index.data(KIND_ROLE)).paint(painter, visual(icon_rect))

        text_left = icon_rect.right() + 12
        text_width = rect.right() - text_left - 8
        line = option.fontMetrics.height()
        top = rect.top() + 9
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

        title_font = QFont(option.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(option.palette.color(option.palette.ColorRole.Text))
        title = painter.fontMetrics().elidedText(
            index.data(Qt.ItemDataRole.DisplayRole), Qt.TextElideMode.ElideRight, text_width
        )
        painter.drawText(visual(QRect(text_left, top, text_width, line)), align, title)

        painter.setFont(option.font)
        metrics = painter.fontMetrics()
        painter.setPen(QColor(c.muted))
        device = metrics.elidedText(
            index.data(DEVICE_ROLE), Qt.TextElideMode.ElideRight, text_width
        )
        painter.drawText(visual(QRect(text_left, top + line + 1, text_width, line)), align, device)

        attention = bool(index.data(ATTENTION_ROLE))
        status_left = text_left
        if attention:
            badge = icons.pixmap("warn", 14, c.warn)
            badge_top = top + 2 * line + 2 + (line - 14) // 2
            painter.drawPixmap(visual(QRect(text_left, badge_top, 14, 14)), badge)
            status_left += 14 + 5
        painter.setPen(QColor(c.warn if attention else c.muted))
        width = rect.right() - status_left - 8
        status = metrics.elidedText(index.data(STATUS_ROLE), Qt.TextElideMode.ElideRight, width)
        painter.drawText(visual(QRect(status_left, top + 2 * line + 2, width, line)), align, status)
        painter.restore()


class CaseListPanel(QWidget):
    case_selected = Signal(str)  # "" when nothing is selected
    case_activated = Signal(str)  # double-click or Enter
    new_case_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[CaseEntry] = []
        self._announced = ""  # the selection last told to listeners
        heading = QLabel(tr(TEXT_HEADING))
        heading.setFont(theme.scaled_font(heading, 1.2, bold=True))
        self.new_button = QPushButton(icons.icon("plus", theme.colours().on_accent), tr(TEXT_NEW))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_case_requested)
        head = QHBoxLayout()
        head.addWidget(heading, 1)
        head.addWidget(self.new_button)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(tr(TEXT_SEARCH))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.setAccessibleName(tr(TEXT_SEARCH))
        self.search_edit.textChanged.connect(self._apply_filter)
        self.filter_combo = QComboBox()
        for text, status in FILTERS:
            self.filter_combo.addItem(tr(text), status)
        self.filter_combo.setAccessibleName(tr(TEXT_SHOW))
        self.filter_combo.currentIndexChanged.connect(self._apply_filter)
        tools = QHBoxLayout()
        tools.setSpacing(theme.SPACE_M)
        tools.addWidget(self.search_edit, 1)
        tools.addWidget(self.filter_combo)

        self.list = QListWidget()
        self.list.setObjectName("caseList")
        self.list.setAccessibleName(tr(TEXT_HEADING))
        self.list.setItemDelegate(CaseItemDelegate(self.list))
        self.list.setMouseTracking(True)
        self.list.setUniformItemSizes(True)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemActivated.connect(self._on_activated)
        self.empty_label = theme.muted(QLabel())
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_M, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_M + 4)
        layout.addLayout(head)
        layout.addLayout(tools)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list, 1)
        mnemonics_when_shown(self)  # Alt+letter on its button, around the menus'

    def show_cases(self, entries: list[CaseEntry], select_id: str | None = None) -> None:
        """Show these cases (already in order); keeps the selection when it is still shown."""
        self._entries = list(entries)
        self._fill(select_id or self.selected_id())

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def set_filter(self, status: CaseStatus | None) -> None:
        self.filter_combo.setCurrentIndex(
            max(self.filter_combo.findData(status.value if status else ""), 0)
        )

    def visible_entries(self) -> list[CaseEntry]:
        query = self.search_edit.text().strip()
        wanted = self.filter_combo.currentData() or ""
        return [
            entry
            for entry in self._entries
            if (not wanted or entry.status == wanted) and (not query or entry.matches(query))
        ]

    def _apply_filter(self) -> None:
        self._fill(self.selected_id())

    def _fill(self, previous: str) -> None:
        shown = self.visible_entries()
        self.list.blockSignals(True)
        self.list.clear()
        chosen: QListWidgetItem | None = None
        for entry in shown:
            item = QListWidgetItem(entry.title or tr(TEXT_UNTITLED))
            item.setData(ID_ROLE, entry.id)
            item.setData(KIND_ROLE, entry.device_kind)
            subtitle = f"{entry.device} · {entry.status_text}"
            item.setData(SUBTITLE_ROLE, subtitle)
            item.setData(ATTENTION_ROLE, entry.attention)
            item.setData(DEVICE_ROLE, entry.device)
            item.setData(STATUS_ROLE, entry.status_text)
            item.setToolTip(f"{item.text()}\n{subtitle}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{item.text()}, {subtitle}")
            self.list.addItem(item)
            if entry.id == previous:
                chosen = item
        if chosen is None and self.list.count():
            chosen = self.list.item(0)
        self.list.setCurrentItem(chosen)
        self.list.blockSignals(False)
        self._show_empty_note(bool(shown))
        self._announce(self.selected_id())

    def _show_empty_note(self, anything: bool) -> None:
        query = self.search_edit.text().strip()
        if anything or not self._entries:
            self.empty_label.setVisible(False)
            return
        text = tr(TEXT_NO_MATCH).format(query=query) if query else tr(TEXT_NONE_IN_FILTER)
        self.empty_label.setText(text)
        self.empty_label.setVisible(True)

    def selected_id(self) -> str:
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else ""

    def titles(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def subtitles(self) -> list[str]:
        return [self.list.item(row).data(SUBTITLE_ROLE) for row in range(self.list.count())]

    def select(self, case_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == case_id:
                self.list.setCurrentRow(row)
                return

    def _on_current(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        self._announce(str(current.data(ID_ROLE)) if current is not None else "")

    def _announce(self, case_id: str) -> None:
        if case_id != self._announced:
            self._announced = case_id
            emit(self.case_selected, case_id)

    def _on_activated(self, item: QListWidgetItem) -> None:
        emit(self.case_activated, str(item.data(ID_ROLE)))
