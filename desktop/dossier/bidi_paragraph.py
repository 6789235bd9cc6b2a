"""Paragraphs holding right-to-left text, broken into lines before they are reordered.

reportlab breaks a paragraph into lines from the first character it is given. Text in
visual order (direction.py) given whole would wrap from its visual left end, that is
from the *last* words of a Hebrew or Arabic sentence. Here a right-to-left line of
the user's text is first broken into printed lines in reading (logical) order, by
measured width, and only then is each printed line put into visual order. The lines
are handed to reportlab already broken, so it has nothing left to wrap.

Only text with right-to-left characters takes this path (blocks.Context.para).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from desktop.dossier.direction import has_rtl, visual
from desktop.dossier.flowables import Para
from desktop.dossier.fonts import FontChain
from desktop.dossier.text import clean, markup

# reportlab and this module measure the same runs; the margin absorbs rounding.
_SLACK = 0.5
# The first strong character decides a line's direction (Unicode's rule P2).
_STRONG_RTL = ("R", "AL")


# Widths of words already measured: a note's words recur (and every width is
# measured again for each column width the paragraph is laid out at).
_widths: dict[tuple[str, str, float], float] = {}


def _width(text: str, fonts: FontChain, size: float) -> float:
    key = (text, fonts.primary, size)
    found = _widths.get(key)
    if found is None:
        found = float(sum(stringWidth(run, name, size) for name, run in fonts.runs(visual(text))))
        if len(_widths) < 50_000:  # bounded: any text may come through here
            _widths[key] = found
    return found


def starts_right_to_left(text: str) -> bool:
    """Whether the first letter with a direction of its own is right-to-left."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _STRONG_RTL:
            return True
        if kind == "L":
            return False
    return False


def break_logical(
    line: str, fonts: FontChain, size: float, widths: tuple[float, float]
) -> list[str]:
    """`line` cut at spaces into pieces that each fit, in reading order.

    `widths` is (first line, other lines). A word wider than a whole line stays one
    piece (reportlab then splits it as it splits any long word).
    """
    words = line.split(" ")
    space = _width(" ", fonts, size)
    pieces: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in words:
        word_width = _width(word, fonts, size) if word else 0.0
        limit = (widths[0] if not pieces else widths[1]) - _SLACK
        needed = word_width if not current else used + space + word_width
        if current and needed > limit:
            pieces.append(" ".join(current))
            current, used = [word], word_width
        else:
            current.append(word)
            used = needed
    pieces.append(" ".join(current))
    return pieces


class BidiPara(Flowable):  # type: ignore[misc]
    """User text with right-to-left lines, laid out again for each width it is given."""

    def __init__(self, text: str, fonts: FontChain, style: Any) -> None:
        super().__init__()
        self._lines = clean(text).split("\n")
        self._fonts = fonts
        self._style = style
        self._inner: Any = None
        self._inner_width: float | None = None

    def _build(self, available: float) -> Any:
        style = self._style
        room = available - style.leftIndent - style.rightIndent
        widths = (room - style.firstLineIndent, room)
        printed: list[str] = []
        for line in self._lines:
            if has_rtl(line):
                pieces = break_logical(line, self._fonts, style.fontSize, widths)
            else:
                pieces = [line]  # reportlab wraps left-to-right text itself
            printed.extend(markup(piece, self._fonts) for piece in pieces)
        if style.alignment == TA_LEFT and starts_right_to_left(" ".join(self._lines)):
            style = style.clone(f"{style.name}-rtl", alignment=TA_RIGHT)
        return Para("<br/>".join(printed), style)

    def _ready(self, available: float) -> Any:
        if self._inner is None or self._inner_width != available:
            self._inner = self._build(available)
            self._inner_width = available
        return self._inner

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        inner = self._ready(availWidth)
        self.width, self.height = inner.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        result: list[Any] = self._ready(availWidth).split(availWidth, availHeight)
        return result

    def getSpaceBefore(self) -> float:
        return float(self._style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self._style.spaceAfter)

    def draw(self) -> None:
        self._inner.drawOn(self.canv, 0, 0)
