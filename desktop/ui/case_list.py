"""The cases down the left side: device icon, title, and a status in words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import icons, theme
from desktop.ui.choices import device_name, status_words
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit

if TYPE_CHECKING:
    from desktop.store import CaseSummary

TEXT_HEADING = N_("Cases")
TEXT_NEW = N_("New case")
TEXT_UNTITLED = N_("Untitled case")

ID_ROLE = Qt.ItemDataRole.UserRole
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2

ROW_HEIGHT = 60


class CaseItemDelegate(QStyledItemDelegate):
    """Two lines per case: the title in bold, "iPhone 13 · Open, 3 contacts" below."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(option.rect.width(), ROW_HEIGHT)

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
        if selected:
            painter.setBrush(QColor(c.accent))
            painter.drawRoundedRect(
                QRect(rect.left(), rect.top() + 8, 3, rect.height() - 16), 1.5, 1.5
            )

        icon_size = 26
        icon_rect = QRect(
            rect.left() + 12, rect.center().y() - icon_size // 2, icon_size, icon_size
        )
        icons.device_icon(index.data(KIND_ROLE)).paint(painter, icon_rect)

        text_left = icon_rect.right() + 12
        text_width = rect.right() - text_left - 8
        title_font = QFont(option.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(option.palette.color(option.palette.ColorRole.Text))
        title_rect = QRect(text_left, rect.top() + 9, text_width, rect.height() // 2 - 8)
        title = painter.fontMetrics().elidedText(
            index.data(Qt.ItemDataRole.DisplayRole), Qt.TextElideMode.ElideRight, text_width
        )
        painter.drawText(
            title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title
        )

        painter.setFont(option.font)
        painter.setPen(QColor(c.muted))
        sub_rect = QRect(text_left, rect.center().y() + 1, text_width, rect.height() // 2 - 8)
        subtitle = painter.fontMetrics().elidedText(
            index.data(SUBTITLE_ROLE), Qt.TextElideMode.ElideRight, text_width
        )
        painter.drawText(
            sub_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, subtitle
        )
        painter.restore()


class CaseListPanel(QWidget):
    case_selected = Signal(str)  # "" when nothing is selected
    case_activated = Signal(str)  # double-click or Enter
    new_case_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(tr(TEXT_HEADING))
        heading.setFont(theme.scaled_font(heading, 1.2, bold=True))
        self.new_button = QPushButton(icons.icon("plus", "#ffffff"), tr(TEXT_NEW))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_case_requested)
        head = QHBoxLayout()
        head.addWidget(heading, 1)
        head.addWidget(self.new_button)

        self.list = QListWidget()
        self.list.setObjectName("caseList")
        self.list.setItemDelegate(CaseItemDelegate(self.list))
        self.list.setMouseTracking(True)
        self.list.setUniformItemSizes(True)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemActivated.connect(lambda item: emit(self.case_activated, item.data(ID_ROLE)))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_M, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_M + 4)
        layout.addLayout(head)
        layout.addWidget(self.list, 1)

    def show_cases(self, summaries: list[CaseSummary], select_id: str | None = None) -> None:
        previous = select_id or self.selected_id()
        self.list.blockSignals(True)
        self.list.clear()
        chosen: QListWidgetItem | None = None
        for summary in summaries:
            item = QListWidgetItem(summary.title or tr(TEXT_UNTITLED))
            item.setData(ID_ROLE, summary.id)
            item.setData(KIND_ROLE, summary.device_kind)
            subtitle = " · ".join(
                [
                    device_name(summary.device_kind, summary.model_name),
                    status_words(summary.status, summary.contact_count),
                ]
            )
            item.setData(SUBTITLE_ROLE, subtitle)
            item.setToolTip(f"{item.text()}\n{subtitle}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{item.text()}, {subtitle}")
            self.list.addItem(item)
            if summary.id == previous:
                chosen = item
        if chosen is None and self.list.count():
            chosen = self.list.item(0)
        self.list.setCurrentItem(chosen)
        self.list.blockSignals(False)
        emit(self.case_selected, self.selected_id())

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
        emit(self.case_selected, str(current.data(ID_ROLE)) if current is not None else "")
