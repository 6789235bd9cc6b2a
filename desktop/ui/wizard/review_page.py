"""Step 8: what is there and what is missing, each gap with what it costs.

Nothing here blocks Finish: gaps are allowed, the user just sees their price.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.model import Case
from desktop.ui import icons, theme
from desktop.ui.i18n import N_, tr
from desktop.ui.review_items import ReviewItem, review_items
from desktop.ui.text_metrics import text_px
from desktop.ui.widgets.card import Card
from desktop.ui.widgets.page_scroll import page_scroll
from desktop.ui.wizard.check_coverage import CheckCoverage
from desktop.ui.wizard.coverage_summary import CoverageSummary
from desktop.ui.wizard.page import StepPage
from desktop.wizard_flow import STEP_TITLES, Step, steps_for

TEXT_TITLE = N_("Review")
TEXT_WHY = N_("Check what is there. Gaps are allowed: here is what each one costs.")
TEXT_PRESENT = N_("Ready")
TEXT_GAPS = N_("Missing, and what it costs")
TEXT_NO_GAPS = N_("Nothing is missing.")
TEXT_GO_TO = N_("Go to {step}")
# Translators: {button} is the wizard's last button, "Save case".
TEXT_FINISH_NOTE = N_("“{button}” saves the case. You can change everything later.")
TEXT_COVERAGE = N_("Coverage at a glance")


class ReviewPage(StepPage):
    step = Step.REVIEW
    TITLE = TEXT_TITLE
    WHY = TEXT_WHY

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[ReviewItem] = []
        self.coverage: CoverageSummary | None = None
        self._content = QWidget()
        self._content_layout = QVBoxLayout(self._content)
        self._content_layout.setContentsMargins(0, 0, theme.SPACE_M, 0)
        self._content_layout.setSpacing(theme.SPACE_L)
        self.body.addWidget(page_scroll(self._content), 1)  # its "Go to" buttons: Tab stops
        self.finish_note = theme.muted(QLabel())
        self.finish_note.setWordWrap(True)
        self.body.addWidget(self.finish_note)

    def enter(self, case: Case) -> None:
        # Named as the button says it, in whatever language (never "Finish" beside "Save case").
        button = self.case_wizard.buttonText(self.case_wizard.WizardButton.FinishButton)
        self.finish_note.setText(tr(TEXT_FINISH_NOTE).format(button=button.replace("&", "")))
        self.show_case(case)

    def show_case(self, case: Case) -> None:
        while self._content_layout.count():
            child = self._content_layout.takeAt(0).widget()
            if child is not None:
                child.deleteLater()
        self.items = review_items(case)
        gaps = [item for item in self.items if not item.present]
        present = [item for item in self.items if item.present]
        self.coverage: CoverageSummary | None = None
        if Step.COVERAGE in steps_for(case):
            self._content_layout.addWidget(self._coverage_card(case))
        self._content_layout.addWidget(self._card(tr(TEXT_GAPS), gaps, present=False))
        self._content_layout.addWidget(self._card(tr(TEXT_PRESENT), present, present=True))
        self._content_layout.addStretch(1)

    def _coverage_card(self, case: Case) -> Card:
        card = Card(tr(TEXT_COVERAGE))
        wizard = self.case_wizard
        self.coverage = CoverageSummary()
        self.coverage.show_case(case, wizard.today(), wizard.language)
        card.body.addWidget(self.coverage)
        card.body.addSpacing(theme.SPACE_S)
        self.check_coverage = CheckCoverage(
            lambda: wizard.case.device.serial, lambda url: wizard.open_url(url)
        )
        card.body.addWidget(self.check_coverage)
        return card

    def summary_text(self) -> str:
        """Everything the page says, as plain text (tests and screen readers)."""
        lines = [f"{item.label}: {item.detail}" for item in self.items]
        if self.coverage is not None:
            lines = [*self.coverage.lines, *lines]
        return "\n".join(lines)

    def _card(self, title: str, items: list[ReviewItem], present: bool) -> Card:
        card = Card(title)
        if not items:
            card.body.addWidget(theme.muted(QLabel(tr(TEXT_NO_GAPS))))
            return card
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.SPACE_M + 4)
        grid.setVerticalSpacing(theme.SPACE_M + 4)
        grid.setColumnStretch(1, 1)
        c = theme.colours()
        previous_step: Step | None = None
        for row, item in enumerate(items):
            if present:
                icon_name, colour = "tick", c.ok
            elif item.important:
                icon_name, colour = "warn", c.warn
            else:
                icon_name, colour = "info", c.muted
            badge = QLabel()
            badge.setPixmap(icons.pixmap(icon_name, 18, colour))
            badge.setAlignment(Qt.AlignmentFlag.AlignTop)
            grid.addWidget(badge, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self._text(item, present), row, 1)
            # One "Go to" per step: consecutive gaps of the same step share it.
            if not present and item.step is not previous_step:
                grid.addWidget(self._go_to(item.step), row, 2, Qt.AlignmentFlag.AlignTop)
            previous_step = item.step
        card.body.addLayout(grid)
        return card

    @staticmethod
    def _text(item: ReviewItem, present: bool) -> QWidget:
        label = QLabel(item.label)
        label.setFont(theme.scaled_font(label, 1.0, bold=True))
        detail = QLabel(item.detail)
        detail.setTextFormat(Qt.TextFormat.PlainText)  # user text is never markup
        detail.setWordWrap(True)
        if present:
            # "Serial number   •••••••X4PQ": label and value on one line.
            box = QWidget()
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(theme.SPACE_M + 4)
            label.setMinimumWidth(text_px(130))
            row.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(detail, 1)
            return box
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(label)
        column.addWidget(theme.muted(detail))
        return box

    def _go_to(self, step: Step) -> QPushButton:
        button = QPushButton(theme.mnemonic_safe(tr(TEXT_GO_TO).format(step=tr(STEP_TITLES[step]))))
        button.setObjectName("link")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(lambda: self.case_wizard.go_back_to(step))
        return button
