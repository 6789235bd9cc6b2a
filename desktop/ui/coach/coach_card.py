"""The escalation coach: where the case stands on the support ladder, the next step and
why, whom to contact and how, what to have ready, what to say, and what is overdue.

`set_case(case, today)` redraws it; the buttons only ask: `log_call_requested`
and `letter_requested("executive" | "customer_relations")` are for the window
to act on. `clock` (an aware "now") decides "open now"; tests replace it.

The card grows with its content: put it in a scroll area.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.escalation import Recommendation, Rung, recommend, rung_title
from desktop.i18n import SOURCE_LANGUAGE
from desktop.model import Case, ContactEntry
from desktop.ui import choices, icons, theme
from desktop.ui.coach.contact_panel import ContactPanel
from desktop.ui.coach.ladder import LadderWidget
from desktop.ui.formatting import format_date
from desktop.ui.i18n import N_, tr
from desktop.ui.signals import emit
from desktop.ui.text_metrics import text_px
from desktop.ui.widgets.adaptive_row import AdaptiveRow
from desktop.ui.widgets.card import Card
from desktop.ui.widgets.flow_layout import FlowLayout
from desktop.ui.widgets.masked_value import mask

TEXT_STAND = N_("Where you stand")
TEXT_STANDING = N_("Highest level reached: {rung}.")
TEXT_NOT_YET = N_("No contact with Apple logged yet.")
TEXT_NEXT_RUNG = N_("Next: {rung}.")
TEXT_SETTLED = N_("Nothing further to climb.")
TEXT_NEXT_STEP = N_("Your next step")
TEXT_DUE = N_("Follow-ups due")
TEXT_OVERDUE = N_("Overdue since {date}: {step}")
TEXT_DUE_TODAY = N_("Due today: {step}")
TEXT_FOLLOW_UP = N_("follow up")
TEXT_WITH = N_(" ({who}, case {number})")
TEXT_WITH_WHO = N_(" ({who})")
TEXT_CONTACT = N_("Whom to contact, and how")
TEXT_READY = N_("Have ready")
TEXT_SAY = N_("What to say")
TEXT_LOG_CALL = N_("Log a call")
TEXT_WRITE_CR = N_("Write to Customer Relations…")
TEXT_WRITE_EXEC = N_("Write to the executive team…")
TEXT_NO_CASE = N_("Choose a case to see where it stands.")

LETTER_EXECUTIVE = "executive"
LETTER_CUSTOMER_RELATIONS = "customer_relations"


class CoachCard(QWidget):
    log_call_requested = Signal()
    letter_requested = Signal(str)  # "executive" or "customer_relations"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        self.show_due = True
        # The language of the core's advice and hours (the window sets the UI's).
        self.language = SOURCE_LANGUAGE  # False where the window lists what is due elsewhere
        self.recommendation: Recommendation | None = None
        self.case: Case | None = None

        # Where you stand: the ladder and the same in words.
        self.stand_card = Card(tr(TEXT_STAND))
        self.ladder = LadderWidget()
        self.stand_label = _label()
        self.stand_card.body.addWidget(self.ladder)
        self.stand_card.body.addWidget(self.stand_label)

        # Follow-ups due or overdue: first thing after the ladder when there are any.
        self.due_box = QFrame()
        self.due_box.setObjectName("banner")
        due_column = QVBoxLayout(self.due_box)
        due_column.setContentsMargins(
            theme.SPACE_L, theme.SPACE_M + 2, theme.SPACE_L, theme.SPACE_M + 2
        )
        due_column.setSpacing(theme.SPACE_S)
        due_title = QLabel(tr(TEXT_DUE))
        due_title.setFont(theme.scaled_font(due_title, 1.0, bold=True))
        due_column.addWidget(due_title)
        self.due_label = _label(rich=True)
        due_column.addWidget(self.due_label)

        # The next step, why, and the buttons that act on it.
        self.next_card = Card(tr(TEXT_NEXT_STEP))
        self.headline_label = _label()
        self.headline_label.setFont(theme.scaled_font(self.headline_label, 1.35, bold=True))
        self.reason_label = _label()
        self.log_call_button = QPushButton(
            icons.icon("phone_call", theme.colours().on_accent), tr(TEXT_LOG_CALL)
        )
        self.log_call_button.setObjectName("primary")
        self.log_call_button.clicked.connect(lambda: emit(self.log_call_requested))
        self.cr_button = _secondary(QPushButton(icons.icon("document"), tr(TEXT_WRITE_CR)))
        self.cr_button.clicked.connect(
            lambda: emit(self.letter_requested, LETTER_CUSTOMER_RELATIONS)
        )
        self.exec_button = _secondary(QPushButton(icons.icon("document"), tr(TEXT_WRITE_EXEC)))
        self.exec_button.clicked.connect(lambda: emit(self.letter_requested, LETTER_EXECUTIVE))
        buttons_row = QWidget()
        buttons = FlowLayout(buttons_row, spacing=theme.SPACE_M)  # wrap rather than squeeze
        buttons.addWidget(self.log_call_button)
        buttons.addWidget(self.cr_button)
        buttons.addWidget(self.exec_button)
        self.next_card.body.addWidget(self.headline_label)
        self.next_card.body.addWidget(self.reason_label)
        self.next_card.body.addSpacing(theme.SPACE_S)
        self.next_card.body.addWidget(buttons_row)

        self.contact_card = Card(tr(TEXT_CONTACT))
        self.contact_panel = ContactPanel()
        self.contact_card.body.addWidget(self.contact_panel)

        self.ready_card = Card(tr(TEXT_READY))
        self.ready_label = _label(rich=True)
        self.ready_card.body.addWidget(self.ready_label)
        self.say_card = Card(tr(TEXT_SAY))
        self.say_label = _label(rich=True)
        self.say_card.body.addWidget(self.say_label)
        # Side by side, or one under the other when narrow (larger text).
        lists = AdaptiveRow(text_px(600), theme.SPACE_L)
        lists.box.addWidget(self.ready_card, 2, Qt.AlignmentFlag.AlignTop)
        lists.box.addWidget(self.say_card, 3, Qt.AlignmentFlag.AlignTop)

        self.empty_label = theme.muted(_label(tr(TEXT_NO_CASE)))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE_L)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.stand_card)
        layout.addWidget(self.due_box)
        layout.addWidget(self.next_card)
        layout.addWidget(self.contact_card)
        layout.addWidget(lists)
        layout.addStretch(1)
        self._parts: list[QWidget] = [
            self.stand_card,
            self.due_box,
            self.next_card,
            self.contact_card,
            self.ready_card,
            self.say_card,
        ]
        self.set_case(None, date.today())

    # -- the contract ------------------------------------------------------------------------

    def set_case(self, case: Case | None, today: date) -> None:
        self.case = case
        self.empty_label.setVisible(case is None)
        for part in self._parts:
            part.setVisible(case is not None)
        if case is None:
            self.recommendation = None
            return
        rec = recommend(case, today, self.language)
        self.recommendation = rec
        self._show_standing(rec)
        self._show_due(rec.due, today)
        self.headline_label.setText(rec.headline)
        self.reason_label.setText(rec.reason)
        target = rec.target
        self.exec_button.setVisible(
            target is Rung.EXECUTIVE_RELATIONS or rec.standing >= Rung.CUSTOMER_RELATIONS
        )
        self.cr_button.setVisible(target is not None and target >= Rung.SENIOR_ADVISOR)
        self.contact_card.setVisible(target is not None)
        country = case.owner.country or case.purchase.country
        self.contact_panel.show_for(country, target, self.user_zone(), self.clock(), self.language)
        self.ready_label.setText(_bullets([_masked(case, line) for line in rec.have_ready]))
        self.say_label.setText(_bullets(rec.talking_points))
        self.ready_card.setVisible(bool(rec.have_ready))
        self.say_card.setVisible(bool(rec.talking_points))

    # -- parts ---------------------------------------------------------------------------------

    def user_zone(self) -> str:
        zone = self.case.owner.time_zone if self.case is not None else ""
        return zone if zone and choices.is_time_zone(zone) else choices.system_time_zone()

    def _show_standing(self, rec: Recommendation) -> None:
        self.ladder.show_rungs(rec.standing, rec.target)
        words = (
            tr(TEXT_STANDING).format(rung=rung_title(rec.standing, self.language))
            if rec.standing is not Rung.START
            else tr(TEXT_NOT_YET)
        )
        if rec.target is not None and rec.target != rec.standing:
            words += " " + tr(TEXT_NEXT_RUNG).format(rung=rung_title(rec.target, self.language))
        elif rec.target is None:
            words += " " + tr(TEXT_SETTLED)
        self.stand_label.setText(words)
        self.ladder.setAccessibleName(words)

    def set_show_due(self, show: bool) -> None:
        """Leave the follow-ups out of the card when the window shows them already."""
        self.show_due = show
        rec = self.recommendation
        self.due_box.setVisible(show and rec is not None and bool(rec.due))

    def _show_due(self, due: list[ContactEntry], today: date) -> None:
        self.due_box.setVisible(self.show_due and bool(due))
        lines = []
        for entry in due:
            assert entry.next_step_due is not None
            step = entry.next_step or tr(TEXT_FOLLOW_UP)
            if entry.who and entry.case_number:
                step += tr(TEXT_WITH).format(who=entry.who, number=entry.case_number)
            elif entry.who:
                step += tr(TEXT_WITH_WHO).format(who=entry.who)
            if entry.next_step_due < today:
                text = tr(TEXT_OVERDUE).format(date=format_date(entry.next_step_due), step=step)
            else:
                text = tr(TEXT_DUE_TODAY).format(step=step)
            lines.append(text)
        self.due_label.setText(_bullets(lines))

    def due_texts(self) -> list[str]:
        """The follow-up lines as plain text (tests, screen readers)."""
        rec = self.recommendation
        return [e.next_step for e in rec.due] if rec else []


def _masked(case: Case, line: str) -> str:
    """Identifiers masked, as everywhere on screen (the call dialog reveals them)."""
    for value in (case.device.serial, case.device.imei):
        if value:
            line = line.replace(value, mask(value))
    return line


def _label(text: str = "", *, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _bullets(lines: list[str]) -> str:
    """A hanging-indent list (a table, so a wrapped line stays under its text)."""
    rows = "".join(
        f'<tr><td style="padding-right:8px">•</td><td style="padding-bottom:5px">'
        f"{html.escape(line)}</td></tr>"
        for line in lines
    )
    return f"<table>{rows}</table>"


def _secondary(button: QPushButton) -> QPushButton:
    button.setObjectName("secondary")
    return button
