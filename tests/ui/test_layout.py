"""No clipped text in the wizard: every page of every branch, pseudo-localised (40 %
longer, accented) and at 200 % text, at the wizard's default size.

The checks (`clipped`) look at what Qt itself says a widget needs: a one-line label
or a button at least as wide as its size hint, a word-wrapped label at least as tall
as its height for its width, and nothing running past the right edge of what holds
it (a scroll area or the window cuts it off there). They are tried on widgets clipped
on purpose first, so a pass means something.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.casebook import CaseBook
from desktop.i18n import PSEUDO_LANGUAGE
from desktop.model import Case, CaseType, Charge
from desktop.ui import i18n
from desktop.ui.app import TEXT_SCALE_ENV, apply_layout_checks
from desktop.ui.main_window import MainWindow
from desktop.ui.sample_case_file import import_sample_case
from desktop.ui.wizard.case_wizard import CaseWizard
from desktop.wizard_flow import Step, steps_for

TODAY = date(2026, 11, 15)


# -- the checks ---------------------------------------------------------------------


def shown(root: QWidget) -> Iterator[QWidget]:
    """The widgets a user can see in `root` (hidden pages and rows left out)."""
    for widget in root.findChildren(QWidget):
        if widget.isVisibleTo(root) and widget.window() is root.window():
            yield widget


def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {text[:60]!r}"


def clipped(root: QWidget) -> list[str]:
    """What is cut off in `root`, as it is laid out now."""
    problems = []
    for widget in shown(root):
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if widget.height() < needed - 1:
                    problems.append(f"{describe(widget)}: {widget.height()} < {needed} high")
            elif widget.width() < widget.sizeHint().width() - 1:
                problems.append(
                    f"{describe(widget)}: {widget.width()} < {widget.sizeHint().width()} wide"
                )
        elif isinstance(widget, QAbstractButton) and widget.text():
            if widget.width() < widget.sizeHint().width() - 1:
                problems.append(
                    f"{describe(widget)}: {widget.width()} < {widget.sizeHint().width()} wide"
                )
        else:
            continue
        if (holder := _cut_at_right(widget, root)) is not None:
            problems.append(f"{describe(widget)}: runs past the right edge of {holder}")
    return problems


def _cut_at_right(widget: QWidget, root: QWidget) -> str | None:
    """The first container that cuts `widget` off on the right (or left, right to left)."""
    parent = widget.parentWidget()
    while parent is not None:
        left = widget.mapTo(parent, QPoint(0, 0)).x()
        right = left + widget.width()
        if _scrolls_sideways(parent):
            return None  # what runs past a scroll area that scrolls sideways is reached so
        if right > parent.width() + 1 or left < -1:
            return type(parent).__name__
        if parent is root:
            return None
        parent = parent.parentWidget()
    return None


def _scrolls_sideways(viewport: QWidget) -> bool:
    """Whether `viewport` is a scroll area's viewport that may scroll sideways."""
    area = viewport.parentWidget()
    return (
        isinstance(area, QScrollArea)
        and area.viewport() is viewport
        and area.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    )


