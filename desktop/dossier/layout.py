"""The dossier's look: page geometry, colours, paragraph styles, the numbering canvas.

Imported only while rendering (it pulls in reportlab).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import paragraph as _paragraph

from desktop.dossier.direction import visual
from desktop.dossier.fonts import FontChain, Weight, chain
from desktop.dossier.text import one_line

MM: float = mm

# Pictures are written as binary streams, not ASCII85 text: a quarter smaller, and
# reportlab's pure-Python encoder took over a second for eight photos.
rl_config.useA85 = 0

# Chinese lines may not start with closing punctuation; reportlab's list of such
# characters (used by wordWrap="CJK") lacks the full-width comma, colon and the like.
_CANNOT_START = "，；：！？》〉％"
_paragraph.ALL_CANNOT_START += "".join(
    char for char in _CANNOT_START if char not in _paragraph.ALL_CANNOT_START
)

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "LETTER": LETTER}

MARGIN_LEFT = 22 * mm
MARGIN_RIGHT = 22 * mm
MARGIN_TOP = 26 * mm
MARGIN_BOTTOM = 24 * mm

INK = colors.HexColor("#1d1f23")
MUTED = colors.HexColor("#5f6670")
RULE = colors.HexColor("#9aa1ab")
HAIRLINE = colors.HexColor("#c9ced6")
BAND = colors.HexColor("#f3f4f7")
HEADER_FILL = colors.HexColor("#e4e7ec")
BOX_FILL = colors.HexColor("#f6f7f9")
ACCENT = colors.HexColor("#1f3a5f")  # a deep ink blue: rules of boxes, links
ACCENT_FILL = colors.HexColor("#eef2f7")
WARN_FILL = colors.HexColor("#fbf3e6")
WARN_RULE = colors.HexColor("#b7791f")

FRAME_PADDING = 6.0  # reportlab's Frame keeps this much inside each margin

# A table row is split across pages only if at least this much of it fits
# (points): no single stranded line at the foot of a page.
MIN_ROW_SPLIT = 36

BODY_SIZE = 10.0
BODY_LEADING = 13.0
TABLE_SIZE = 8.5
TABLE_LEADING = 11.0


def page_size(name: str) -> tuple[float, float]:
    try:
        return PAGE_SIZES[name.strip().upper()]
    except (KeyError, AttributeError):
        raise ValueError(f"page size must be 'A4' or 'Letter', not {name!r}") from None


def content_box(size: tuple[float, float]) -> tuple[float, float]:
    """Width and height a flowable may take inside the page's frame."""
    width = size[0] - MARGIN_LEFT - MARGIN_RIGHT - 2 * FRAME_PADDING
    height = size[1] - MARGIN_TOP - MARGIN_BOTTOM - 2 * FRAME_PADDING
    return width, height


@dataclass(frozen=True)
class Styles:
    regular: FontChain
    bold: FontChain
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    cover_kicker: ParagraphStyle
    cover_title: ParagraphStyle
    cover_device: ParagraphStyle
    box_title: ParagraphStyle
    disclaimer: ParagraphStyle
    caption: ParagraphStyle
    lead: ParagraphStyle
    label: ParagraphStyle
    bullet: ParagraphStyle
    bullet_small: ParagraphStyle
    footnote: ParagraphStyle
    cell_muted: ParagraphStyle
    link: ParagraphStyle
    big: ParagraphStyle


