"""Chinese in the UI has glyphs on any system, a bare Linux one included."""

from __future__ import annotations

from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication

from desktop.ui.chinese_fallback import add_chinese_fallback, system_has_chinese

TEXT = "案件资料：屏幕闪烁 Дело Case"


def test_every_chinese_character_is_drawn_from_a_font_that_has_it(qapp: QApplication) -> None:
    # The UI tests' app already called it (tests/ui/conftest.py), as the app does at
    # start; once there is a Chinese font, a second call adds nothing.
    assert system_has_chinese()
    assert add_chinese_fallback() is None
    layout = QTextLayout(TEXT, qapp.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert runs
    missing = [
        (character, run.rawFont().familyName())
        for run in runs
        for index in run.stringIndexes()
        for character in [TEXT[index]]
        if not run.rawFont().supportsCharacter(character)
    ]
    assert not missing, missing
