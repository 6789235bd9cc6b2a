"""Cases as a user meets them over weeks: the sample from the welcome view, finding a
case in the list, closing one with its outcome and reopening it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.model import Case, CaseStatus, Device, DeviceKind, Resolution
from desktop.sample import sample_case
from desktop.ui.close_case_dialog import CloseCaseDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.sample_case_file import sample_case_path
from tests.ui.conftest import click, type_text

TODAY = date(2026, 11, 12)


def test_the_sample_case_opens_from_the_welcome_view(
    qtbot: QtBot, window: MainWindow, casebook: CaseBook
) -> None:
    assert window.content.currentWidget() is window.welcome
    click(qtbot, window.welcome.sample_button)

    [summary] = casebook.list_cases()
    sample = sample_case()
    assert summary.title == sample.title
    assert summary.id != sample.id  # a copy with fresh ids: it can be opened again
    assert window.content.currentWidget() is window.workspace
    assert window.case_list.titles() == [sample.title]
    case = window.current_case
    assert case is not None and case.device.serial == sample.device.serial
    assert len(case.attachments()) == 2
    assert "fictional" in window.statusBar().currentMessage()

    # The file ships inside the package, identical to the one in examples/.
    shipped = sample_case_path()
    assert shipped is not None and shipped.parent.name == "examples"
    assert "resources" in shipped.parts
    repo_copy = shipped.parents[3] / "examples" / shipped.name
    if repo_copy.is_file():
        assert shipped.read_bytes() == repo_copy.read_bytes()


def test_search_and_filter_the_case_list(
    qtbot: QtBot, casebook: CaseBook, make_window: Callable[[CaseBook], MainWindow]
) -> None:
    casebook.save(sample_case())
    casebook.save(
        Case(
            title="Battery drains fast",
            device=Device(kind=DeviceKind.MAC, model_name="MacBook Air"),
            status=CaseStatus.OPEN,
        )
    )
    casebook.save(Case(title="Refund for an app", status=CaseStatus.CLOSED))
    casebook.save(Case(title="Keyboard keys stick"))  # a draft
    window = make_window(casebook)
    panel = window.case_list
    assert len(panel.titles()) == 4

    type_text(panel.search_edit, "macbook")
    assert panel.titles() == ["Battery drains fast"]
    assert window.current_case is not None and window.current_case.title == "Battery drains fast"
    panel.search_edit.clear()
    type_text(panel.search_edit, "102938475610")  # a case number from the timeline
    assert panel.titles() == [sample_case().title]
    panel.search_edit.clear()
    type_text(panel.search_edit, "nothing like this")
    assert panel.titles() == []
    assert panel.empty_label.isVisibleTo(panel)
    assert "nothing like this" in panel.empty_label.text()

    panel.search_edit.clear()
    panel.set_filter(CaseStatus.CLOSED)
    assert panel.titles() == ["Refund for an app"]
    panel.set_filter(CaseStatus.DRAFT)
    assert panel.titles() == ["Keyboard keys stick"]
    panel.set_filter(CaseStatus.OPEN)
    assert sorted(panel.titles()) == ["Battery drains fast", sample_case().title]
    window.actions_.find.trigger()  # Ctrl+F: the search box is where typing goes
    assert panel.search_edit.isVisibleTo(window)


def test_the_list_is_sorted_by_last_activity(
    casebook: CaseBook, make_window: Callable[[CaseBook], MainWindow]
) -> None:
    casebook.save(sample_case())
    casebook.save(Case(title="Newer", status=CaseStatus.OPEN))
    window = make_window(casebook)
    assert window.case_list.titles()[0] == "Newer"


@pytest.fixture
def answer_close_dialog(monkeypatch: pytest.MonkeyPatch) -> Callable[..., list[CloseCaseDialog]]:
    """Fill in the close-case dialog as a user would, then press Close case."""
    shown: list[CloseCaseDialog] = []

    def answer(resolution: Resolution, paid: str = "", new_serial: str = "", note: str = ""):
        def exec_(dialog: CloseCaseDialog) -> int:
            shown.append(dialog)
            dialog.set_resolution(resolution)
            type_text(dialog.paid_edit, paid) if paid else None
            dialog.paid_edit.textEdited.emit(dialog.paid_edit.text())
            if new_serial:
                type_text(dialog.serial_edit, new_serial)
            dialog.note_edit.setPlainText(note)
            assert dialog.ok_button.isEnabled()
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(CloseCaseDialog, "exec", exec_)
        return shown

    return answer


def test_close_and_reopen_a_case_with_its_outcome(
    qtbot: QtBot,
    casebook: CaseBook,
    make_window: Callable[[CaseBook], MainWindow],
    answer_close_dialog: Callable[..., list[CloseCaseDialog]],
) -> None:
    case = sample_case()
    casebook.save(case)
    window = make_window(casebook)
    window.today = lambda: TODAY
    window.refresh_cases()
    overview = window.workspace.overview
    assert not any("repair" in label for label in overview.chart.labels())

    shown = answer_close_dialog(Resolution.PARTLY_PAID, paid="89,00", note="Display replaced")
    click(qtbot, window.workspace.header.close_button)
    assert shown and shown[0].warranty_note.isVisibleTo(shown[0])

    saved = casebook.load(case.id)
    assert saved.status is CaseStatus.CLOSED
    assert saved.closure.resolution is Resolution.PARTLY_PAID
    assert saved.closure.paid == Decimal("89.00") and saved.closure.currency == "EUR"
    assert saved.closure.closed_on == TODAY
    assert len(saved.contacts) == len(case.contacts)  # the history stays
    assert window.case_list.subtitles() == [
        f"{case.device.model_name} · Closed: repaired, partly paid"
    ]
    # The repair's own warranty is a coverage layer now: 90 days, or the rest of the original.
    assert any(
        label.startswith("Warranty on Apple's repair: active, 90 days left")
        for label in overview.chart.labels()
    )
    assert window.workspace.header.reopen_button.isVisibleTo(window)
    assert not window.actions_.close_case.isEnabled()

    window.actions_.reopen_case.trigger()
    saved = casebook.load(case.id)
    assert saved.status is CaseStatus.OPEN
    assert saved.closure.resolution is Resolution.PARTLY_PAID  # how it ended stays recorded
    assert window.workspace.header.close_button.isVisibleTo(window)

    window.undo_action.trigger()  # undo the reopening
    assert casebook.load(case.id).status is CaseStatus.CLOSED


def test_a_replacement_keeps_the_new_serial_in_the_keychain(
    qtbot: QtBot,
    casebook: CaseBook,
    make_window: Callable[[CaseBook], MainWindow],
    answer_close_dialog: Callable[..., list[CloseCaseDialog]],
) -> None:
    case = sample_case()
    casebook.save(case)
    window = make_window(casebook)
    answer_close_dialog(Resolution.REPLACED, new_serial="f2lxk1abjgh5")
    window.actions_.close_case.trigger()
    saved = casebook.load(case.id)
    assert saved.closure.new_serial == "F2LXK1ABJGH5"
    assert casebook.vault.get(case.id, "closure.new_serial") == "F2LXK1ABJGH5"
    assert window.case_list.subtitles()[0].endswith("Closed: replaced")
    new_serial = window.workspace.overview.identifiers.masked["new_serial"]
    assert new_serial.isVisibleTo(window) and new_serial.shown_text().endswith("JGH5")