def settle(qtbot: QtBot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(10)


# -- the checks find what they should -------------------------------------------------


def test_the_checks_find_a_clipped_label_button_and_wrapped_text(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    narrow = QLabel("A label far too long for its twenty pixels")
    narrow.setFixedWidth(20)
    button = QPushButton("A button with a long text")
    button.setFixedWidth(30)
    short = QLabel("Several lines of wrapped text squeezed into one line's height. " * 3)
    short.setWordWrap(True)
    short.setFixedHeight(12)
    fine = QLabel("Fits")
    column.addWidget(narrow)
    column.addWidget(button)
    column.addWidget(short)
    column.addWidget(fine)
    window.resize(300, 200)
    window.show()
    settle(qtbot)
    problems = clipped(window)
    assert any("far too long" in p and "wide" in p for p in problems), problems
    assert any("A button" in p for p in problems), problems
    assert any("Several lines" in p and "high" in p for p in problems), problems
    assert not any("'Fits'" in p for p in problems)


def test_the_checks_find_text_running_out_of_its_window(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    row.addWidget(QLabel("Left"))
    row.addWidget(QLabel("Right"))
    window.show()
    window.setFixedWidth(400)
    settle(qtbot)
    outside = QLabel("Beyond the edge", window)
    outside.move(380, 0)
    outside.resize(outside.sizeHint())
    outside.show()
    problems = clipped(window)
    assert problems == [f"{describe(outside)}: runs past the right edge of QWidget"]


# -- the wizard -----------------------------------------------------------------------


def branch_cases(sample: Case) -> list[Case]:
    """The sample (a hardware fault) and fictional variants for the other two branches."""
    account = copy.deepcopy(sample)
    account.case_type = CaseType.ACCOUNT
    account.charges = [
        Charge(
            date=date(2026, 10, 3),
            order_id="MT4Q7XK2LB",
            amount=Decimal("9.99"),
            currency="EUR",
            item="Photo Studio Pro, monthly subscription",
            report_a_problem="Declined: the purchase was more than 90 days ago.",
        )
    ]
    software = copy.deepcopy(sample)
    software.case_type = CaseType.SOFTWARE
    return [sample, account, software]


def walk(qtbot: QtBot, casebook: CaseBook) -> Iterator[tuple[str, CaseWizard]]:
    """Each page of each branch, shown in a wizard at its default size."""
    sample = casebook.load(import_sample_case(casebook).id)
    for case in branch_cases(sample):
        wizard = CaseWizard(casebook, case)
        qtbot.addWidget(wizard)
        wizard.today = lambda: TODAY  # type: ignore[method-assign]
        wizard.show()
        settle(qtbot)
        for step in steps_for(case):
            if wizard.current_step() is not step:
                wizard.next()
                settle(qtbot)
            assert wizard.current_step() is step
            yield f"{case.case_type.value}/{step.value}", wizard
        wizard._finished = True  # nothing to save or ask about
        wizard.close()


@pytest.fixture
def pseudo(qapp: QApplication) -> Iterator[None]:
    i18n.install(PSEUDO_LANGUAGE, qapp)
    try:
        yield
    finally:
        i18n.install("en", qapp)


@pytest.fixture
def large_text(qapp: QApplication) -> Iterator[None]:
    font = QFont(qapp.font())
    apply_layout_checks(qapp, {TEXT_SCALE_ENV: "2"})
    try:
        yield
    finally:
        qapp.setFont(font)


def test_no_text_is_clipped_pseudo_localised(
    qtbot: QtBot, casebook: CaseBook, pseudo: None
) -> None:
    problems = [
        f"{where}: {problem}"
        for where, wizard in walk(qtbot, casebook)
        for problem in clipped(wizard)
    ]
    assert not problems, "\n".join(problems)


def test_no_text_is_clipped_at_200_percent(
    qtbot: QtBot, casebook: CaseBook, large_text: None
) -> None:
    problems = [
        f"{where}: {problem}"
        for where, wizard in walk(qtbot, casebook)
        for problem in clipped(wizard)
    ]
    assert not problems, "\n".join(problems)


def test_every_step_is_walked() -> None:
    """The three branches together show every step there is."""
    from desktop.sample import sample_case

    seen = {step for case in branch_cases(sample_case()) for step in steps_for(case)}
    assert seen == set(Step)


def test_no_main_window_text_is_clipped_pseudo_localised(
    qtbot: QtBot,
    make_window: Callable[[CaseBook], MainWindow],
    casebook: CaseBook,
    pseudo: None,
) -> None:
    """The main window's tabs with the sample case open, at the tests' window size."""
    window = make_window(casebook)
    window.open_sample_case()
    settle(qtbot)
    tabs = window.workspace.tabs
    problems = []
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle(qtbot)
        problems += [f"{tabs.tabText(index)}: {problem}" for problem in clipped(window)]
    assert not problems, "\n".join(problems)


def test_no_main_window_text_is_clipped_at_200_percent(
    qtbot: QtBot,
    make_window: Callable[[CaseBook], MainWindow],
    casebook: CaseBook,
    large_text: None,
) -> None:
    """The main window's tabs and the case list with the sample case open, text at 200 %,
    in the screenshots' window (1200x780)."""
    window = make_window(casebook)
    window.resize(1200, 780)
    window.open_sample_case()
    settle(qtbot)
    tabs = window.workspace.tabs
    problems = [f"case list: {problem}" for problem in clipped(window.case_list)]
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle(qtbot)
        problems += [f"{tabs.tabText(index)}: {problem}" for problem in clipped(window)]
    assert not problems, "\n".join(problems)
