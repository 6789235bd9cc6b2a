"""A frameless area that scrolls its content when the window is too small for it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def page_scroll(content: QWidget, *, sideways: bool = True) -> QScrollArea:
    """`content` in a scroll area without a frame of its own. Not a Tab stop: it scrolls
    to whichever field has the focus. `sideways=False` never scrolls sideways: the
    content is laid out to the width there is (text wraps)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if not sideways:
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    return scroll
