"""Flowables of the dossier's own: headings that leave a bookmark, exhibit stamps,
and the empty slot a PDF receipt's page is drawn into after layout.

They tell the numbering canvas (layout.py) what they saw through attributes
of the page being drawn; the canvas acts on it once the page count is known.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from reportlab.lib.enums import TA_LEFT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    Image,
    KeepInFrame,
    Paragraph,
    SimpleDocTemplate,
    Table,
)
from reportlab.platypus.flowables import _listWrapOn

from desktop.dossier import layout
from desktop.dossier.direction import has_rtl
from desktop.dossier.fonts import FontChain
from desktop.dossier.frags import fragments
from desktop.dossier.text import clean, markup


def _absolute_top(canvas: Any, height: float) -> float:
    return float(canvas.absolutePosition(0, height)[1])


def _note_mark(canvas: Any, mark: layout.Mark | None) -> None:
    marks = getattr(canvas, "dossier_marks", None)
    if mark is not None and marks is not None:
        marks.append(mark)


class Para(Paragraph):  # type: ignore[misc]
    """A paragraph that remembers its line breaking for the width it was last given.

    A long table is measured again, whole, at every page it is split across;
    without this a 300-row timeline breaks the lines of every remaining cell
    once per page (most of its layout time).
    """

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def __init__(self, text: str | None, style: Any = None, *args: Any, **kwargs: Any) -> None:
        # The dossier's own markup is cut into fragments without reportlab's parser.
        if text is not None and style is not None and not args and not kwargs:
            found = fragments(text, style)
            if found is not None:
                super().__init__(found[0], style, frags=found[1])
                return
        super().__init__(text, style, *args, **kwargs)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        known = self._wrapped
        # split() drops blPara when the paragraph cannot be split: measure again then.
        if known is not None and known[0] == availWidth and "blPara" in self.__dict__:
            return known[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size


class MarkedParagraph(Para):
    """A paragraph that opens an outline entry (and a link target) where it is drawn."""

    def __init__(
        self,
        text: str | None,
        style: Any = None,
        *args: Any,
        mark: tuple[str, str, int] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(text, style, *args, **kwargs)
        self.mark = mark

    def draw(self) -> None:
        if self.mark is not None:
            key, title, level = self.mark
            top = _absolute_top(self.canv, self.height) + self.style.fontSize
            _note_mark(self.canv, layout.Mark(key, title, level, top))
        super().draw()

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts: list[Any] = super().split(availWidth, availHeight)
        for index, part in enumerate(parts):  # only the first part carries the mark
            part.mark = self.mark if index == 0 else None
        return parts


class RuledHeading(MarkedParagraph):
    """A section heading with a thin rule under it."""

    def draw(self) -> None:
        super().draw()
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(layout.RULE)
        canvas.setLineWidth(0.6)
        canvas.line(0, -4, self.width, -4)
        canvas.restoreState()


class PageStamp(Flowable):  # type: ignore[misc]
    """Takes no room; stamps the page it lands on ("Exhibit 3, page 1 of 1")."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.dossier_stamp = self.text


class ReceiptSlot(Flowable):  # type: ignore[misc]
    """The rest of the frame, kept empty for one page of a PDF receipt.

    Draws a hairline where the page's edge will be and tells the canvas where
    the page goes; receipts_pdf.draw_receipts fills it in after layout.
    """

    def __init__(self, exhibit: int, source_page: int, size: tuple[float, float]) -> None:
        super().__init__()
        self.exhibit = exhibit
        self.source_page = source_page
        self.page_size = size
        self.width = self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, max(availHeight - 1, 10.0)
        return self.width, self.height

    def fitted(self) -> tuple[float, float, float, float]:
        """The receipt page's rectangle inside the slot: scaled down to fit, never up."""
        page_w, page_h = self.page_size
        scale = min(self.width / page_w, self.height / page_h, 1.0)
        width, height = page_w * scale, page_h * scale
        return (self.width - width) / 2, self.height - height, width, height

    def draw(self) -> None:
        canvas = self.canv
        x, y, width, height = self.fitted()
        canvas.saveState()
        canvas.setStrokeColor(layout.HAIRLINE)
        canvas.setLineWidth(0.5)
        canvas.rect(x - 0.5, y - 0.5, width + 1, height + 1, stroke=1, fill=0)
        canvas.restoreState()
        left, bottom = canvas.absolutePosition(x, y)
        canvas.dossier_slot = (
            self.exhibit,
            self.source_page,
            (float(left), float(bottom), width, height),
        )


