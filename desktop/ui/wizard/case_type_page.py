"""Step 1: what kind of case this is, and a short name for it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.model import Case, CaseType
from desktop.ui import theme
from desktop.ui.choices import CASE_TYPE_EXPLANATIONS, CASE_TYPE_LABELS
from desktop.ui.i18n import N_, tr
from desktop.ui.wizard.page import StepPage
from desktop.wizard_flow import Step

TEXT_TITLE = N_("What is the problem about?")
TEXT_WHY = N_("The kind of case decides which details matter and who at Apple handles it.")
TEXT_CASE_TITLE = N_("Name of the case")
TEXT_CASE_TITLE_PLACEHOLDER = N_("For example: Screen flickers after update")
TEXT_CASE_TITLE_HINT = N_("Needed to continue: a short name helps you find the case later.")
TEXT_CASE_TITLE_ERROR = N_("Please give the case a short name, for example “Battery drains fast”.")


class _Choice(QFrame):
    """A radio button with its one-line explanation; the whole card is clickable."""

    def __init__(self, case_type: CaseType, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choice")
        self.case_type = case_type
        self.radio = QRadioButton(theme.mnemonic_safe(tr(CASE_TYPE_LABELS[case_type])))
        self.radio.setFont(theme.scaled_font(self.radio, 1.05, bold=True))
        explanation = theme.muted(QLabel(tr(CASE_TYPE_EXPLANATIONS[case_type])))
        explanation.setWordWrap(True)
        explanation.setContentsMargins(26, 0, 0, 0)  # under the text, not under the circle
        layout = QVBoxLayout(self)
        layout.setContentsMargins(
            theme.SPACE_L, theme.SPACE_M + 2, theme.SPACE_L, theme.SPACE_M + 4
        )
        layout.setSpacing(2)
        layout.addWidget(self.radio)
        layout.addWidget(explanation)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.radio.toggled.connect(self._show_checked)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.radio.setChecked(True)
        super().mousePressEvent(event)

    def _show_checked(self, checked: bool) -> None:
        self.setProperty("checked", "true" if checked else "false")
        self.style().unpolish(self)
        self.style().polish(self)


class CaseTypePage(StepPage):
    step = Step.CASE_TYPE
    TITLE = TEXT_TITLE
    WHY = TEXT_WHY

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.choices: dict[CaseType, _Choice] = {}
        cards = QVBoxLayout()
        cards.setSpacing(theme.SPACE_M + 2)
        for case_type in CaseType:
            choice = _Choice(case_type)
            self.group.addButton(choice.radio)
            self.choices[case_type] = choice
            cards.addWidget(choice)
        self.body.addLayout(cards)

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(tr(TEXT_CASE_TITLE_PLACEHOLDER))
        self.title_edit.setMaxLength(120)
        form = self.make_form()
        self.title_message = self.add_field(
            form,
            tr(TEXT_CASE_TITLE),
            self.title_edit,
            check=self.require(
                "title", self.title_edit.text, TEXT_CASE_TITLE_HINT, TEXT_CASE_TITLE_ERROR
            ),
        )
        row = QHBoxLayout()
        row.addLayout(form)
        self.body.addSpacing(theme.SPACE_S)
        self.body.addLayout(row)
        self.body.addStretch(1)
        self.watch(self.title_edit.textEdited, "title")
        self.watch(self.group.buttonToggled, "case_type")

    def selected_type(self) -> CaseType:
        for case_type, choice in self.choices.items():
            if choice.radio.isChecked():
                return case_type
        return CaseType.HARDWARE

    def load(self, case: Case) -> None:
        with self.loading():
            self.choices[case.case_type].radio.setChecked(True)
            self.title_edit.setText(case.title)

    def apply(self, case: Case) -> None:
        case.case_type = self.selected_type()
        case.title = self.title_edit.text().strip()
