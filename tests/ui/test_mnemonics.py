"""Alt+letter shortcuts: every caption, button, check box and radio button a window shows
gets a letter of its own, chosen at run time from the words of the language in use
(`assign_mnemonics`), and pressing Alt with it acts on the right control."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.i18n import PSEUDO_LANGUAGE
from desktop.sample import sample_case
from desktop.ui import i18n
from desktop.ui.main_window import MainWindow
from desktop.ui.widgets.accessible import mnemonic_letters, spoken
from desktop.ui.wizard.case_wizard import CaseWizard
from desktop.wizard_flow import steps_for
from tests.ui.test_accessibility import _dialogs


def settle(qtbot: QtBot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(10)


def shortcuts(window: QWidget) -> Counter[str]:
    """How many visible controls (and menus) of `window` hold each letter."""
    letters: Counter[str] = Counter()
    for widget in window.findChildren(QWidget):
        shown = widget.isVisibleTo(window) and widget.window() is window
        if shown and isinstance(widget, (QLabel, QAbstractButton)):
            letters.update(mnemonic_letters(widget.text()))
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            letters.update(mnemonic_letters(action.text()))
    return letters


def without(window: QWidget) -> list[str]:
    """The visible buttons with words that got no letter (two alike get none on purpose)."""
    buttons = [
        b
        for b in window.findChildren(QAbstractButton)
        if b.isVisibleTo(window) and b.window() is window and spoken(b.text()) and not _standard(b)
    ]
    said = Counter(spoken(b.text()) for b in buttons)
    return [
        b.text() for b in buttons if not mnemonic_letters(b.text()) and said[spoken(b.text())] == 1
    ]


def _standard(button: QAbstractButton) -> bool:
    """One of a button box's standard buttons: Qt's (Enter and Esc), left as they are."""
    box = button.parentWidget()
    return isinstance(box, QDialogButtonBox) and (
        box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton
    )


def duplicates(window: QWidget) -> list[str]:
    return sorted(letter for letter, count in shortcuts(window).items() if count > 1)


@pytest.fixture(params=["en", "de", "ru", "zh_CN", PSEUDO_LANGUAGE])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    locale = QLocale()
    i18n.install(request.param, qapp)
    try:
        yield request.param
    finally:
        i18n.install("en", qapp)
        QLocale.setDefault(locale)  # as the other tests found it


def test_the_main_window_has_no_letter_twice(
    qtbot: QtBot, make_window: Callable[[CaseBook], MainWindow], casebook: CaseBook, language: str
) -> None:
    window = make_window(casebook)
    settle(qtbot)
    assert duplicates(window) == [], "welcome"
    window.open_sample_case()
    settle(qtbot)
    tabs = window.workspace.tabs
    found = {}
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle(qtbot)
        if twice := duplicates(window):
            found[tabs.tabText(index)] = twice
    assert not found, found
    # Buttons got theirs, not only captions: the header's and the timeline's.
    assert mnemonic_letters(window.workspace.header.dossier_button.text())
    tabs.setCurrentWidget(window.workspace.timeline)
    settle(qtbot)
    buttons = [b for b in window.workspace.timeline.findChildren(QAbstractButton) if b.isVisible()]
    with_letters = [b for b in buttons if mnemonic_letters(b.text())]
    assert len(with_letters) >= len(buttons) - 3, without(window)  # "Log a call" is twice


def test_the_wizard_has_no_letter_twice(qtbot: QtBot, casebook: CaseBook, language: str) -> None:
    case = sample_case()
    wizard = CaseWizard(casebook, case)
    qtbot.addWidget(wizard)
    wizard.show()
    settle(qtbot)
    found = {}
    for step in steps_for(case):
        if wizard.current_step() is not step:
            wizard.next()
            settle(qtbot)
        if twice := duplicates(wizard):
            found[step.value] = twice
    wizard._finished = True  # nothing to save or ask about
    wizard.close()
    assert not found, found


def test_the_dialogs_have_no_letter_twice(
    qtbot: QtBot, make_window: Callable[[CaseBook], MainWindow], casebook: CaseBook, language: str
) -> None:
    window = make_window(casebook)
    window.open_sample_case()
    settle(qtbot)
    found = {}
    missing = {}
    for name, dialog in _dialogs(window).items():
        dialog.show()
        settle(qtbot)
        if twice := duplicates(dialog):
            found[name] = twice
        if left := without(dialog):
            missing[name] = left
        dialog.hide()
        dialog.deleteLater()
    assert not found, found
    assert not missing, missing


def test_alt_and_the_letter_presses_the_button(qtbot: QtBot, casebook: CaseBook) -> None:
    from desktop.ui.timeline.log_call import LogCallDialog

    now = datetime(2026, 11, 20, 14, 30, tzinfo=UTC)
    dialog = LogCallDialog(sample_case(), lambda: now, "Europe/Berlin")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    settle(qtbot)
    text = dialog.stop_button.text()
    (letter,) = mnemonic_letters(text)
    assert dialog.is_running()
    dialog.form.notes_edit.setFocus()
    qtbot.keyClick(
        dialog.form.notes_edit,
        getattr(Qt.Key, f"Key_{letter.upper()}"),
        Qt.KeyboardModifier.AltModifier,
    )
    qtbot.wait(300)  # a shortcut clicks the button the way a click looks: pressed a moment
    assert not dialog.is_running(), f"Alt+{letter} ({text!r}) did not stop the timer"
    assert dialog.form.notes_edit.toPlainText() == ""  # the key went to the shortcut only