def make_styles(word_wrap: str | None = None) -> Styles:
    """The paragraph styles; `word_wrap="CJK"` for a Chinese dossier (lines break
    between characters but never before "。", "，" or "）", nor inside a Latin word)."""
    regular = chain(Weight.REGULAR)
    bold = chain(Weight.BOLD)
    rg, bd = regular.primary, bold.primary

    def style(name: str, font: str, size: float, leading: float, **extra: Any) -> ParagraphStyle:
        extra.setdefault("textColor", INK)
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=leading,
            splitLongWords=1,
            wordWrap=word_wrap,
            **extra,
        )

    return Styles(
        regular=regular,
        bold=bold,
        body=style("body", rg, BODY_SIZE, BODY_LEADING, spaceAfter=6),
        small=style("small", rg, 8.5, 11, textColor=MUTED),
        cell=style("cell", rg, TABLE_SIZE, TABLE_LEADING),
        cell_bold=style("cell_bold", bd, TABLE_SIZE, TABLE_LEADING),
        cell_head=style("cell_head", bd, TABLE_SIZE, TABLE_LEADING),
        heading=style("heading", bd, 14, 18, spaceBefore=16, spaceAfter=10, keepWithNext=1),
        subheading=style("subheading", bd, 10, 13, spaceBefore=8, spaceAfter=3, keepWithNext=1),
        cover_kicker=style("cover_kicker", bd, 10, 13, textColor=MUTED, spaceAfter=14),
        cover_title=style("cover_title", bd, 24, 30, spaceAfter=8),
        cover_device=style("cover_device", rg, 13, 17, textColor=MUTED, spaceAfter=22),
        box_title=style("box_title", bd, 10, 13, spaceAfter=2),
        disclaimer=style("disclaimer", rg, 7.5, 10, textColor=MUTED),
        caption=style("caption", bd, 11, 14, spaceAfter=2, keepWithNext=1),
        lead=style("lead", rg, 11, 15, spaceAfter=4),
        label=style("label", bd, 7.5, 10, textColor=MUTED, spaceAfter=1, keepWithNext=1),
        bullet=style(
            "bullet",
            rg,
            9.2,
            12,
            leftIndent=11,
            bulletIndent=0,
            spaceAfter=2,
            bulletFontName=rg,
        ),
        bullet_small=style(
            "bullet_small",
            rg,
            TABLE_SIZE,
            TABLE_LEADING,
            leftIndent=9,
            bulletIndent=0,
            spaceAfter=1.5,
            bulletFontName=rg,
            bulletFontSize=TABLE_SIZE,
        ),
        footnote=style("footnote", rg, 7.5, 10, textColor=MUTED, spaceBefore=2),
        cell_muted=style("cell_muted", rg, 7.5, 9.5, textColor=MUTED),
        link=style("link", bd, TABLE_SIZE, TABLE_LEADING, textColor=ACCENT),
        big=style("big", bd, 15, 19, spaceAfter=2),
    )


# Drawing outside paragraphs (header and footer) with the same font runs.


def text_width(text: str, fonts: FontChain, size: float) -> float:
    return float(sum(stringWidth(run, name, size) for name, run in fonts.runs(text)))


