"""Preferences > Display > Text size: saved, applied at the next start (the environment's
CASE_DOSSIER_TEXT_SCALE wins), and a change offers a restart."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

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


def test_a_new_text_size_offers_a_restart(
    make_window: Callable[[CaseBook], MainWindow],
    casebook: CaseBook,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window = make_window(casebook)
    asked: list[str] = []

    def exec_(dialog: SettingsDialog) -> int:
        dialog.text_size_combo.setCurrentIndex(dialog.text_size_combo.findData(200))
        dialog.accept()
        return QDialog.DialogCode.Accepted

    def ask(_window: MainWindow, why: str = "") -> bool:
        asked.append(why)
        return False  # "Later"

    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    monkeypatch.setattr(MainWindow, "ask_restart", ask)
    window.actions_.preferences.trigger()
    assert len(asked) == 1 and "text size" in asked[0]
    window.actions_.preferences.trigger()  # the same size again: nothing to restart for
    assert len(asked) == 1