class FramedImage(Image):  # type: ignore[misc]
    """A picture with a hairline round it (a white receipt on white paper needs an edge)."""

    def draw(self) -> None:
        super().draw()
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(layout.HAIRLINE)
        canvas.setLineWidth(0.5)
        canvas.rect(-0.25, -0.25, self.drawWidth + 0.5, self.drawHeight + 0.5, stroke=1, fill=0)
        canvas.restoreState()


class FluidTable(Table):  # type: ignore[misc]
    """A table whose column widths (shares of the width given) follow that width every time.

    reportlab works the widths out on the first wrap only, yet measures the rows
    again at every wrap: laid out once more at another width (ShrinkToFit does),
    rows were measured for columns wider than those drawn and their text ran
    into the block below.
    """

    _fluid_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._fluid_width is not None and availWidth != self._fluid_width:
            self.__dict__.pop("_width_calculated_once", None)
        self._fluid_width = availWidth
        return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]


class SplittingTable(FluidTable):
    """A table that splits a tall row across pages rather than leave the space empty.

    reportlab first tries to split between rows; the rest of the table is then
    tried again in the space left on the page, split inside a row there, and
    its repeated header lands in the middle of the page. Here a row is split
    inside when at least MIN_ROW_SPLIT of it fits and a fair part of it is
    left for the next page; otherwise the table breaks between rows, and only
    there.
    """

    MIN_REST = 22.0  # points of a split row that must go over to the next page
    # The rest of a table split between rows is not split again in the space left
    # on the same page (that would put its repeated header mid-page).
    _not_in: float = -1.0

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        if availHeight <= self._not_in:
            return []
        self._calc(availWidth, availHeight)
        heights = self._rowHeights
        row = self._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans=1)
        room = availHeight - sum(heights[:row])
        repeat = self.repeatRows
        header = repeat if isinstance(repeat, int) else max(repeat) + 1
        in_row = self.splitInRow and not self._spanCmds and header <= row < len(heights)
        if in_row and room >= layout.MIN_ROW_SPLIT and heights[row] - room >= self.MIN_REST:
            parts: list[Any] = self._splitRows(availHeight, doInRowSplit=1)
            if parts:
                return parts
        whole: list[Any] = self._splitRows(availHeight, doInRowSplit=0)
        if len(whole) == 2:
            whole[1]._not_in = room + 0.5
        elif not whole and self.splitInRow and header <= row and room >= layout.MIN_ROW_SPLIT:
            # No whole row fits even on this page: split inside one after all.
            whole = self._splitRows(availHeight, doInRowSplit=1)
        return whole

    def _splitCell(
        self, value: Any, style: Any, oldHeight: float, newHeight: float, width: float
    ) -> Any:
        """A top-aligned cell's flowables cut where the row is split.

        reportlab (5.1) measures a cell's flowables at the column width less the
        cell's padding but splits them at the full column width: the split text
        was broken for a wider column than it is drawn in, and a paragraph that
        fits whole at that width comes back unsplit, which reportlab does not
        expect (IndexError). Here they are split at the width they are drawn at.
        """
        if (
            not isinstance(value, (list, tuple))
            or style.valign != "TOP"
            or any(hasattr(flowable, "_findSplit") for flowable in value)
        ):
            return super()._splitCell(value, style, oldHeight, newHeight, width)
        inner = width - style.leftPadding - style.rightPadding
        room = newHeight - style.topPadding
        heights: list[float] = []
        self._listCellGeom(value, width, style, H=heights)  # wraps each at `inner`
        kept: list[Any] = []
        moved: list[Any] = []
        used = 0.0
        for flowable, height in zip(value, heights, strict=True):
            if moved:
                moved.append(flowable)
                continue
            before = flowable.getSpaceBefore()
            if used + before + height <= room:
                kept.append(flowable)
                used += before + height + flowable.getSpaceAfter()
                continue
            parts = flowable.split(inner, room - used - before)
            if len(parts) >= 2:
                kept.append(parts[0])
                moved.extend(parts[1:])
            elif parts:  # it fits after all
                kept.append(parts[0])
                used = room
            elif not kept:
                return []  # nothing of the cell fits above the split
            else:
                moved.append(flowable)
        return tuple(kept), tuple(moved)


