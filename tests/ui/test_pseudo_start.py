"""The developer's layout switches at start: pseudo-localised texts, right to left and
larger text come from the environment (desktop/ui/app.py, docs/translations.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.i18n import PSEUDO_LANGUAGE
from desktop.ui import app as app_module
from desktop.ui import i18n, preferences
from tests.ui.test_startup import run_python


@pytest.fixture
def restored(qapp: QApplication) -> Iterator[QApplication]:
    font = QFont(qapp.font())
    try:
        yield qapp
    finally:
        qapp.setFont(font)
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        i18n.install("en", qapp)


@pytest.mark.parametrize(
    ("raw", "scale"),
    [("", 1.0), ("2", 2.0), ("200%", 2.0), ("1.5", 1.5), ("9", 3.0), ("0.5", 1.0), ("big", 1.0)],
)
def test_text_scale_is_read_and_bounded(raw: str, scale: float) -> None:
    assert app_module.text_scale({app_module.TEXT_SCALE_ENV: raw}) == scale


def test_larger_text_and_right_to_left(restored: QApplication) -> None:
    before = restored.font().pointSizeF()
    env = {app_module.TEXT_SCALE_ENV: "2", app_module.RTL_ENV: "1"}
    app_module.apply_layout_checks(restored, env)
    assert restored.font().pointSizeF() == pytest.approx(2 * before)
    assert restored.layoutDirection() is Qt.LayoutDirection.RightToLeft


def test_pseudo_at_start_and_qt_texts_too(
    restored: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(app_module.PSEUDO_ENV, "1")
    assert app_module.install_language(restored) == PSEUDO_LANGUAGE
    assert i18n.tr("Save case").startswith("[Ś")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text().startswith("[")  # Qt's own texts: pseudo as well
    monkeypatch.setenv(app_module.PSEUDO_ENV, "0")
    assert app_module.install_language(restored) != PSEUDO_LANGUAGE


def test_pseudo_is_not_a_choice_for_users() -> None:
    assert PSEUDO_LANGUAGE not in dict(preferences.UI_LANGUAGES)


def test_the_app_starts_pseudo_localised_right_to_left_at_200_percent(tmp_path: Path) -> None:
    code = "import sys; from desktop.ui.app import run; sys.exit(run(['case-dossier']))"
    result = run_python(
        code,
        tmp_path,
        CASE_DOSSIER_QUIT_AFTER_START="1",
        CASE_DOSSIER_PSEUDO="1",
        CASE_DOSSIER_RTL="1",
        CASE_DOSSIER_TEXT_SCALE="2",
    )
    assert result.returncode == 0, result.stderr