def fit(text: str, fonts: FontChain, size: float, width: float) -> str:
    """`text` on one line, shortened with an ellipsis to fit `width`."""
    # No line holds more than a few hundred characters: measure no more than that.
    text = one_line(text[:2000])[:500]
    if text_width(text, fonts, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if text_width(text[:middle].rstrip() + "…", fonts, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def draw_runs(
    canvas: Any,
    x: float,
    y: float,
    text: str,
    fonts: FontChain,
    size: float,
    *,
    right: bool = False,
) -> None:
    runs = fonts.runs(visual(text))
    if right:
        x -= sum(stringWidth(run, name, size) for name, run in runs)
    for name, run in runs:
        canvas.setFont(name, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, name, size)


@dataclass
class PageDecoration:
    """What every page carries: the case title above (and an exhibit's stamp),
    the date prepared, page numbers and, on a redacted copy, a notice below."""

    title: str
    prepared: str  # "Prepared on 4 March 2026"
    page_of: str  # "Page {page} of {total}"
    regular: FontChain
    bold: FontChain
    notice: str = ""  # "Redacted copy"
    pdf_date: str = ""  # "D:20260304000000Z": the creation date written into the PDF
    _fitted: dict[float, str] = field(default_factory=dict)

    def draw(self, canvas: Any, page: int, total: int, stamp: str | None = None) -> None:
        width, height = canvas._pagesize
        left, right = MARGIN_LEFT + FRAME_PADDING, width - MARGIN_RIGHT - FRAME_PADDING
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setStrokeColor(HAIRLINE)
        canvas.setLineWidth(0.5)
        top = height - MARGIN_TOP + 9 * mm
        room = right - left
        if stamp:
            room -= self.draw_stamp(canvas, right, top, stamp) + 6 * mm
        title = self._fitted.get(room)
        if title is None:
            title = self._fitted[room] = fit(self.title, self.regular, 8.5, room)
        canvas.setFillColor(MUTED)
        draw_runs(canvas, left, top, title, self.regular, 8.5)
        canvas.setStrokeColor(HAIRLINE)
        canvas.line(left, top - 2.2 * mm, right, top - 2.2 * mm)
        bottom = MARGIN_BOTTOM - 11 * mm
        canvas.line(left, bottom + 4 * mm, right, bottom + 4 * mm)
        draw_runs(canvas, left, bottom, self.prepared, self.regular, 8.5)
        if self.notice:
            notice_width = text_width(self.notice, self.bold, 8.5)
            canvas.setFillColor(INK)
            draw_runs(
                canvas, (left + right - notice_width) / 2, bottom, self.notice, self.bold, 8.5
            )
            canvas.setFillColor(MUTED)
        numbers = self.page_of.format(page=page, total=total)
        draw_runs(canvas, right, bottom, numbers, self.regular, 8.5, right=True)
        canvas.restoreState()

    def draw_stamp(self, canvas: Any, right: float, baseline: float, stamp: str) -> float:
        """The exhibit stamp, boxed, flush right in the top margin; returns its width."""
        size = 9.0
        text = fit(stamp, self.bold, size, 90 * mm)
        width = text_width(text, self.bold, size)
        pad_x, pad_y = 2.2 * mm, 1.6 * mm
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.7)
        canvas.setFillColor(colors.white)
        canvas.rect(
            right - width - 2 * pad_x,
            baseline - pad_y - 0.5,
            width + 2 * pad_x,
            size + 2 * pad_y - 1,
            stroke=1,
            fill=1,
        )
        canvas.setFillColor(INK)
        draw_runs(canvas, right - pad_x, baseline + 0.4, text, self.bold, size, right=True)
        return float(width + 2 * pad_x)


@dataclass(frozen=True)
class Mark:
    """An outline entry and the named destination it opens, set on the page it is drawn on."""

    key: str
    title: str
    level: int
    top: float  # absolute y of the destination's top


@dataclass
class PageRecord:
    """What the numbering canvas learned about each page, for the step after layout."""

    stamps: dict[int, str] = field(default_factory=dict)
    slots: list[Any] = field(default_factory=list)  # receipts_pdf.Slot, by page
    pages: int = 0


def numbering_canvas(
    decoration: PageDecoration,
    on_page: Callable[[int], None] | None = None,
    record: PageRecord | None = None,
) -> type[Canvas]:
    """A canvas class that holds its pages back until the end, then adds header
    and footer with the final page count ("Page X of Y"), the exhibit stamps,
    and the outline entries (a destination can only name its page then)."""
    from desktop.dossier.receipts_pdf import Slot

    found = record if record is not None else PageRecord()

    class NumberingCanvas(Canvas):  # type: ignore[misc]
        pages_written = 0

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # A TrueType initial font keeps reportlab from adding an unembedded Helvetica.
            if not kwargs.get("initialFontName"):
                kwargs["initialFontName"] = decoration.regular.primary
                kwargs["initialFontSize"] = BODY_SIZE
                kwargs["initialLeading"] = BODY_LEADING
            super().__init__(*args, **kwargs)
            if decoration.pdf_date:
                self.setDateFormatter(lambda *_: decoration.pdf_date)
            self._held: list[dict[str, Any]] = []
            self._new_page_notes()

        def _new_page_notes(self) -> None:
            self.dossier_stamp: str | None = None
            self.dossier_marks: list[Mark] = []
            self.dossier_slot: tuple[int, int, tuple[float, float, float, float]] | None = None

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._new_page_notes()
            if on_page is not None:
                on_page(len(self._held))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for index, state in enumerate(self._held):
                self.__dict__.update(state)
                for mark in self.dossier_marks:
                    self.bookmarkPage(mark.key, fit="XYZ", top=mark.top)
                    self.addOutlineEntry(mark.title, mark.key, level=mark.level)
                if self.dossier_stamp:
                    found.stamps[index] = self.dossier_stamp
                if self.dossier_slot is not None:
                    exhibit, source_page, rect = self.dossier_slot
                    found.slots.append(Slot(index, exhibit, source_page, rect))
                decoration.draw(self, self._pageNumber, total, self.dossier_stamp)
                super().showPage()
            if any(state.get("dossier_marks") for state in self._held):
                self.showOutline()
            type(self).pages_written = total
            found.pages = total
            super().save()

    return NumberingCanvas
