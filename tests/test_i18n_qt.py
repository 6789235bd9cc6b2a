"""The UI's translation door: tr() from the gettext catalog in the UI language, and
Qt's own qtbase_*.qm for standard buttons, switched at run time and back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.i18n import LANGUAGES
from desktop.ui import i18n as ui_i18n


@pytest.fixture
def english_after(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    ui_i18n.install("en", qapp)


def cancel_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert button is not None
    return button.text().replace("&", "")


@pytest.mark.parametrize(
    ("language", "summary", "cancel"),
    [
        ("de", "Zusammenfassung", "Abbrechen"),
        ("fr", "Synthèse", "Annuler"),
        ("ru", "Сводка", "Отмена"),
    ],
)
def test_install_switches_tr_and_qt_standard_texts(
    english_after: QApplication, language: str, summary: str, cancel: str
) -> None:
    assert ui_i18n.install(language) == language
    assert ui_i18n.current_language() == language
    assert ui_i18n.tr("Summary") == summary
    assert ui_i18n.tr("A text the catalog does not have") == "A text the catalog does not have"
    assert cancel_text() == cancel
    ui_i18n.install("en")
    assert ui_i18n.tr("Summary") == "Summary" and cancel_text() == "Cancel"


def test_chinese_and_unknown_languages(english_after: QApplication) -> None:
    assert ui_i18n.install("zh-Hans-CN") == "zh_CN"
    assert cancel_text() == "取消"
    assert ui_i18n.install("es-ES") == "en"
    assert cancel_text() == "Cancel"


def test_qt_translations_ship_for_every_language() -> None:
    from pathlib import Path

    folder = Path(ui_i18n.qt_translations_dir())
    for language in LANGUAGES:
        assert (folder / f"qtbase_{language}.qm").is_file(), language


def test_system_language_is_one_of_ours(qapp: QApplication) -> None:
    assert ui_i18n.system_language() in LANGUAGES
