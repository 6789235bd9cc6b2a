"""Typing a date into an unset date field, in each order of parts a locale uses."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.widgets.optional_date import OptionalDateEdit

# The 31st of March two years ago: a past date whose day is later than today's in most
# months, which a field starting from today's month and year refused to take.
TARGET = date(date.today().year - 2, 3, 31)


@pytest.fixture
def locale_named(request: pytest.FixtureRequest) -> Iterator[str]:
    before = QLocale()
    QLocale.setDefault(QLocale(request.param))
    yield request.param
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("locale_named", "keys"),
    [
        ("en_GB", f"31Mar{TARGET.year}"),  # d MMM y: day first
        ("en_US", f"Mar31{TARGET.year}"),  # MMM d, y: month first
        ("zh_CN", f"{TARGET.year}331"),  # y年M月d日: year first ("3" cannot grow: on to the day)
    ],
    indirect=["locale_named"],
)
def test_a_whole_date_typed_over_not_set_is_taken(
    qtbot: QtBot, locale_named: str, keys: str
) -> None:
    field = OptionalDateEdit()
    qtbot.addWidget(field)
    field.show()
    field.date_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field.date_edit)
    assert field.value() is None
    qtbot.keyClicks(field.date_edit, keys)
    assert field.value() == TARGET, field.date_edit.text()
    # Leaving the field keeps it; nothing is clamped to today on the way out.
    qtbot.keyClick(field.date_edit, Qt.Key.Key_Tab)
    assert field.value() == TARGET
