"""The timeline editor used as a person would: add, change, delete and undo contacts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.model import Case, Outcome, Tier
from desktop.sample import sample_case
from desktop.ui.timeline import TimelineEditor
from desktop.ui.timeline.table_model import COL_DUE, COL_WHO
from tests.ui.conftest import clear_line, click, type_text

NOW = datetime(2026, 11, 20, 14, 30, tzinfo=UTC)  # 15:30 in Berlin


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: int) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def saved_case(casebook: CaseBook) -> Case:
    case = sample_case()
    casebook.save(case)
    return casebook.load(case.id)


@pytest.fixture
def editor(qtbot: QtBot, casebook: CaseBook, saved_case: Case, clock: FakeClock) -> TimelineEditor:
    stack = QUndoStack()
    widget = TimelineEditor(casebook, stack)
    widget._test_stack = stack  # type: ignore[attr-defined]  # kept alive with the widget
    qtbot.addWidget(widget)
    widget.clock = clock
    widget.set_case(saved_case)
    widget.resize(1200, 780)
    widget.show()
    return widget


def select_row(qtbot: QtBot, editor: TimelineEditor, row: int) -> None:
    index = editor.model.index(row, COL_WHO)
    rect = editor.table.visualRect(index)
    qtbot.mouseClick(editor.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def stored(casebook: CaseBook, case: Case) -> Case:
    return casebook.load(case.id)


def test_add_change_delete_and_undo_as_a_user(
    qtbot: QtBot,
    editor: TimelineEditor,
    casebook: CaseBook,
    saved_case: Case,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    changes: list[None] = []
    editor.case_changed.connect(lambda: changes.append(None))
    assert editor.model.rowCount() == 3
    assert "overdue" in editor.model.index(2, COL_DUE).data()

    # Add: the form starts stamped now, in the owner's zone, with the last case number.
    click(qtbot, editor.add_button)
    form = editor.form
    assert editor.detail_title.text() == "New contact"
    assert form.zone_text() == "Europe/Berlin"
    assert form.time_edit.time().toString("HH:mm") == "15:30"
    assert form.case_number_edit.text() == "102938475610"
    form.tier_combo.set_code(Tier.CUSTOMER_RELATIONS.value)
    type_text(form.who_edit, "Ирина Соколова")
    type_text(form.advisor_edit, "CR-2291")
    type_text(form.cs_code_edit, "CS998877")
    type_text(form.cs_amount_edit, "379,00")
    form.cs_currency_combo.setCurrentText("EUR")
    type_text(form.notes_edit, "Approved the display repair with a CS code.")
    form.outcome_combo.set_code(Outcome.RESOLVED.value)
    click(qtbot, editor.save_button)

    case = stored(casebook, saved_case)
    assert len(case.contacts) == 4
    added = case.timeline()[-1]
    assert added.who == "Ирина Соколова" and added.advisor_id == "CR-2291"
    assert added.cs_code == "CS998877" and added.cs_amount == Decimal("379.00")
    assert added.cs_currency == "EUR" and added.outcome is Outcome.RESOLVED
    assert added.time_zone == "Europe/Berlin"
    assert added.at == datetime(2026, 11, 20, 14, 30, tzinfo=UTC)
    assert editor.model.rowCount() == 4 and len(changes) == 1
    assert editor.selected_entry() is not None and editor.selected_entry().id == added.id

    # Change the first contact: clicking another row saves the change.
    select_row(qtbot, editor, 0)
    assert editor.form.who_edit.text().startswith("Service desk")
    clear_line(qtbot, editor.form.case_number_edit)
    type_text(editor.form.case_number_edit, "55501")
    assert editor.save_button.isEnabled()
    select_row(qtbot, editor, 1)
    assert stored(casebook, saved_case).timeline()[0].case_number == "55501"
    assert editor.form.who_edit.text() == "Advisor Jonas (ID 4471)"  # the row clicked

    # Delete asks first; "Keep it" keeps it.
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "exec", lambda box: next(answers))
    doomed = editor.selected_entry()
    assert doomed is not None
    click(qtbot, editor.delete_button)
    assert len(stored(casebook, saved_case).contacts) == 4
    click(qtbot, editor.delete_button)
    assert doomed.id not in {e.id for e in stored(casebook, saved_case).contacts}
    assert editor.model.rowCount() == 3

    # Undo brings it back, saved.
    assert editor.undo_button.isEnabled()
    click(qtbot, editor.undo_button)
    back = stored(casebook, saved_case)
    assert doomed.id in {e.id for e in back.contacts}
    assert editor.selected_entry() is not None and editor.selected_entry().id == doomed.id
    click(qtbot, editor.redo_button)
    assert len(stored(casebook, saved_case).contacts) == 3


def test_duplicate_and_filter_by_tier(
    qtbot: QtBot, editor: TimelineEditor, casebook: CaseBook, saved_case: Case
) -> None:
    select_row(qtbot, editor, 1)
    click(qtbot, editor.duplicate_button)
    case = stored(casebook, saved_case)
    assert len(case.contacts) == 4
    twin = case.timeline()[-1]
    assert twin.who == "Advisor Jonas (ID 4471)" and twin.at == NOW
    editor.set_tier_filter(Tier.APPLECARE)
    assert editor.model.rowCount() == 2
    assert {e.tier for e in editor.model.entries} == {Tier.APPLECARE}
    editor.set_tier_filter(None)
    assert editor.model.rowCount() == 4


def test_errors_in_words_block_saving_and_long_notes_are_fine(
    qtbot: QtBot, editor: TimelineEditor, casebook: CaseBook, saved_case: Case
) -> None:
    click(qtbot, editor.add_button)
    form = editor.form
    form.zone_combo.setCurrentText("")
    type_text(form.zone_combo.lineEdit(), "Europe/Berln")
    type_text(form.cs_amount_edit, "a lot")
    problems = " ".join(form.problems())
    assert "“Europe/Berln” is not a time zone" in problems
    assert "The amount is not a number" in problems
    click(qtbot, editor.save_button)
    assert len(stored(casebook, saved_case).contacts) == 3
    assert form.zone_message.isVisible() and form.cs_message.isVisible()

    form.zone_combo.setCurrentText("America/New_York")
    form.cs_amount_edit.clear()
    long_notes = "They said: " + "x" * 50_000
    form.notes_edit.setPlainText(long_notes)
    assert form.problems() == []
    click(qtbot, editor.save_button)
    added = stored(casebook, saved_case).timeline()[-1]
    assert added.notes == long_notes and added.time_zone == "America/New_York"
    assert added.at == datetime(2026, 11, 20, 15, 30, tzinfo=added.at.tzinfo)


def test_a_follow_up_goes_to_the_calendar(
    qtbot: QtBot, editor: TimelineEditor, tmp_path: Path
) -> None:
    select_row(qtbot, editor, 2)
    assert editor.calendar_button.isVisible()
    target = tmp_path / "follow-up.ics"
    offered: list[str] = []

    def ask_save_path(name: str) -> Path:
        offered.append(name)
        return target

    editor.ask_save_path = ask_save_path  # type: ignore[method-assign]
    click(qtbot, editor.calendar_button)
    text = target.read_text()
    assert "BEGIN:VCALENDAR" in text and "DTSTART;VALUE=DATE:20261116" in text
    assert offered[0].endswith("2026-11-16.ics")
    assert "Saved “follow-up.ics”" in editor.message.text()
    select_row(qtbot, editor, 0)  # no due date: nothing to add to a calendar
    assert not editor.calendar_button.isVisible()


def test_a_contact_keeps_its_files(
    qtbot: QtBot, editor: TimelineEditor, casebook: CaseBook, saved_case: Case, tmp_path: Path
) -> None:
    shot = tmp_path / "chat.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n")
    editor.ask_files = lambda: [shot]  # type: ignore[method-assign]
    select_row(qtbot, editor, 1)
    click(qtbot, editor.form.files.add_button)
    click(qtbot, editor.save_button)
    entry = stored(casebook, saved_case).timeline()[1]
    assert [a.file_name for a in entry.attachments] == ["chat.png"]
    assert casebook.attachment_path(entry.attachments[0]).exists()
    assert date(2026, 10, 6) == entry.at.date()


def test_leaving_a_contact_with_an_error_asks(
    qtbot: QtBot,
    editor: TimelineEditor,
    casebook: CaseBook,
    saved_case: Case,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    select_row(qtbot, editor, 0)
    editor.form.zone_combo.setCurrentText("")
    type_text(editor.form.zone_combo.lineEdit(), "Mars/Olympus")
    asked: list[str] = []

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box.text())
        return (
            QMessageBox.StandardButton.Cancel
            if len(asked) == 1
            else QMessageBox.StandardButton.Discard
        )

    monkeypatch.setattr(QMessageBox, "exec", answer)
    select_row(qtbot, editor, 2)
    assert "“Mars/Olympus” is not a time zone" in asked[0]
    assert editor.form.zone_text() == "Mars/Olympus"  # kept editing the same contact
    assert editor.selected_entry() is not None and editor.selected_entry().who.startswith("Service")
    select_row(qtbot, editor, 2)
    assert editor.form.who_edit.text() == "Senior advisor Maria K."
    assert stored(casebook, saved_case).timeline()[0].time_zone == ""  # nothing saved
