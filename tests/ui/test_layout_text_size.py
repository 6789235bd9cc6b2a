"""Preferences > Display > Text size: saved, applied at start (the environment's
CASE_DOSSIER_TEXT_SCALE wins), and a change applies at once, without a restart."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.ui import app as app_module
from desktop.ui import preferences
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_dialog import SettingsDialog


@pytest.fixture
def font_kept(qapp: QApplication) -> Iterator[QApplication]:
    font = QFont(qapp.font())
    try:
        yield qapp
    finally:
        qapp.setFont(font)


def test_the_choice_is_saved_and_read_back(qtbot: QtBot, settings: QSettings) -> None:
    assert preferences.text_size(settings) == 100
    dialog = SettingsDialog(settings, None)
    qtbot.addWidget(dialog)
    assert dialog.text_size_combo.currentData() == 100
    assert [dialog.text_size_combo.itemText(i) for i in range(5)][-1] == "200%"
    dialog.text_size_combo.setCurrentIndex(dialog.text_size_combo.findData(150))
    dialog.accept()
    assert dialog.text_size_changed
    assert preferences.text_size(settings) == 150
    settings.setValue(preferences.TEXT_SIZE, "huge")
    assert preferences.text_size(settings) == 100  # damaged: the default


def test_applied_at_start_unless_the_environment_says(
    font_kept: QApplication, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = font_kept.font().pointSizeF()
    settings.setValue(preferences.TEXT_SIZE, 150)
    monkeypatch.setenv(app_module.TEXT_SCALE_ENV, "2")
    app_module.apply_text_size(font_kept, settings)
    assert font_kept.font().pointSizeF() == pytest.approx(before)  # the variable's turn
    monkeypatch.delenv(app_module.TEXT_SCALE_ENV)
    app_module.apply_text_size(font_kept, settings)
    assert font_kept.font().pointSizeF() == pytest.approx(1.5 * before)


def test_a_new_text_size_applies_at_once(
    qtbot: QtBot,
    font_kept: QApplication,
    make_window: Callable[[CaseBook], MainWindow],
    casebook: CaseBook,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No restart: the application's font grows and the window is built again with it
    (widths that follow the text, fonts set from the widget's, are computed anew)."""
    from desktop.sample import sample_case

    casebook.save(sample_case())
    window = make_window(casebook)
    before = font_kept.font().pointSizeF()
    old_tabs = window.workspace.tabs
    chosen = iter([200, 200, 100])

    def exec_(dialog: SettingsDialog) -> int:
        dialog.text_size_combo.setCurrentIndex(dialog.text_size_combo.findData(next(chosen)))
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    window.actions_.preferences.trigger()
    qtbot.wait(10)
    assert font_kept.font().pointSizeF() == pytest.approx(2 * before)
    assert window.isVisible() and window.workspace.tabs is not old_tabs
    assert window.current_case is not None  # the same case shown again
    assert window.statusBar().currentMessage().startswith("The new text size is in use.")
    assert window.workspace.tabs.tabBar().font().pointSizeF() == pytest.approx(2 * before)
    rebuilt = window.workspace.tabs
    window.actions_.preferences.trigger()  # the same size again: nothing to rebuild
    assert window.workspace.tabs is rebuilt
    window.actions_.preferences.trigger()
    assert font_kept.font().pointSizeF() == pytest.approx(before)