class ShrinkToFit(KeepInFrame):  # type: ignore[misc]
    """Content shrunk to fit its frame, laid out exactly as it will be drawn.

    reportlab's KeepInFrame(mode="shrink") searches for a scale by laying the
    content out at several widths and may keep a scale other than the one it
    tried last: tables then draw rows measured for another width, and longer
    (translated) text runs into the next block. Here the content is laid out
    once more at the scale kept, which is raised until everything fits.
    """

    def __init__(self, width: float, height: float, content: list[Any], **kw: Any) -> None:
        super().__init__(width, height, content, mode="shrink", **kw)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        most_wide = float(min(self.maxWidth or availWidth, availWidth))
        most_high = float(min(self.maxHeight or availHeight, availHeight))

        def size(scale: float) -> tuple[float, float, bool]:
            wide, high = _listWrapOn(self._content, scale * most_wide, getattr(self, "canv", None))
            fits = high / scale <= most_high + 1e-6 and wide / scale <= most_wide + 1e-6
            return wide, high, fits

        wide, high, fits = size(1.0)
        scale = 1.0
        if not fits:
            # The smallest scale that fits, by bisection (text reflows at each width).
            low, scale = 1.0, max(high / most_high, wide / most_wide) * 1.01
            while not size(scale)[2]:
                low, scale = scale, scale * 1.1
            for _ in range(6):
                middle = (low + scale) / 2
                if size(middle)[2]:
                    scale = middle
                else:
                    low = middle
            wide, high, fits = size(scale)  # leave the content laid out as it is drawn
        self._scale = scale
        self.width, self.height = wide / scale, high / scale
        return self.width, self.height


class Later(Flowable):  # type: ignore[misc]
    """Stands in the story for flowables that cannot be made yet (the exhibits, made
    once their files are ready): `Document` asks for them when layout reaches it, so
    the pages before are laid out while the files are still being prepared."""

    def __init__(self, make: Callable[[], list[Any]]) -> None:
        super().__init__()
        self.make = make
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        raise RuntimeError("a Later flowable is replaced before it is drawn")


class Document(SimpleDocTemplate):  # type: ignore[misc]
    """The dossier's document: replaces a `Later` by its flowables when layout reaches it."""

    def filterFlowables(self, flowables: list[Any]) -> None:
        # Next in line, or after flowables kept with the next (taken as one group).
        for index, flowable in enumerate(flowables):
            if isinstance(flowable, Later):
                flowables[index : index + 1] = flowable.make()
                break
            keep = getattr(flowable, "getKeepWithNext", None)
            if keep is None or not keep():
                break


# Whitespace reportlab treats otherwise than a plain space, and the soft hyphen.
_SPECIAL_SPACE = re.compile(r"[^\S ]|[\xa0\xad]")

Segment = tuple[str, FontChain, bool]  # text, its font chain, its primary face named


