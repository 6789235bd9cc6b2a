"""The Overview tab: where the case stands (coverage line and bars), what is due, the
identifiers at hand, and the escalation coach with the next step."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.coverage import coverage_layers, strongest_argument
from desktop.model import Case, CaseStatus
from desktop.ui import icons, theme
from desktop.ui.case_status import resolution_words
from desktop.ui.coverage_chart import CoverageChart
from desktop.ui.due_items import due_items
from desktop.ui.formatting import format_date, format_money
from desktop.ui.i18n import N_, tr
from desktop.ui.identifiers_card import IdentifiersCard
from desktop.ui.text_metrics import text_px
from desktop.ui.widgets.adaptive_row import AdaptiveRow
from desktop.ui.widgets.card import Card
from desktop.vault import VaultState

TEXT_COVERAGE = N_("Coverage")
TEXT_CHART_HINT = N_("Hover a bar for what it covers and where the rule comes from.")
TEXT_DUE = N_("What is due")
TEXT_NOTHING_DUE = N_(
    "Nothing is due. Log each call or visit with its next step, and it shows up here."
)
TEXT_CLOSED_ON = N_("{outcome} on {date}.")
TEXT_PAID = N_("Paid: {amount}.")
TEXT_CLOSED_NOTHING_DUE = N_("The case is closed. Reopen it if the fault comes back.")


class OverviewTab(QScrollArea):
    copied = Signal(str)

    def __init__(self, coach: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Sideways only when the content cannot fit (larger text, a narrow window): never cut.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

        self.coverage_card = Card(tr(TEXT_COVERAGE))
        self.argument_icon = QLabel()
        self.argument_label = QLabel()
        self.argument_label.setWordWrap(True)
        self.argument_label.setTextFormat(Qt.TextFormat.PlainText)
        self.argument_label.setFont(theme.scaled_font(self.argument_label, 1.05))
        self.argument_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        argument_row = QHBoxLayout()
        argument_row.setSpacing(theme.SPACE_M + 2)
        argument_row.addWidget(self.argument_icon, 0, Qt.AlignmentFlag.AlignTop)
        argument_row.addWidget(self.argument_label, 1)
        self.coverage_card.body.addLayout(argument_row)
        self.coverage_card.body.addSpacing(theme.SPACE_S)
        self.chart = CoverageChart()
        self.coverage_card.body.addWidget(self.chart)
        self.chart_hint = theme.muted(QLabel(tr(TEXT_CHART_HINT)))
        self.chart_hint.setFont(theme.scaled_font(self.chart_hint, 0.9))
        self.chart_hint.setWordWrap(True)
        self.coverage_card.body.addWidget(self.chart_hint)

        self.due_card = Card(tr(TEXT_DUE))
        self._due_rows = QVBoxLayout()
        self._due_rows.setSpacing(theme.SPACE_M)
        self.due_card.body.addLayout(self._due_rows)
        self.due_card.body.addStretch(1)

        self.identifiers = IdentifiersCard()
        self.identifiers.copied.connect(self.copied)

        self.coach_slot = QFrame()
        self.coach_slot.setObjectName("coachSlot")
        coach_layout = QVBoxLayout(self.coach_slot)
        coach_layout.setContentsMargins(0, 0, 0, 0)
        self.coach = coach
        if coach is not None:
            coach_layout.addWidget(coach)
            if hasattr(coach, "set_show_due"):
                coach.set_show_due(False)  # "What is due" above lists the follow-ups

        # Side by side, or one under the other when narrow (larger text).
        pair = AdaptiveRow(text_px(640), theme.SPACE_L)
        pair.box.addWidget(self.due_card, 1)
        pair.box.addWidget(self.identifiers, 1)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(theme.SPACE_XL, theme.SPACE_L, theme.SPACE_XL, theme.SPACE_XL)
        column.setSpacing(theme.SPACE_L)
        column.addWidget(self.coverage_card)
        column.addWidget(pair)
        column.addWidget(self.coach_slot)
        column.addStretch(1)
        self.setWidget(content)

    def show_case(
        self, case: Case, vault_state: VaultState | None, today: date, language: str = "en"
    ) -> None:
        """`language`: the language of the core's words (rule titles, the argument)."""
        c = theme.colours()
        layers = coverage_layers(case, language)
        self.argument_label.setText(strongest_argument(case, today, language))
        self.argument_icon.setPixmap(icons.pixmap("shield", 20, c.accent))
        self.chart.set_layers(layers, today, language)
        self.chart.setVisible(bool(layers))
        self.chart_hint.setVisible(bool(layers))
        self._show_due(case, today, language)
        self.identifiers.show_case(case, vault_state)
        if self.coach is not None and hasattr(self.coach, "set_case"):
            self.coach.set_case(case, today)

    def due_texts(self) -> list[str]:
        texts = []
        for index in range(self._due_rows.count()):
            row = self._due_rows.itemAt(index).layout()
            if row is not None:
                label = row.itemAt(1).widget()
                if isinstance(label, QLabel):
                    texts.append(label.text())
        return texts

    def _show_due(self, case: Case, today: date, language: str) -> None:
        _clear(self._due_rows)
        c = theme.colours()
        items = [(item.text, item.urgent) for item in due_items(case, today, language)]
        if case.status is CaseStatus.CLOSED:
            items = [(_closure_line(case), False)]
        if not items:
            items = [(tr(TEXT_NOTHING_DUE), False)]
        for text, urgent in items:
            badge = QLabel()
            badge.setPixmap(
                icons.pixmap("warn" if urgent else "clock", 16, c.warn if urgent else c.muted)
            )
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            row = QHBoxLayout()
            row.setSpacing(theme.SPACE_M + 2)
            row.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(label, 1)
            self._due_rows.addLayout(row)


def _closure_line(case: Case) -> str:
    closure = case.closure
    parts = []
    if closure.closed_on is not None:
        parts.append(
            tr(TEXT_CLOSED_ON).format(
                outcome=resolution_words(closure.resolution), date=format_date(closure.closed_on)
            )
        )
    else:
        parts.append(resolution_words(closure.resolution) + ".")
    if closure.paid:
        parts.append(tr(TEXT_PAID).format(amount=format_money(closure.paid, closure.currency)))
    parts.append(tr(TEXT_CLOSED_NOTHING_DUE))
    return " ".join(parts)


def _clear(layout: QVBoxLayout | QHBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())  # type: ignore[arg-type]
