"""Log a call: stamped now, timed on an injected clock, key facts shown, Stop fills the duration."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.model import Case, Channel, Outcome, Tier
from desktop.sample import sample_case
from desktop.ui.timeline import TimelineEditor
from desktop.ui.timeline.log_call import LogCallDialog
from tests.ui.conftest import click, type_text
from tests.ui.test_timeline import FakeClock

START = datetime(2026, 11, 20, 8, 59, 30, tzinfo=UTC)


@pytest.fixture
def setup(qtbot: QtBot, casebook: CaseBook) -> tuple[TimelineEditor, Case, FakeClock]:
    case = sample_case()
    casebook.save(case)
    case = casebook.load(case.id)
    stack = QUndoStack()
    editor = TimelineEditor(casebook, stack)
    editor._test_stack = stack  # type: ignore[attr-defined]
    qtbot.addWidget(editor)
    clock = FakeClock(START)
    editor.clock = clock
    editor.set_case(case)
    editor.show()
    return editor, case, clock


def test_log_a_call_with_the_timer(
    qtbot: QtBot, setup: tuple[TimelineEditor, Case, FakeClock], casebook: CaseBook
) -> None:
    editor, case, clock = setup
    click(qtbot, editor.log_call_button)
    dialog = editor.call_dialog
    assert isinstance(dialog, LogCallDialog)
    qtbot.waitExposed(dialog)

    # The key facts, and the entry stamped now in the owner's zone.
    assert dialog.serial_value.shown_text() == "H7XQ2LM9VR"
    assert dialog.case_number_label.text() == "102938475610"
    assert "Call back" in dialog.ask_label.text()
    assert dialog.state_label.text() == "Call running since 09:59 (Europe/Berlin)"
    assert dialog.form.tier_combo.code() == Tier.SENIOR_ADVISOR.value
    assert dialog.timer_label.text() == "00:00"

    clock.advance(65)
    dialog.tick()
    assert dialog.timer_label.text() == "01:05"
    type_text(dialog.form.notes_edit, "Senior advisor: repair approved under the EU guarantee.")
    type_text(dialog.form.who_edit, "Maria K.")
    dialog.form.outcome_combo.set_code(Outcome.RESOLVED.value)
    clock.advance(689)
    click(qtbot, dialog.stop_button)
    assert dialog.timer_label.text() == "12:34"
    assert dialog.state_label.text() == "Call ended. Duration: 12 min 34 s"
    clock.advance(300)  # writing the notes after the call does not count
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: editor.call_dialog is None)

    logged = casebook.load(case.id).timeline()[-1]
    assert logged.at == START and logged.time_zone == "Europe/Berlin"
    assert logged.duration_seconds == 754 and logged.channel is Channel.PHONE
    assert logged.who == "Maria K." and logged.outcome is Outcome.RESOLVED
    assert logged.case_number == "102938475610"
    assert editor.model.rowCount() == 4
    assert editor.undo_stack.undoText() == "Log call"


def test_cancelling_a_call_with_notes_asks_first(
    qtbot: QtBot,
    setup: tuple[TimelineEditor, Case, FakeClock],
    casebook: CaseBook,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    editor, case, _clock = setup
    editor.log_call()
    dialog = editor.call_dialog
    assert isinstance(dialog, LogCallDialog)
    type_text(dialog.form.notes_edit, "Half a note")
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard])
    monkeypatch.setattr(QMessageBox, "exec", lambda box: next(answers))
    click(qtbot, dialog.cancel_button)
    assert editor.call_dialog is dialog and dialog.isVisible()
    click(qtbot, dialog.cancel_button)
    qtbot.waitUntil(lambda: editor.call_dialog is None)
    assert len(casebook.load(case.id).contacts) == 3


def test_a_call_stays_with_its_case_when_another_case_is_shown(
    qtbot: QtBot, setup: tuple[TimelineEditor, Case, FakeClock], casebook: CaseBook
) -> None:
    editor, case, _clock = setup
    editor.log_call()
    dialog = editor.call_dialog
    assert isinstance(dialog, LogCallDialog)
    other = sample_case()
    other.id, other.contacts = "f" * 32, []
    casebook.save(other)
    editor.set_case(casebook.load(other.id))
    type_text(dialog.form.notes_edit, "Logged for the first case.")
    click(qtbot, dialog.save_button)
    assert casebook.load(case.id).timeline()[-1].notes == "Logged for the first case."
    assert casebook.load(other.id).contacts == []
