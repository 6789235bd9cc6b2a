"""What every section is built from: the render context and small building blocks
(paragraphs of escaped user text, ruled headings with bookmarks, label/value
tables, banded tables, boxes, bullet lists)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Spacer, TableStyle

from desktop.coverage import Layer
from desktop.dossier import layout
from desktop.dossier.bidi_paragraph import BidiPara
from desktop.dossier.direction import has_rtl
from desktop.dossier.exhibits import Exhibit
from desktop.dossier.flowables import (
    Lines,
    MarkedParagraph,
    Para,
    RuledHeading,
    SplittingTable,
)
from desktop.dossier.formats import Formats
from desktop.dossier.strings import DossierStrings
from desktop.dossier.text import clean, is_blank, markup, one_line
from desktop.escalation import Recommendation
from desktop.model import Attachment, Case

T = TypeVar("T")


def safely(compute: Callable[[], T], fallback: T) -> T:
    """The core's analysis of odd data (a date in year 9999) must not stop the dossier."""
    try:
        return compute()
    except Exception:
        return fallback


@dataclass
class Context:
    case: Case
    strings: DossierStrings
    formats: Formats
    styles: layout.Styles
    prepared: dt.date
    frame: tuple[float, float]  # width, height a flowable may take
    redacted: bool
    exhibits: Sequence[Exhibit]  # filled in once the files are prepared
    numbers: dict[str, int]  # attachment id -> exhibit number, known from the start
    layers: list[Layer]
    argument: str
    recommendation: Recommendation | None

    @property
    def width(self) -> float:
        return self.frame[0]

    # Text ---------------------------------------------------------------------

    def para(self, text: str, style: Any, *, bold: bool = False) -> Any:
        fonts = self.styles.bold if bold else self.styles.regular
        if has_rtl(text):  # broken into lines before reordering (bidi_paragraph.py)
            return BidiPara(text, fonts, style)
        # Short lines drawn as they are, a Paragraph when they wrap (flowables.Lines).
        return Lines.of_text(text, fonts, style)

    def rich(self, parts: Sequence[tuple[str, bool]], style: Any) -> Any:
        """One paragraph of (text, bold) pieces."""
        st = self.styles
        body = "".join(
            markup(text, st.bold if bold else st.regular, tag_all=bold) for text, bold in parts
        )
        return Para(body, style)

    def heading(self, text: str, key: str, *, level: int = 0, outline: str = "") -> Any:
        mark = (key, one_line(outline or text), level)
        return RuledHeading(markup(text, self.styles.bold), self.styles.heading, mark=mark)

    def subheading(self, text: str, key: str = "", *, level: int = 1) -> Any:
        mark = (key, one_line(text), level) if key else None
        return MarkedParagraph(markup(text, self.styles.bold), self.styles.subheading, mark=mark)

    def long_text(self, text: str, style: Any) -> list[Any]:
        """User prose as paragraphs, one per block of lines, so long text splits well."""
        blocks = [block for block in clean(text).split("\n\n") if block.strip()]
        return [self.para(block.strip("\n"), style) for block in blocks]

    def bullets(self, items: Sequence[str], *, symbol: str = "•", small: bool = False) -> list[Any]:
        st = self.styles
        style = st.bullet_small if small else st.bullet
        return [
            Para(markup(item, st.regular), style, bulletText=symbol)
            for item in items
            if not is_blank(item)
        ]

    def longest_word(
        self, text: str, *, bold: bool = False, size: float = layout.TABLE_SIZE
    ) -> float:
        """Width in points of the widest word of `text` that cannot be broken: scripts
        written with spaces (CJK text breaks between any two characters)."""
        fonts = self.styles.bold if bold else self.styles.regular
        fonts.load_primary()
        words = [word for word in text.split() if not any(ord(char) >= 0x2E80 for char in word)]
        return max((stringWidth(word, fonts.primary, size) for word in words), default=0.0)

    def date(self, value: dt.date | None) -> str:
        return self.formats.long_date(value) if value else ""

    def short_date(self, value: dt.date | None) -> str:
        return self.formats.short_date(value) if value else ""

    # Tables -------------------------------------------------------------------

    def key_values(
        self,
        rows: Sequence[tuple[str, str]],
        *,
        boxed: bool = False,
        top_rule: bool = False,
        label_share: float = 0.3,
        compact: bool = False,
        width: float | None = None,
    ) -> Any:
        """A two-column table of label and value; rows with a blank value are left out.

        `width` is the width the table will get (the frame's unless said); the label
        column is at most 45 mm, yet never narrower than the longest word of a label
        (a German "Seriennummer" is not cut in two), and at most half the table.
        """
        st = self.styles
        shown = [(label, value) for label, value in rows if not is_blank(value)]
        data = [
            [self.para(label, st.cell_bold, bold=True), self.para(value, st.cell)]
            for label, value in shown
        ]
        if not data:
            return self.para(self.strings.nothing_recorded, st.body)
        width = width or self.width
        padding = 4 if compact else 6
        longest = max(self.longest_word(label, bold=True) for label, _ in shown)
        label_share = min(45 * layout.MM / width, label_share)
        label_share = min(max(label_share, (longest + 2 * padding + 1) / width), 0.5)
        table = SplittingTable(
            data,
            colWidths=percent([label_share, 1 - label_share]),
            hAlign="LEFT",
            splitInRow=layout.MIN_ROW_SPLIT,
        )
        commands: list[tuple[Any, ...]] = [
            *self.cell_padding(2 if compact else 3.5, padding),
            ("LINEBELOW", (0, 0), (-1, -2), 0.4, layout.HAIRLINE),
        ]
        if boxed:
            commands += [
                ("BACKGROUND", (0, 0), (-1, -1), layout.BOX_FILL),
                ("BOX", (0, 0), (-1, -1), 0.6, layout.RULE),
            ]
        else:
            if top_rule:
                commands.append(("LINEABOVE", (0, 0), (-1, 0), 0.4, layout.HAIRLINE))
            commands.append(("LINEBELOW", (0, -1), (-1, -1), 0.4, layout.HAIRLINE))
        table.setStyle(TableStyle(commands))
        return table

    def grid(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Any]],
        shares: Sequence[float],
        *,
        whole: Sequence[str] = (),
    ) -> Any:
        """A banded table with a repeated header row; cells are text or flowables.

        Each column is at least as wide as the longest word of its header and of the
        text given for it in `whole` (bold, e.g. "Приложение 12" for a column of
        exhibit labels drawn as links)."""
        st = self.styles
        data: list[list[Any]] = [[self.para(text, st.cell_head, bold=True) for text in header]]
        for row in rows:
            data.append(
                [self.para(cell, st.cell) if isinstance(cell, str) else cell for cell in row]
            )
        widths = self.fit_headers(header, [*shares[:-1], 1 - sum(shares[:-1])], whole)
        table = SplittingTable(
            data,
            colWidths=percent(widths),
            repeatRows=1,
            splitInRow=layout.MIN_ROW_SPLIT,
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    *self.cell_padding(4, 4),
                    ("BACKGROUND", (0, 0), (-1, 0), layout.HEADER_FILL),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.6, layout.RULE),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.6, layout.RULE),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, layout.BAND]),
                    ("LINEBELOW", (0, -1), (-1, -1), 0.6, layout.RULE),
                ]
            )
        )
        return table

    def fit_headers(
        self, header: Sequence[str], shares: list[float], whole: Sequence[str] = ()
    ) -> list[float]:
        """Column shares widened where a header word would not fit whole (a German
        "Garantiezeitraum", a Russian "Обращения"), taken from columns with room."""
        padding = 2 * 4 + 1  # grid cells' left and right padding, and a point to spare
        extra = [*whole, *[""] * (len(header) - len(whole))]
        needs = [
            min((self.longest_word(f"{text} {more}", bold=True) + padding) / self.width, 0.5)
            for text, more in zip(header, extra, strict=True)
        ]
        widths = [max(share, need) for share, need in zip(shares, needs, strict=True)]
        excess = sum(widths) - 1
        room = [max(width - need, 0.0) for width, need in zip(widths, needs, strict=True)]
        if excess <= 0 or sum(room) <= excess:
            return shares if excess > 0 else widths
        return [
            width - excess * spare / sum(room) for width, spare in zip(widths, room, strict=True)
        ]

    def box(
        self, content: Sequence[Any], *, fill: Any = None, rule: Any = None, padding: float = 9
    ) -> Any:
        """Flowables in a ruled, tinted box as wide as the frame (it may split across pages)."""
        table = SplittingTable(
            [[list(content)]],
            colWidths=["100%"],
            hAlign="LEFT",
            splitInRow=layout.MIN_ROW_SPLIT,
        )
        table.setStyle(
            TableStyle(
                [
                    *self.cell_padding(padding, padding + 2),
                    ("BACKGROUND", (0, 0), (-1, -1), fill or layout.ACCENT_FILL),
                    ("LINEBEFORE", (0, 0), (0, -1), 2.2, rule or layout.ACCENT),
                ]
            )
        )
        return table

    def cell_padding(self, vertical: float, horizontal: float) -> list[tuple[Any, ...]]:
        """A table's common commands: padding, top alignment, and its default font
        (reportlab sets Helvetica, unembedded, before each cell otherwise)."""
        return [
            ("FONT", (0, 0), (-1, -1), self.styles.regular.primary, layout.TABLE_SIZE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), vertical),
            ("BOTTOMPADDING", (0, 0), (-1, -1), vertical),
            ("LEFTPADDING", (0, 0), (-1, -1), horizontal),
            ("RIGHTPADDING", (0, 0), (-1, -1), horizontal),
        ]

    # Files --------------------------------------------------------------------

    def exhibit_number(self, attachment: Attachment) -> int | None:
        return self.numbers.get(attachment.id)

    def attachment_list(self, attachments: Sequence[Attachment]) -> str:
        lines = []
        for item in attachments:
            name = one_line(item.file_name) or one_line(item.stored_name)
            number = self.exhibit_number(item)
            if number is not None:
                name = self.strings.file_with_exhibit.format(file_name=name, number=number)
            lines.append(name)
        return "\n".join(lines)


def percent(shares: Sequence[float]) -> list[str]:
    """Column widths as shares of the width the table is given (so that a table
    in a frame that shrinks its content to fit shrinks with the text around it)."""
    return [f"{share * 100:.4f}%" for share in shares]


def spacer(height: float) -> Any:
    return Spacer(1, height)
