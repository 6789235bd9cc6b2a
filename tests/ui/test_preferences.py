"""Preferences: defaults for dossiers, where they are saved, what the keychain state means;
and the case actions that reach other tabs (Log a call)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.model import Case, CaseStatus
from desktop.sample import sample_case
from desktop.ui import preferences
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_dialog import SettingsDialog


def test_preferences_change_the_defaults(
    qtbot: QtBot,
    window: MainWindow,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "dossiers"
    folder.mkdir()
    seen: list[SettingsDialog] = []

    def exec_(dialog: SettingsDialog) -> int:
        seen.append(dialog)
        names = [
            dialog.ui_language_combo.itemText(i) for i in range(dialog.ui_language_combo.count())
        ]
        assert names[0].startswith("As the system (")
        assert names[1:] == ["English", "Deutsch", "Français", "简体中文", "Русский"]
        assert dialog.ui_language_combo.code() == ""  # nothing chosen: follow the system
        assert dialog.vault_label.text().startswith("Secrets in ")
        assert "hold none of them" in dialog.meaning_label.text()
        dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("Letter"))
        dialog.dossier_language_combo.set_code("de")
        dialog.ask_folder = lambda start: str(folder)  # type: ignore[method-assign]
        dialog._choose_folder()
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    window.actions_.preferences.trigger()
    assert seen
    assert preferences.default_paper(settings) == "Letter"
    assert preferences.dossier_folder(settings) == folder
    assert window.workspace.dossier.paper_combo.currentData() == "Letter"
    assert all(key.startswith(("mainWindow/", "preferences/")) for key in settings.allKeys())

    # New cases start in the chosen dossier language.
    window.new_case_action.trigger()
    assert window.wizard is not None
    assert window.wizard.case.owner.dossier_language == "de"
    window.wizard.close()


def test_paper_size_follows_the_locale_by_default(settings: QSettings) -> None:
    from PySide6.QtCore import QLocale

    assert preferences.paper_choice(settings) == "auto"
    assert (
        preferences.locale_paper(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        == "Letter"
    )
    assert (
        preferences.locale_paper(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == "A4"
    )


def test_log_a_call_opens_the_timeline(
    casebook: CaseBook,
    make_window: Callable[[CaseBook], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    casebook.save(sample_case())
    window = make_window(casebook)
    calls: list[str] = []
    monkeypatch.setattr(window.workspace.timeline, "log_call", lambda: calls.append("log"))
    window.actions_.log_call.trigger()
    assert calls == ["log"]
    assert window.workspace.tabs.currentWidget() is window.workspace.timeline
    window.workspace.coach.log_call_requested.emit()
    assert calls == ["log", "log"]


def test_drafts_cannot_be_closed_or_log_calls(
    casebook: CaseBook, make_window: Callable[[CaseBook], MainWindow]
) -> None:
    casebook.save(Case(title="Half done", status=CaseStatus.DRAFT))
    window = make_window(casebook)
    assert not window.actions_.close_case.isEnabled()
    assert not window.actions_.log_call.isEnabled()
    assert window.workspace.header.draft_note.isVisibleTo(window)
