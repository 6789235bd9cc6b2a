"""Closing the wizard mid-way keeps a draft; Cancel asks before discarding anything."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.model import CaseStatus
from desktop.ui.main_window import MainWindow
from desktop.ui.wizard.case_wizard import CaseWizard
from desktop.wizard_flow import Step
from tests.ui.conftest import click, click_next, type_text


def start_case(qtbot: QtBot, window: MainWindow) -> CaseWizard:
    window.new_case_action.trigger()
    wizard = window.wizard
    assert isinstance(wizard, CaseWizard)
    type_text(wizard.pages[Step.CASE_TYPE].title_edit, "Keyboard keys stick")
    click_next(qtbot, wizard)
    type_text(wizard.pages[Step.DEVICE].model_edit, "MacBook Air")
    return wizard


def test_closing_the_wizard_mid_way_keeps_a_draft(
    qtbot: QtBot, window: MainWindow, casebook: CaseBook
) -> None:
    wizard = start_case(qtbot, window)
    wizard.close()
    qtbot.waitUntil(lambda: window.wizard is None)

    [draft] = casebook.list_cases()
    assert draft.status is CaseStatus.DRAFT
    assert draft.title == "Keyboard keys stick" and draft.model_name == "MacBook Air"
    assert window.case_list.subtitles() == ["MacBook Air · Draft — not finished"]

    # Resume it from the list: what was typed is back in the wizard.
    window.case_list.select(draft.id)
    assert window.workspace.header.edit_button.text() == "Continue the wizard"
    click(qtbot, window.workspace.header.edit_button)
    resumed = window.wizard
    assert isinstance(resumed, CaseWizard)
    assert resumed.pages[Step.CASE_TYPE].title_edit.text() == "Keyboard keys stick"
    assert resumed.pages[Step.DEVICE].model_edit.text() == "MacBook Air"
    resumed.close()


def test_closing_an_untouched_wizard_saves_nothing(
    qtbot: QtBot, window: MainWindow, casebook: CaseBook
) -> None:
    window.new_case_action.trigger()
    assert window.wizard is not None
    window.wizard.close()
    assert casebook.list_cases() == []


@pytest.mark.parametrize(
    ("answer", "kept"),
    [
        (QMessageBox.StandardButton.Discard, False),
        (QMessageBox.StandardButton.Save, True),
        (QMessageBox.StandardButton.Cancel, None),  # "Continue editing": the wizard stays
    ],
)
def test_cancel_asks_before_discarding(
    qtbot: QtBot,
    window: MainWindow,
    casebook: CaseBook,
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
    kept: bool | None,
) -> None:
    asked: list[str] = []

    def exec_(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box.text())
        return answer

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    wizard = start_case(qtbot, window)
    click(qtbot, wizard.button(CaseWizard.WizardButton.CancelButton))
    assert asked == ["You have started a new case. Keep it as a draft to finish later?"]
    if kept is None:
        assert wizard.isVisible()
        assert casebook.list_cases() == []
        monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Discard)
        wizard.reject()
        return
    assert not wizard.isVisible()
    assert [c.status for c in casebook.list_cases()] == ([CaseStatus.DRAFT] if kept else [])


def test_closing_the_main_window_keeps_the_open_wizard_as_a_draft(
    qtbot: QtBot, window: MainWindow, casebook: CaseBook
) -> None:
    start_case(qtbot, window)
    window.close()
    assert [c.status for c in casebook.list_cases()] == [CaseStatus.DRAFT]
