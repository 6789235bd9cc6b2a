"""Render a case to a PDF dossier: story assembly, progress, cancellation, atomic write."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.dossier.exhibits import Exhibit
from desktop.dossier.strings import EN, DossierStrings
from desktop.dossier.text import clean, is_blank, markup, one_line
from desktop.model import Attachment, AttachmentRole, Case, ContactEntry

if TYPE_CHECKING:
    from desktop.dossier.layout import Styles

# A photo takes at most this share of the page's height, so that two can share a page.
PHOTO_SHARE = 0.42

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class RenderCancelled(Exception):
    """The caller asked to stop; nothing was written to the output path."""


@dataclass
class _Steps:
    total: int
    progress: Progress | None
    cancelled: Cancelled | None
    done: int = 0

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise RenderCancelled()

    def advance(self, *, may_cancel: bool = True) -> None:
        if may_cancel:
            self.check()
        self.done = min(self.done + 1, self.total)
        if self.progress is not None:
            self.progress(self.done, self.total)


def render_dossier(
    case: Case,
    out_path: Path,
    *,
    attachments_dir: Path | None = None,
    prepared_on: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    page_size: str = "A4",
) -> int:
    """Write the case's dossier to `out_path` and return its page count.

    The PDF is built in a temporary file beside `out_path` and moved into place
    only when complete; on failure or cancellation `out_path` is left as it was.
    Raises RenderCancelled when `cancelled()` turns true.
    """
    from desktop.dossier import exhibits as ex

    out_path = Path(out_path)
    prepared = prepared_on or date.today()
    exhibit_list = ex.number_exhibits(case.attachments()) if attachments_dir is not None else []
    # fonts, cover and sections, each exhibit, layout, write
    steps = _Steps(total=4 + len(exhibit_list), progress=progress, cancelled=cancelled)
    steps.check()

    from desktop.dossier import layout

    size = layout.page_size(page_size)
    styles = layout.make_styles()
    steps.advance()

    builder = _StoryBuilder(case, styles, EN, prepared, exhibit_list, size)
    story = builder.sections()
    steps.advance()
    if attachments_dir is not None:
        for exhibit in exhibit_list:
            story.extend(builder.exhibit(exhibit, Path(attachments_dir)))
            steps.advance()

    out_path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{out_path.name}.", suffix=".part", dir=out_path.parent
    )
    os.close(handle)
    temp = Path(temp_name)
    try:
        pages = _build(case, story, temp, styles, EN, prepared, size, steps)
        steps.advance()
        with open(temp, "r+b") as written:
            os.fsync(written.fileno())
        os.replace(temp, out_path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    steps.advance(may_cancel=False)  # written: too late to cancel
    return pages


def _build(
    case: Case,
    story: list[Any],
    target: Path,
    styles: Styles,
    strings: DossierStrings,
    prepared: date,
    size: tuple[float, float],
    steps: _Steps,
) -> int:
    from reportlab.platypus import SimpleDocTemplate

    from desktop.dossier import layout

    title = one_line(case.title) or strings.untitled_case
    decoration = layout.PageDecoration(
        title=title,
        prepared=strings.footer_prepared.format(date=strings.long_date(prepared)),
        page_of=strings.page_of,
        fonts=styles.regular,
    )

    def on_page(_page: int) -> None:
        steps.check()

    canvas_class = layout.numbering_canvas(decoration, on_page)
    device = _device_name(case, strings)
    doc = SimpleDocTemplate(
        str(target),
        pagesize=size,
        leftMargin=layout.MARGIN_LEFT,
        rightMargin=layout.MARGIN_RIGHT,
        topMargin=layout.MARGIN_TOP,
        bottomMargin=layout.MARGIN_BOTTOM,
        title=title,
        author=one_line(case.owner.name),
        subject=strings.pdf_subject.format(device=device),
        creator=strings.pdf_creator,
        producer=strings.pdf_creator,
        invariant=1,
    )
    doc.build(story, canvasmaker=canvas_class)
    return int(canvas_class.pages_written)


def _device_name(case: Case, strings: DossierStrings) -> str:
    kind = strings.kind_label(case.device.kind)
    model = one_line(case.device.model_name)
    if not model:
        return kind
    if model.casefold().startswith(kind.casefold()):
        return model
    return strings.device_name.format(kind=kind, model=model).strip()


def _price(amount: Decimal | None, currency: str, strings: DossierStrings) -> str:
    if amount is None:
        return ""
    try:
        figure = f"{amount:,.2f}"
    except (InvalidOperation, ValueError):
        figure = str(amount)
    return strings.price_value.format(amount=figure, currency=one_line(currency)).strip()


class _StoryBuilder:
    """Turns a case into reportlab flowables, section by section."""

    def __init__(
        self,
        case: Case,
        styles: Styles,
        strings: DossierStrings,
        prepared: date,
        exhibits: Sequence[Exhibit],
        size: tuple[float, float],
    ) -> None:
        from desktop.dossier import layout

        self.case = case
        self.st = styles
        self.s = strings
        self.prepared = prepared
        self.exhibit_numbers = {item.attachment.id: item.number for item in exhibits}
        self.frame_width, self.frame_height = layout.content_box(size)

    # Small helpers -----------------------------------------------------------

    def para(self, text: str, style: Any, *, bold: bool = False) -> Any:
        from reportlab.platypus import Paragraph

        fonts = self.st.bold if bold else self.st.regular
        return Paragraph(markup(text, fonts), style)

    def heading(self, text: str) -> Any:
        from desktop.dossier.layout import RuledHeading

        return RuledHeading(markup(text, self.st.bold), self.st.heading)

    def long_text(self, text: str, style: Any) -> list[Any]:
        """User prose as paragraphs, one per block of lines, so long text splits well."""
        blocks = [block for block in clean(text).split("\n\n") if block.strip()]
        return [self.para(block.strip("\n"), style) for block in blocks]

    def key_values(
        self, rows: Sequence[tuple[str, str]], *, boxed: bool = False, top_rule: bool = False
    ) -> Any:
        """A two-column table of label and value; rows with a blank value are left out.

        `top_rule` draws a hairline above the first row (where no heading's rule is)."""
        from reportlab.platypus import Table, TableStyle

        from desktop.dossier import layout

        data = [
            [self.para(label, self.st.cell_bold, bold=True), self.para(value, self.st.cell)]
            for label, value in rows
            if not is_blank(value)
        ]
        if not data:
            return self.para(self.s.nothing_recorded, self.st.body)
        label_width = min(45 * layout.MM, self.frame_width * 0.36)
        table = Table(
            data,
            colWidths=[label_width, self.frame_width - label_width],
            hAlign="LEFT",
            splitInRow=layout.MIN_ROW_SPLIT,
        )
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), self.st.regular.primary, layout.TABLE_SIZE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
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

    def attachment_list(self, attachments: Sequence[Attachment]) -> str:
        lines = []
        for item in attachments:
            name = one_line(item.file_name) or one_line(item.stored_name)
            number = self.exhibit_numbers.get(item.id)
            if number is not None:
                name = self.s.file_with_exhibit.format(file_name=name, number=number)
            lines.append(name)
        return "\n".join(lines)

    # Sections ----------------------------------------------------------------

    def sections(self) -> list[Any]:
        story = self.cover()
        story += self.device_section()
        story += self.purchase_section()
        story += self.symptoms_section()
        story += self.timeline_section()
        return story

    def cover(self) -> list[Any]:
        from reportlab.platypus import PageBreak, Spacer
        from reportlab.platypus.flowables import TopPadder

        from desktop.dossier.layout import MM

        case, s = self.case, self.s
        title = one_line(case.title) or s.untitled_case
        story: list[Any] = [
            Spacer(1, 18 * MM),
            self.para(s.dossier_label, self.st.cover_kicker, bold=True),
            self.para(title, self.st.cover_title, bold=True),
            self.para(_device_name(case, s), self.st.cover_device),
        ]
        story.append(
            self.key_values(
                [
                    (s.owner, case.owner.name),
                    (s.device, _device_name(case, s)),
                    (s.case_type, s.case_type_label(case.case_type)),
                    (s.case_numbers, "\n".join(case.case_numbers())),
                    (s.prepared_on, s.long_date(self.prepared)),
                ],
                top_rule=True,
            )
        )
        story.append(Spacer(1, 22))
        story.append(self.glance_box())
        story.append(Spacer(1, 28))
        # At the foot of the cover page, whatever the cover holds above it.
        story.append(TopPadder(self.para(s.disclaimer, self.st.disclaimer)))
        story.append(PageBreak())
        return story

    def glance_box(self) -> Any:
        from reportlab.platypus import KeepTogether

        case, s = self.case, self.s
        timeline = case.timeline()
        purchase_date = s.long_date(case.purchase.date) if case.purchase.date else s.not_recorded
        seller = one_line(case.purchase.seller) or s.not_recorded
        rows = [
            (s.purchase_date, purchase_date),
            (s.seller, seller),
            (s.contacts_so_far, str(len(timeline)) if timeline else s.no_contacts),
        ]
        if timeline:
            last = timeline[-1]
            last_text = s.last_contact_value.format(
                date=s.long_date(last.at.date()), outcome=s.outcome(last.outcome)
            )
            rows.append((s.last_contact, last_text))
            if not is_blank(last.next_step):
                step = one_line(last.next_step)
                if last.next_step_due:
                    step = s.step_with_due.format(step=step, date=s.long_date(last.next_step_due))
                rows.append((s.next_step, step))
        return KeepTogether(
            [
                self.para(s.at_a_glance, self.st.box_title, bold=True),
                self.key_values(rows, boxed=True),
            ]
        )

    def device_section(self) -> list[Any]:
        case, s = self.case, self.s
        device = case.device
        rows = [
            (s.kind, s.kind_label(device.kind)),
            (s.model, device.model_name),
            (s.serial, device.serial),
            (s.imei, device.imei),
            (s.imei2, device.imei2),
            (s.eid, device.eid),
            (s.apple_id, case.apple_id),
        ]
        return [self.heading(s.device_heading), self.key_values(rows)]

    def purchase_section(self) -> list[Any]:
        case, s = self.case, self.s
        purchase = case.purchase
        rows = [
            (s.purchase_date, s.long_date(purchase.date) if purchase.date else ""),
            (s.seller, purchase.seller),
            (s.country, purchase.country),
            (s.order_number, purchase.order_number),
            (s.price, _price(purchase.price, purchase.currency, s)),
            (s.receipts, self.attachment_list(purchase.receipts)),
        ]
        return [self.heading(s.purchase_heading), self.key_values(rows)]

    def symptoms_section(self) -> list[Any]:
        case, s = self.case, self.s
        symptoms = case.symptoms
        story: list[Any] = [self.heading(s.symptoms_heading)]
        prose = [
            (s.description, symptoms.description),
            (s.tried, symptoms.tried),
            (s.error_messages, symptoms.error_messages),
        ]
        noticed = symptoms.first_noticed
        facts = [
            (s.first_noticed, s.long_date(noticed) if noticed else ""),
            (s.frequency, symptoms.frequency),
            (s.photos, self.attachment_list(symptoms.photos)),
        ]
        if any(not is_blank(value) for _, value in facts):
            story.append(self.key_values(facts))
        for label, value in prose:
            if is_blank(value):
                continue
            story.append(self.para(label, self.st.subheading, bold=True))
            story += self.long_text(value, self.st.body)
        if len(story) == 1:
            story.append(self.para(s.nothing_recorded, self.st.body))
        return story

    def timeline_section(self) -> list[Any]:
        from reportlab.platypus import CondPageBreak, Table, TableStyle

        from desktop.dossier import layout

        s, st = self.s, self.st
        # Start the table on a fresh page rather than with a sliver at the foot of one.
        story: list[Any] = [CondPageBreak(150), self.heading(s.timeline_heading)]
        timeline = self.case.timeline()
        if not timeline:
            story.append(self.para(s.no_timeline, st.body))
            return story
        story.append(self.para(s.timeline_intro, st.small))
        story.append(layout_spacer(4))

        def cell(text: str) -> Any:
            return self.para(text, st.cell)

        header = [
            self.para(text, st.cell_head, bold=True)
            for text in (s.col_when, s.col_contact, s.col_outcome, s.col_notes, s.col_next)
        ]
        data: list[list[Any]] = [header]
        for entry in timeline:
            when = f"{s.short_date(entry.at.date())}\n{s.time(entry.at)}"
            data.append(
                [
                    cell(when),
                    self.contact_cell(entry),
                    self.para(s.outcome(entry.outcome), st.cell_bold, bold=True),
                    cell(entry.notes.strip()),
                    cell(self.next_step_text(entry)),
                ]
            )
        widths = [self.frame_width * part for part in (0.14, 0.22, 0.12, 0.0, 0.17)]
        widths[3] = self.frame_width - sum(widths)
        table = Table(
            data, colWidths=widths, repeatRows=1, splitInRow=layout.MIN_ROW_SPLIT, hAlign="LEFT"
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), st.regular.primary, layout.TABLE_SIZE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    ("BACKGROUND", (0, 0), (-1, 0), layout.HEADER_FILL),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.6, layout.RULE),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.6, layout.RULE),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, layout.BAND]),
                    ("LINEBELOW", (0, -1), (-1, -1), 0.6, layout.RULE),
                ]
            )
        )
        story.append(table)
        return story

    def contact_cell(self, entry: ContactEntry) -> Any:
        """Channel (bold), team, person and case number, one per line."""
        from reportlab.platypus import Paragraph

        s, st = self.s, self.st
        lines = [markup(s.channel(entry.channel), st.bold, tag_all=True)]
        lines.append(markup(s.tier(entry.tier), st.regular))
        if not is_blank(entry.who):
            lines.append(markup(entry.who.strip(), st.regular))
        if not is_blank(entry.case_number):
            number = s.case_number_line.format(number=one_line(entry.case_number))
            lines.append(markup(number, st.regular))
        return Paragraph("<br/>".join(lines), st.cell)

    def next_step_text(self, entry: ContactEntry) -> str:
        s = self.s
        text = clean(entry.next_step).strip()
        if entry.next_step_due:
            due = s.due.format(date=s.short_date(entry.next_step_due))
            text = f"{text}\n{due}" if text else due
        return text

    # Exhibits ----------------------------------------------------------------

    def exhibit(self, exhibit: Exhibit, attachments_dir: Path) -> list[Any]:
        from reportlab.platypus import Image, KeepTogether, PageBreak

        from desktop.dossier import exhibits as ex

        s, st = self.s, self.st
        story: list[Any] = []
        if exhibit.number == 1:
            story += [PageBreak(), self.heading(s.exhibits_heading)]
        item = exhibit.attachment
        name = one_line(item.file_name) or one_line(item.stored_name)
        caption = s.exhibit_caption.format(
            number=exhibit.number, file_name=name, role=ex.role_label(s, item)
        )
        room = self.frame_height - 40  # the caption above it
        if item.role != AttachmentRole.RECEIPT:
            room *= PHOTO_SHARE  # receipts are read at full size; photos need less
        result = ex.prepare(exhibit, attachments_dir, self.frame_width, room)
        if isinstance(result, ex.ExhibitProblem):
            story.append(
                KeepTogether(
                    [
                        self.para(caption, st.caption, bold=True),
                        self.para(ex.problem_text(s, item, result.reason), st.body),
                    ]
                )
            )
            return story
        picture = Image(io.BytesIO(result.data), width=result.width, height=result.height)
        picture.hAlign = "LEFT"
        story.append(KeepTogether([self.para(caption, st.caption, bold=True), picture]))
        story.append(layout_spacer(12))
        return story


def layout_spacer(height: float) -> Any:
    from reportlab.platypus import Spacer

    return Spacer(1, height)