class Lines(Flowable):  # type: ignore[misc]
    """Short text drawn line by line as given, when every line fits its width.

    Most table cells (a date and a time, an outcome, a next step, a contact's
    channel and team) hold a few short lines that never wrap. A Paragraph
    parses its markup, breaks its lines and sets them word by word; here each
    line's font runs are measured once and drawn where the Paragraph would
    have drawn them (baselines `fontSize` below the top, then `leading` apart,
    runs one after another). When a line does not fit, or the text has what
    only a Paragraph handles (right-to-left text, special spaces, empty lines),
    the Paragraph made from the same markup takes over: same result either way.
    """

    MARGIN = 0.01  # points: a line this close to the width is left to the Paragraph

    def __init__(self, lines: list[list[Segment]], style: Any) -> None:
        super().__init__()
        self.style = style
        self._source = lines
        self._para: Any = None
        self._runs = self._measure(lines, style)
        self._whole = False  # the last wrap found every line fitting

    @classmethod
    def of_text(cls, text: str, fonts: FontChain, style: Any, *, tag_all: bool = False) -> Any:
        return cls([[(line, fonts, tag_all)] for line in clean(text).split("\n")], style)

    @staticmethod
    def _measure(lines: list[list[Segment]], style: Any) -> list[list[tuple[str, str]]] | None:
        plain = (
            style.alignment == TA_LEFT
            and not style.wordWrap
            and not (style.leftIndent or style.rightIndent or style.firstLineIndent)
            and not getattr(style, "bulletText", None)
            and not style.backColor
            and not style.borderWidth
            and len(lines) <= 12
        )
        lines = [[(clean(text), fonts, tag) for text, fonts, tag in line] for line in lines]
        texts = ["".join(text for text, _, _ in line) for line in lines]
        if texts == [""]:
            return []  # no text: a Paragraph of no height
        if not plain or any(
            not text.strip(" ") or len(text) > 300 or _SPECIAL_SPACE.search(text) or has_rtl(text)
            for text in texts
        ):
            return None
        runs: list[list[tuple[str, str]]] = []
        for line in lines:
            drawn: list[tuple[str, str]] = []
            for text, fonts, tag_all in line:
                # A Paragraph sets words one space apart, without the line's edge spaces.
                words = " ".join(word for word in text.split(" ") if word)
                for name, run in fonts.runs(words):
                    drawn.append((name if tag_all or name != fonts.primary else "", run))
            runs.append(drawn)
        return runs

    def _paragraph(self) -> Any:
        if self._para is None:
            body = "<br/>".join(
                "".join(markup(text, fonts, tag_all=tag_all) for text, fonts, tag_all in line)
                for line in self._source
            )
            self._para = Para(body, self.style)
        return self._para

    def _fits(self, width: float) -> bool:
        runs = self._runs
        if runs is None:
            return False
        size, own = self.style.fontSize, self.style.fontName
        limit = width - self.MARGIN
        for line in runs:
            used = 0.0
            for name, run in line:
                used += stringWidth(run, name or own, size)
            if used > limit:
                return False
        return True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._whole = self._fits(availWidth)
        if self._whole:
            assert self._runs is not None
            self.width, self.height = availWidth, len(self._runs) * self.style.leading
        else:
            self.width, self.height = self._paragraph().wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts: list[Any] = self._paragraph().split(availWidth, availHeight)
        return parts

    def draw(self) -> None:
        if not self._whole:
            self._paragraph().drawOn(self.canv, 0, 0)
            return
        assert self._runs is not None
        style, canvas = self.style, self.canv
        canvas.saveState()
        canvas.setFillColor(style.textColor)
        # One text object, each line ended by a move to the next (as a Paragraph
        # writes it: text extraction then finds the same lines).
        text = canvas.beginText(0, self.height - style.fontSize)
        for line in self._runs:
            for index, (name, run) in enumerate(line):
                text.setFont(name or style.fontName, style.fontSize, style.leading)
                if index < len(line) - 1:
                    text.textOut(run)
                else:
                    text.textLine(run)
            if not line:
                text.textLine("")
        canvas.drawText(text)
        canvas.restoreState()
