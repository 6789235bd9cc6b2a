"""UI test helpers: a window on the test's CaseBook, typing like a user, file pickers stubbed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.ui import i18n, theme
from desktop.ui.chinese_fallback import add_chinese_fallback
from desktop.ui.main_window import MainWindow
from desktop.ui.refcounts import make_singletons_immortal
from desktop.ui.wizard.case_wizard import CaseWizard


@pytest.fixture(autouse=True, scope="session")
def _styled_app(qapp: QApplication) -> QApplication:
    make_singletons_immortal()  # as the app does: PySide6 6.12 drops None references
    theme.apply_style(qapp)
    add_chinese_fallback()  # as the app does: Chinese text has glyphs on any system
    i18n.install("en", qapp)  # the tests' assertions are in English, whatever the system speaks
    return qapp


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """UI state in the test's own folder, never in the developer's real settings."""
    return QSettings(str(tmp_path / "ui-settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot: QtBot, settings: QSettings) -> Iterator[Callable[[CaseBook], MainWindow]]:
    windows: list[MainWindow] = []

    def make(book: CaseBook) -> MainWindow:
        window = MainWindow(book, settings=settings)
        qtbot.addWidget(window)
        window.resize(1100, 720)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.dossier_job is not None:
            window.dossier_job.cancel()
            window.dossier_job.wait()


@pytest.fixture
def window(make_window: Callable[[CaseBook], MainWindow], casebook: CaseBook) -> MainWindow:
    return make_window(casebook)


@pytest.fixture
def sample_files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "picked"
    folder.mkdir()
    receipt = folder / "receipt.pdf"
    receipt.write_bytes(b"%PDF-1.4\n% not a real receipt\n")
    photo = folder / "flicker.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n not really an image")
    return {"receipt": receipt, "photo": photo}


def type_text(widget: QWidget, text: str) -> None:
    """Type like a user. qtbot.keyClicks aborts on non-ASCII text, so those characters
    are sent as key events that carry the text (what an input method delivers)."""
    if text.isascii():
        QtBot.keyClicks(widget, text)
        return
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_next(qtbot: QtBot, wizard: CaseWizard) -> None:
    button = wizard.button(CaseWizard.WizardButton.NextButton)
    assert button.isEnabled(), wizard.current_page().problems()
    click(qtbot, button)


def clear_line(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
