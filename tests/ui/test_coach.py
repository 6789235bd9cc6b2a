"""The coach card follows the timeline: its advice changes as contacts are added in the editor."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.escalation import Rung
from desktop.model import Outcome, Tier
from desktop.sample import sample_case
from desktop.ui.coach import CoachCard
from desktop.ui.formatting import format_date
from desktop.ui.timeline import TimelineEditor
from tests.ui.conftest import click, type_text
from tests.ui.test_timeline import FakeClock

TODAY = date(2026, 11, 20)


@pytest.fixture
def pair(qtbot: QtBot, casebook: CaseBook) -> tuple[TimelineEditor, CoachCard]:
    case = sample_case()
    case.contacts = []
    casebook.save(case)
    stack = QUndoStack()
    editor = TimelineEditor(casebook, stack)
    editor._test_stack = stack  # type: ignore[attr-defined]
    editor.clock = FakeClock(datetime(2026, 11, 20, 9, 0, tzinfo=UTC))
    coach = CoachCard()
    coach.clock = editor.clock
    qtbot.addWidget(editor)
    qtbot.addWidget(coach)
    editor.case_changed.connect(lambda: coach.set_case(editor.case, TODAY))
    loaded = casebook.load(case.id)
    editor.set_case(loaded)
    coach.set_case(loaded, TODAY)
    editor.resize(1200, 780)
    editor.show()
    coach.show()
    return editor, coach


def log(qtbot: QtBot, editor: TimelineEditor, tier: Tier, outcome: Outcome, who: str) -> None:
    click(qtbot, editor.add_button)
    # The form appears under the table (it is hidden while there are no contacts).
    qtbot.waitUntil(lambda: editor.save_button.isVisible() and editor.save_button.width() > 0)
    editor.form.tier_combo.set_code(tier.value)
    type_text(editor.form.who_edit, who)
    editor.form.outcome_combo.set_code(outcome.value)
    click(qtbot, editor.save_button)


def test_the_advice_climbs_the_ladder_as_the_timeline_grows(
    qtbot: QtBot, pair: tuple[TimelineEditor, CoachCard]
) -> None:
    editor, coach = pair
    assert coach.headline_label.text() == "Book the Genius Bar, or call Apple Support"
    assert coach.ladder.standing is Rung.START
    assert coach.stand_label.text().startswith("No contact with Apple logged yet.")
    assert not coach.cr_button.isVisible()

    log(qtbot, editor, Tier.APPLE_STORE, Outcome.REFUSED, "Genius Bar")
    assert coach.headline_label.text() == "Call AppleCare and ask for a CS code"
    assert coach.ladder.standing is Rung.APPLE_STORE and coach.ladder.target is Rung.APPLECARE

    log(qtbot, editor, Tier.APPLECARE, Outcome.REFUSED, "Advisor Jonas")
    assert coach.headline_label.text() == "Ask for a senior advisor"
    assert "Next: Senior advisor." in coach.stand_label.text()

    log(qtbot, editor, Tier.SENIOR_ADVISOR, Outcome.REFUSED, "Мария К.")
    assert coach.headline_label.text() == "Ask for Customer Relations"
    assert "2 refusals" in coach.reason_label.text()
    assert coach.cr_button.isVisible()

    log(qtbot, editor, Tier.CUSTOMER_RELATIONS, Outcome.REFUSED, "Customer Relations")
    assert coach.headline_label.text() == "Write to the executive team"
    assert coach.exec_button.isVisible()
    asked: list[str] = []
    coach.letter_requested.connect(asked.append)
    click(qtbot, coach.exec_button)
    assert asked == ["executive"]

    # Undo takes the advice back down a rung.
    click(qtbot, editor.undo_button)
    assert coach.headline_label.text() == "Ask for Customer Relations"


def test_whom_to_call_with_hours_source_authority_and_a_scam_warning(
    qtbot: QtBot, pair: tuple[TimelineEditor, CoachCard]
) -> None:
    editor, coach = pair
    case = editor.case
    assert case is not None
    case.owner.country, case.owner.time_zone = "IN", "Asia/Kolkata"
    coach.set_case(case, TODAY)
    panel = coach.contact_panel
    [line] = panel.line_texts
    assert line.startswith("1800 4250 744 Apple Support (AppleCare)")
    assert "Open now, until" in line and "your time" in line and "seen 20" in line
    assert "support.apple.com/contact is the authority" in panel.authority_label.text()
    assert 'href="https://getsupport.apple.com"' in panel.links_label.text()
    assert panel.links_label.isVisibleTo(coach)
    assert "never asks for your Apple Account password" in panel.scam_text.text()
    # Identifiers are masked on the card.
    assert (
        "H7XQ2LM9VR" not in coach.ready_label.text() and "•••••••M9VR" in coach.ready_label.text()
    )
    requested: list[None] = []
    coach.log_call_requested.connect(lambda: requested.append(None))
    click(qtbot, coach.log_call_button)
    assert requested == [None]


def test_overdue_follow_ups_are_shown(qtbot: QtBot) -> None:
    coach = CoachCard()
    qtbot.addWidget(coach)
    coach.set_case(sample_case(), TODAY)
    assert coach.due_box.isVisibleTo(coach)
    assert f"Overdue since {format_date(date(2026, 11, 16))}" in coach.due_label.text()
    coach.set_show_due(False)  # the window lists them elsewhere
    assert not coach.due_box.isVisibleTo(coach)
    coach.set_case(None, TODAY)
    assert coach.empty_label.isVisibleTo(coach) and not coach.next_card.isVisibleTo(coach)


def test_the_advice_speaks_the_language_it_is_given(qtbot: QtBot) -> None:
    coach = CoachCard()
    qtbot.addWidget(coach)
    case = sample_case()
    case.contacts = []
    coach.language = "de"
    coach.set_case(case, TODAY)
    assert coach.headline_label.text() == (
        "Termin an der Genius Bar buchen oder Apple Support anrufen"
    )
    coach.language = "en"
    coach.set_case(case, TODAY)
    assert coach.headline_label.text() == "Book the Genius Bar, or call Apple Support"
