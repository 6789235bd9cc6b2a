"""The Details tab saves edits as you type, checks identifiers like the wizard, and every
edit can be undone and redone from the Edit menu."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.model import Case, CaseStatus, CaseType
from desktop.sample import sample_case
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import clear_line, type_text


def test_an_edit_is_saved_and_can_be_undone_and_redone(
    qtbot: QtBot, casebook: CaseBook, make_window: Callable[[CaseBook], MainWindow]
) -> None:
    case = sample_case()
    casebook.save(case)
    window = make_window(casebook)
    details = window.workspace.details
    window.workspace.show_tab(details)
    assert not window.undo_action.isEnabled()

    title = details.title_edit
    clear_line(qtbot, title)
    type_text(title, "Display goes green")
    qtbot.keyClick(title, Qt.Key.Key_Return)  # editing finished: saved at once
    assert casebook.load(case.id).title == "Display goes green"
    assert window.case_list.titles() == ["Display goes green"]
    assert window.workspace.header.title_label.text() == "Display goes green"
    assert window.saved_label.text().startswith("✓ Saved")
    assert window.undo_action.text() == "&Undo Change “Name of the case”"

    # A choice is saved at once, as its own step.
    kind = details.bindings["case_type"].widget
    kind.setCurrentIndex(kind.findData(CaseType.SOFTWARE.value))
    kind.activated.emit(kind.currentIndex())
    assert casebook.load(case.id).case_type is CaseType.SOFTWARE

    window.undo_action.trigger()
    assert casebook.load(case.id).case_type is CaseType.HARDWARE
    window.undo_action.trigger()
    assert casebook.load(case.id).title == case.title
    assert title.text() == case.title  # the field shows the undone value
    assert not window.undo_action.isEnabled()

    window.redo_action.trigger()
    assert casebook.load(case.id).title == "Display goes green"
    assert title.text() == "Display goes green"
    assert window.redo_action.text() == "&Redo Change “Kind of case”"


def test_typing_pauses_save_and_identifiers_are_checked(
    qtbot: QtBot, casebook: CaseBook, make_window: Callable[[CaseBook], MainWindow]
) -> None:
    case = sample_case()
    casebook.save(case)
    window = make_window(casebook)
    details = window.workspace.details
    serial = details.serial_edit
    binding = details.bindings["device.serial"]

    clear_line(qtbot, serial)
    type_text(serial, "C02XK1ABJGH")  # 11 characters: an old serial, or a typo
    assert binding.message.isVisibleTo(details)
    assert binding.message.text()  # a verdict in words, as in the wizard

    clear_line(qtbot, serial)
    type_text(serial, "f2lxk1abjgh5")
    qtbot.waitUntil(lambda: casebook.load(case.id).device.serial == "F2LXK1ABJGH5", timeout=5000)
    # Secrets go to the keyring, as everywhere.
    assert casebook.vault.get(case.id, "device.serial") == "F2LXK1ABJGH5"


def test_undo_history_belongs_to_each_case(
    qtbot: QtBot, casebook: CaseBook, make_window: Callable[[CaseBook], MainWindow]
) -> None:
    first, second = sample_case(), Case(title="Second case", status=CaseStatus.OPEN)
    casebook.save(first)
    casebook.save(second)
    window = make_window(casebook)
    window.today = lambda: date(2026, 11, 12)
    window.case_list.select(first.id)
    purchase = window.workspace.details.bindings["purchase.seller"].widget
    clear_line(qtbot, purchase)
    type_text(purchase, "Apple Store Berlin")
    qtbot.keyClick(purchase, Qt.Key.Key_Return)
    assert window.undo_action.isEnabled()

    window.case_list.select(second.id)
    assert not window.undo_action.isEnabled()  # the second case has no history yet
    window.case_list.select(first.id)
    window.undo_action.trigger()
    assert casebook.load(first.id).purchase.seller == first.purchase.seller


def test_earlier_repairs_and_programs_are_edited_in_place(
    qtbot: QtBot, casebook: CaseBook, make_window: Callable[[CaseBook], MainWindow]
) -> None:
    case = sample_case()
    casebook.save(case)
    window = make_window(casebook)
    details = window.workspace.details
    repairs = details.rows["repairs"]
    repairs.add_button.click()
    [row] = repairs.rows
    type_text(row.place_edit, "Apple Store Rosenthaler Straße")
    type_text(row.what_edit, "Battery replaced")
    details.flush()  # what switching tabs or cases does; otherwise a pause in typing
    [repair] = casebook.load(case.id).repairs
    assert (repair.place, repair.what) == ("Apple Store Rosenthaler Straße", "Battery replaced")

    details.programs.boxes["iphone12_no_sound"].click()
    assert casebook.load(case.id).repair_programs == ["iphone12_no_sound"]
    window.undo_action.trigger()
    window.undo_action.trigger()
    saved = casebook.load(case.id)
    assert saved.repairs == [] and saved.repair_programs == []
    assert repairs.rows == []
