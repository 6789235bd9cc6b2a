"""Widths in pixels that grow with the text: a field laid out for 100 % text is too
narrow for its own contents at 200 % (CASE_DOSSIER_TEXT_SCALE, or a larger system font).

The pixel values in the UI were chosen for the usual desktop fonts (a line about
14 to 16 px high); larger fonts scale them up, smaller ones never shrink them.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

REFERENCE_LINE_HEIGHT = 16.0


def text_scale() -> float:
    """How much larger the application's text is than the widths were designed for."""
    height = QFontMetricsF(QApplication.font()).height()
    return max(1.0, height / REFERENCE_LINE_HEIGHT)


def text_px(pixels: int) -> int:
    """`pixels` at 100 % text, scaled to the application's font."""
    return round(pixels * text_scale())
