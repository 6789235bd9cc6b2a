"""Pseudo-localised, every text a user sees went through translation: the wizard's pages
(all three branches) and the main window's tabs and menus with the sample case open.

A text without the pseudo markers was not passed through tr()/N_(): a bug, unless it
is the user's own data (names, identifiers, the case's texts), a number or date, or a
name that comes from data (Apple's product and program names, countries, time zones).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

import pytest
from PySide6 import QtGui
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop import APP_NAME
from desktop.casebook import CaseBook
from desktop.i18n import LANGUAGES, PSEUDO_CLOSE, PSEUDO_LANGUAGE, PSEUDO_OPEN, PSEUDO_PAD
from desktop.model import Case
from desktop.reference import programs
from desktop.ui import i18n
from desktop.ui.main_window import MainWindow
from tests.ui.test_layout import settle, shown, walk

# Names that come from data, not from the catalog.
PRODUCT_WORDS = {
    "iPhone", "iPad", "Mac", "MacBook", "Apple", "Watch", "AirPods", "AppleCare", "iOS",
    "GB", "EUR", "USD", "KB", "MB", "Pro", "Max", "Plus", "mini", "Air", "iCloud",
}  # fmt: skip


def is_pseudo(text: str) -> bool:
    return PSEUDO_OPEN in text and PSEUDO_CLOSE in text and PSEUDO_PAD in text


def plain(text: str) -> str:
    if QtGui.Qt.mightBeRichText(text):  # type: ignore[attr-defined]
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def data_words(case: Case) -> set[str]:
    """Every word of the case's own texts (what the user typed is shown as typed)."""
    words: set[str] = set()

    def collect(value: object) -> None:
        if isinstance(value, str):
            words.update(re.findall(r"\w+", value))
        elif isinstance(value, list):
            for item in value:
                collect(item)
        elif hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:
                collect(getattr(value, name))

    collect(case)
    for program in programs():
        words.update(re.findall(r"\w+", f"{program.title} {program.scope} {program.source}"))
    words.update(re.findall(r"\w+", " ".join(LANGUAGES.values())))
    words.update(APP_NAME.split())
    return words | PRODUCT_WORDS


def untranslated(texts: Iterable[str], allowed: set[str]) -> list[str]:
    """The texts with words that are neither pseudo-localised nor data."""
    found = []
    for text in texts:
        text = plain(text).strip()
        if not text or is_pseudo(text):
            continue
        words = re.findall(r"[^\W\d_]+", text)
        # Data may be cut at either end: a masked serial's last letters, an elided text.
        ends = {0, len(words) - 1}
        if any(
            word not in allowed and not (index in ends and any(word in data for data in allowed))
            for index, word in enumerate(words)
        ):
            found.append(text)
    return found


def visible_texts(root: QWidget) -> Iterator[str]:
    yield root.windowTitle()
    for widget in shown(root):
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield widget.text()
        elif isinstance(widget, QGroupBox):
            yield widget.title()
        elif isinstance(widget, QTabBar):
            yield from (widget.tabText(i) for i in range(widget.count()))
        if widget.toolTip() and not isinstance(widget, QTabBar):
            yield widget.toolTip()


def menu_texts(window: MainWindow) -> Iterator[str]:
    def walk_menu(menu: QMenu) -> Iterator[str]:
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            yield action.text()
            if action.menu() is not None:
                yield from walk_menu(action.menu())

    for action in window.menuBar().actions():
        yield action.text()
        if action.menu() is not None:
            yield from walk_menu(action.menu())


@pytest.fixture
def pseudo(qapp: QApplication) -> Iterator[None]:
    i18n.install(PSEUDO_LANGUAGE, qapp)
    try:
        yield
    finally:
        i18n.install("en", qapp)


def test_the_check_notices_a_text_that_skipped_translation() -> None:
    allowed = {"Lena", "Vogt", "iPhone"}
    assert untranslated(
        ["Save case", "[Śáṽé ċáśé ·]", "Lena Vogt", "iPhone 13", "12"], allowed
    ) == ["Save case"]
    assert untranslated(["<b>Unwrapped</b> text"], allowed) == ["Unwrapped text"]
    # Cut data is data; a cut English sentence is not.
    assert untranslated(["•••••M9VR", "Lena Vo…"], {"H7XQ2LM9VR", "Lena", "Vogt"}) == []
    assert untranslated(["Lena is here"], {"Lena", "Vogt"}) == ["Lena is here"]


def test_every_wizard_text_is_translated(qtbot: QtBot, casebook: CaseBook, pseudo: None) -> None:
    problems: dict[str, list[str]] = {}
    for where, wizard in walk(qtbot, casebook):
        allowed = data_words(wizard.case)
        found = untranslated(visible_texts(wizard), allowed)
        items = wizard.checklist
        found += untranslated((items.item(i).text() for i in range(items.count())), allowed)
        if found:
            problems[where] = found
    assert not problems, problems


def test_every_main_window_text_is_translated(
    qtbot: QtBot, make_window: Callable[[CaseBook], MainWindow], casebook: CaseBook, pseudo: None
) -> None:
    window = make_window(casebook)
    window.open_sample_case()
    window.statusBar().clearMessage()
    settle(qtbot)
    case = window.current_case
    assert case is not None
    allowed = data_words(case)
    workspace = window.workspace
    problems: dict[str, list[str]] = {}
    for index in range(workspace.tabs.count()):
        workspace.tabs.setCurrentIndex(index)
        settle(qtbot)
        found = untranslated(visible_texts(window), allowed)
        if found:
            problems[workspace.tabs.tabText(index)] = found
    menus = untranslated(menu_texts(window), allowed)
    if menus:
        problems["menus"] = menus
    assert not problems, problems
