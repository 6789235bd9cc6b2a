"""The UI in another language: the main window and the wizard built after install() speak it,
and the catalogs hold the UI texts extracted so far (scripts/i18n.py INCLUDE_UI)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWizard

from desktop.casebook import CaseBook
from desktop.i18n import LANGUAGES
from desktop.ui import i18n
from desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]

EXPECTED = {
    "de": ("Worum geht es?", "Neuer Fall", "Weiter", "Abbrechen"),
    "ru": ("О чём обращение?", "Новое обращение", "Далее", "Отмена"),
}


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    chosen = i18n.install(request.param, qapp)
    try:
        yield chosen
    finally:
        i18n.install("en", qapp)  # the other tests assert English texts


@pytest.mark.parametrize("language", ["de", "ru"], indirect=True)
def test_main_window_and_wizard_in_the_language(
    language: str, make_window: Callable[[CaseBook], MainWindow], casebook: CaseBook
) -> None:
    title, window_title, next_text, cancel_text = EXPECTED[language]
    assert i18n.current_language() == language
    window = make_window(casebook)
    window.new_case_action.trigger()
    wizard = window.wizard
    assert wizard is not None
    try:
        assert wizard.windowTitle() == window_title
        first = wizard.page(wizard.startId())
        assert first.title_label.text() == title  # type: ignore[attr-defined]
        assert wizard.buttonText(QWizard.WizardButton.NextButton) == next_text
        assert wizard.buttonText(QWizard.WizardButton.CancelButton) == cancel_text
    finally:
        wizard.close()


def test_ui_texts_are_in_every_catalog() -> None:
    """The completeness check (tests/test_i18n.py) covers the UI once it is extracted."""
    template = (ROOT / "desktop/resources/locale/messages.pot").read_text(encoding="utf-8")
    assert "desktop/ui/wizard/case_type_page.py" in template
    assert 'msgid "What is the problem about?"' in template
    assert set(LANGUAGES) == {"en", "de", "fr", "zh_CN", "ru"}


def test_changing_the_language_offers_a_restart(
    qapp: QApplication,
    make_window: Callable[[CaseBook], MainWindow],
    casebook: CaseBook,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QDialog

    from desktop.ui import restart
    from desktop.ui.settings_dialog import SettingsDialog

    window = make_window(casebook)
    asked: list[bool] = []
    answers = iter([False, True])  # "Later" the first time, "Restart now" the second

    def choose(language: str) -> Callable[[SettingsDialog], int]:
        def exec_(dialog: SettingsDialog) -> int:
            dialog.ui_language_combo.set_code(language)
            dialog.accept()
            return QDialog.DialogCode.Accepted

        return exec_

    def ask(_window: MainWindow) -> bool:
        asked.append(True)
        return next(answers)

    monkeypatch.setattr(MainWindow, "ask_restart", ask)
    try:
        monkeypatch.setattr(SettingsDialog, "exec", choose("de"))
        window.actions_.preferences.trigger()
        assert asked == [True] and not window.restart_requested and window.isVisible()
        # The same language again: nothing to restart for.
        window.actions_.preferences.trigger()
        assert asked == [True]
        monkeypatch.setattr(SettingsDialog, "exec", choose("ru"))
        window.actions_.preferences.trigger()
        assert asked == [True, True]
        assert window.restart_requested and not window.isVisible()
    finally:
        i18n.install("en", qapp)
    # The new process gets the same arguments: from a checkout, as `python -m desktop`.
    _, arguments = restart.command(["/x/case-dossier", "--flag"])
    assert arguments == ["-m", "desktop", "--flag"]
    monkeypatch.setattr("sys.frozen", True, raising=False)
    assert restart.command(["/x/case-dossier", "--flag"])[1] == ["--flag"]
