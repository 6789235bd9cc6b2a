"""The checklist of steps down the wizard's side: done ticked, current marked, rest open.

Each state has its own icon and its own words for screen readers, so colour
is never the only sign.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from desktop.ui import icons, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit
from desktop.wizard_flow import STEP_TITLES, Step

TEXT_STEPS = N_("Steps")
TEXT_DONE = N_("{step}: done")
TEXT_CURRENT = N_("{step}: you are here")
TEXT_TODO = N_("{step}: still to do")

STEP_ROLE = Qt.ItemDataRole.UserRole


class StepChecklist(QListWidget):
    step_clicked = Signal(Step)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepList")
        self.setAccessibleName(tr(TEXT_STEPS))
        self.setIconSize(QSize(18, 18))
        self.setFixedWidth(self._width_for_titles())
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(1)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemClicked.connect(self._clicked)
        self._states: dict[Step, str] = {}

    def show_steps(self, steps: list[Step], current: Step, done: set[Step]) -> None:
        self.clear()
        c = theme.colours()
        self._states = {}
        for step in steps:
            title = tr(STEP_TITLES[step])
            item = QListWidgetItem(title)
            item.setData(STEP_ROLE, step)
            if step is current:
                state, icon, words = "current", icons.icon("current", c.accent), TEXT_CURRENT
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            elif step in done:
                state, icon, words = "done", icons.icon("tick", c.ok), TEXT_DONE
            else:
                state, icon, words = "todo", icons.icon("pending", c.muted), TEXT_TODO
            item.setIcon(icon)
            item.setToolTip(tr(words).format(step=title))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, tr(words).format(step=title))
            self.addItem(item)
            self._states[step] = state
            if step is current:
                self.setCurrentItem(item)

    def _width_for_titles(self) -> int:
        """Wide enough for the longest step title in bold (German, Russian, larger text),
        200 at least; a title beyond a third of the wizard is elided (the tooltip has it)."""
        font = self.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        longest = max(metrics.horizontalAdvance(tr(title)) for title in STEP_TITLES.values())
        # icon, the gaps beside it, the item's padding (theme: 7px 6px), the frame
        needed = longest + self.iconSize().width() + 2 * 6 + 2 * 8 + 12
        return max(200, min(needed, 340))

    def state_of(self, step: Step) -> str:
        """ "done", "current" or "todo" (for tests); "" for a step not in this case's list."""
        return self._states.get(step, "")

    def _clicked(self, item: QListWidgetItem) -> None:
        emit(self.step_clicked, item.data(STEP_ROLE))
