"""The main window: welcome view, case list, deleting, menus, remembered geometry."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.model import Case, CaseStatus, Device, DeviceKind
from desktop.sample import sample_case
from desktop.ui.dossier_names import default_dossier_name
from desktop.ui.main_window import MainWindow
from desktop.ui.widgets.accessible import spoken
from tests.memory_keyring import MemoryKeyring
from tests.ui.conftest import click


def test_first_start_shows_the_welcome_view(window: MainWindow) -> None:
    assert window.content.currentWidget() is window.welcome
    assert not window.case_list.isVisible()
    assert spoken(window.welcome.prepare_button.text()) == "Prepare a case"
    assert "never in plain files" in window.welcome.keychain_note.text()
    assert window.vault_status_text().startswith("Secrets in ")
    assert not window.banner.isVisible()
    assert not window.create_dossier_action.isEnabled()


def test_cases_are_listed_with_their_status_in_words(
    casebook: CaseBook, make_window: Callable[[CaseBook], MainWindow]
) -> None:
    casebook.save(sample_case())
    casebook.save(Case(title="Refund", device=Device(kind=DeviceKind.OTHER)))
    window = make_window(casebook)
    sample = sample_case()
    model = sample.device.model_name
    for today, status in [
        (date(2026, 11, 12), "Out of Apple's warranty by 53 days"),
        (date(2026, 11, 15), "Callback due tomorrow"),  # the senior advisor's callback
        (date(2026, 11, 16), "Callback due today"),
        (date(2026, 11, 19), "Follow-up overdue by 3 days"),
    ]:
        window.today = lambda today=today: today
        window.refresh_cases()
        subtitles = dict(zip(window.case_list.titles(), window.case_list.subtitles(), strict=True))
        assert subtitles[sample.title] == f"{model} · {status}"
        assert subtitles["Refund"] == "Other · Draft — not finished"


def test_identifiers_are_masked_with_show_and_copy(
    qtbot: QtBot, casebook: CaseBook, make_window: Callable[[CaseBook], MainWindow]
) -> None:
    case = sample_case()
    casebook.save(case)
    window = make_window(casebook)
    window.case_list.select(case.id)
    serial = window.workspace.overview.identifiers.masked["serial"]
    assert serial.shown_text() == "•••••••" + case.device.serial[-4:]
    click(qtbot, serial.reveal_button)
    assert serial.shown_text() == case.device.serial
    assert serial.reveal_button.text() == "Hide"
    click(qtbot, serial.copy_button)
    assert QApplication.clipboard().text() == case.device.serial
    assert window.statusBar().currentMessage() == "Serial number copied"


@pytest.mark.parametrize("confirm", [True, False])
def test_deleting_a_case_asks_first(
    casebook: CaseBook,
    make_window: Callable[[CaseBook], MainWindow],
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    confirm: bool,
) -> None:
    keep = Case(title="Keep me", status=CaseStatus.OPEN)
    doomed = Case(title="Delete me", device=Device(serial="F2LXK1ABJGH5"), status=CaseStatus.OPEN)
    casebook.save(keep)
    casebook.save(doomed)
    window = make_window(casebook)
    window.case_list.select(doomed.id)
    questions: list[str] = []

    def exec_(box: QMessageBox) -> QMessageBox.StandardButton:
        questions.append(box.text())
        return QMessageBox.StandardButton.Yes if confirm else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    window.delete_case_action.trigger()

    assert questions == ["Delete “Delete me”?"]
    users = {user for _service, user in memory_keyring.entries}
    if confirm:
        assert window.case_list.titles() == ["Keep me"]
        assert [c.id for c in casebook.list_cases()] == [keep.id]
        assert not any(user.startswith(doomed.id) for user in users)
    else:
        assert sorted(window.case_list.titles()) == ["Delete me", "Keep me"]
        assert f"{doomed.id}/device.serial" in users


def test_deleting_the_last_case_returns_to_the_welcome_view(
    casebook: CaseBook,
    make_window: Callable[[CaseBook], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    casebook.save(Case(title="Only one", status=CaseStatus.OPEN))
    window = make_window(casebook)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Yes)
    window.delete_case_action.trigger()
    assert window.content.currentWidget() is window.welcome
    assert not window.delete_case_action.isEnabled()


def test_window_geometry_is_remembered(
    qtbot: QtBot, casebook: CaseBook, settings: QSettings
) -> None:
    first = MainWindow(casebook, settings=settings)
    qtbot.addWidget(first)
    first.resize(780, 560)  # the offscreen screen is 800×600: restoring clamps to it
    first.show()
    first.close()
    second = MainWindow(casebook, settings=settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (780, 560)
    keys = settings.allKeys()
    assert keys and all(key.startswith("mainWindow/") for key in keys)  # UI state only


def test_menus_have_the_expected_actions(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Case", "&Help"]
    a = window.actions_
    shortcuts = {
        a.new_case: "Ctrl+N",
        a.create_dossier: "Ctrl+D",
        a.log_call: "Ctrl+L",
        a.print_dossier: "Ctrl+P",
        a.find: "Ctrl+F",
        a.undo: "Ctrl+Z",
    }
    for action, keys in shortcuts.items():
        assert action.shortcut().toString() == keys, action.text()
    assert a.redo.shortcuts(), "Redo has the platform's shortcut"
    assert a.preferences.shortcuts(), "Preferences has a shortcut"
    case = sample_case()
    assert default_dossier_name(case, date(2026, 11, 22)) == (
        f"Dossier - {case.device.model_name} - 102938475610 - 2026-11-22.pdf"
    )
    assert default_dossier_name(Case(), date(2026, 11, 22), redacted=True) == (
        "Dossier - iPhone - 2026-11-22 (redacted).pdf"
    )


def test_help_menu_about_and_data_folder(
    window: MainWindow, casebook: CaseBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop import __version__
    from desktop.ui import main_window
    from desktop.ui.about_dialog import AboutDialog

    shown: list[str] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda dialog: shown.append(dialog.text()))
    window.about_action.trigger()
    assert __version__ in shown[0]
    assert "not affiliated with Apple Inc." in shown[0]
    for licence in ("Kurinto Sans", "SIL Open Font License 1.1", "GNU LGPL v3", "keyring"):
        assert licence in shown[0]

    opened: list[object] = []
    monkeypatch.setattr(main_window, "open_folder", opened.append)
    window.open_data_action.trigger()
    assert opened == [casebook.attachments_dir.parent]
