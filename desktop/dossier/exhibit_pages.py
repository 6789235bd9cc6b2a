"""The exhibits index (each entry a link) and the exhibit pages, each stamped."""

from __future__ import annotations

import io
from typing import Any

from reportlab.platypus import PageBreak

from desktop.dossier import layout
from desktop.dossier.blocks import Context, spacer
from desktop.dossier.exhibits import Exhibit, Picture, declared_picture, file_label
from desktop.dossier.flowables import FramedImage, MarkedParagraph, PageStamp, Para, ReceiptSlot
from desktop.dossier.text import markup, one_line
from desktop.model import AttachmentRole

# Pictures print at about 200 dpi; a small one is enlarged to at most 100 dpi.
PICTURE_DPI = 200
MIN_DPI = 100
CAPTION_ROOM = 48.0  # points above a picture: caption, facts line, spacing


def anchor(exhibit: Exhibit) -> str:
    return f"exhibit-{exhibit.number}"


def index(ctx: Context) -> list[Any]:
    s, st = ctx.strings, ctx.styles
    story: list[Any] = [ctx.heading(s.exhibits_index_heading, "exhibits")]
    if not ctx.exhibits:
        story.append(ctx.para(s.no_exhibits, st.body))
        return story
    story.append(ctx.para(s.exhibits_intro, st.small))
    story.append(spacer(4))
    notes = []
    if ctx.redacted and any(exhibit.left_out for exhibit in ctx.exhibits):
        notes.append(ctx.para(s.redacted_receipts_note, st.body))
    if ctx.redacted and any(exhibit.picture is not None for exhibit in ctx.exhibits):
        notes.append(ctx.para(s.redacted_pictures_note, st.body))
    if notes:
        story += [ctx.box(notes, fill=layout.WARN_FILL, rule=layout.WARN_RULE, padding=6)]
        story.append(spacer(8))
    rows = []
    for exhibit in ctx.exhibits:
        label = markup(s.exhibit_label.format(number=exhibit.number), st.bold, tag_all=True)
        link = Para(f'<a href="#{anchor(exhibit)}">{label}</a>', st.link)
        rows.append(
            [
                link,
                one_line(file_label(exhibit.attachment)),
                kind_label(ctx, exhibit),
                str(exhibit.pages),
                status(ctx, exhibit),
            ]
        )
    header = (s.col_exhibit, s.col_file, s.col_kind, s.col_pages, s.col_included)
    widest = s.exhibit_label.format(number=max(exhibit.number for exhibit in ctx.exhibits))
    story.append(ctx.grid(header, rows, (0.14, 0.34, 0.17, 0.08, 0.27), whole=[widest]))
    return story


def status(ctx: Context, exhibit: Exhibit) -> str:
    if not exhibit.problem:
        return ctx.strings.included
    return ctx.strings.problem(exhibit.problem, **exhibit.problem_values)


def kind_label(ctx: Context, exhibit: Exhibit) -> str:
    s = ctx.strings
    receipt = exhibit.attachment.role == AttachmentRole.RECEIPT
    if exhibit.is_pdf:
        return s.kind_receipt_pdf if receipt else s.kind_photo_pdf
    if exhibit.picture is not None or declared_picture(exhibit.attachment):
        return s.kind_receipt_picture if receipt else s.kind_photo
    return s.kind_unknown


def size_text(ctx: Context, size: int) -> str:
    s, number = ctx.strings, ctx.formats.number
    if size < 1024:
        return s.size_bytes(size)
    if size < 1024 * 1024:
        return s.size_kb.format(value=number(size / 1024, 0))
    return s.size_mb.format(value=number(size / (1024 * 1024), 1))


def facts_line(ctx: Context, exhibit: Exhibit) -> str:
    s, item = ctx.strings, exhibit.attachment
    parts = [kind_label(ctx, exhibit)]
    if exhibit.pdf is not None and exhibit.pages > 1:
        parts.append(s.facts_pages(exhibit.pages))
    parts.append(s.facts_added.format(date=ctx.short_date(item.added_at.date())))
    if exhibit.file_size:
        parts.append(size_text(ctx, exhibit.file_size))
    digest = "".join(char for char in item.sha256 if char in "0123456789abcdefABCDEF")
    if digest:
        parts.append(s.facts_digest.format(digest=digest[:16].lower()))
    return s.facts_separator.join(parts)


def pages(ctx: Context) -> list[Any]:
    story: list[Any] = []
    for exhibit in ctx.exhibits:
        story += exhibit_story(ctx, exhibit)
    return story


def exhibit_story(ctx: Context, exhibit: Exhibit) -> list[Any]:
    s, st = ctx.strings, ctx.styles
    name = one_line(file_label(exhibit.attachment))
    total = exhibit.pages

    def stamp(page: int) -> Any:
        return PageStamp(s.exhibit_stamp.format(number=exhibit.number, page=page, pages=total))

    outline = s.exhibit_outline.format(number=exhibit.number, file_name=name)
    caption = MarkedParagraph(
        markup(s.exhibit_caption.format(number=exhibit.number, file_name=name), st.bold),
        st.caption,
        mark=(anchor(exhibit), outline, 1),
    )
    story: list[Any] = [
        PageBreak(),
        stamp(1),
        caption,
        ctx.para(facts_line(ctx, exhibit), st.small),
        spacer(8),
    ]
    if exhibit.picture is not None:
        story.append(picture(ctx, exhibit.picture))
    elif exhibit.pdf is not None:
        for index, size in enumerate(exhibit.pdf.sizes):
            if index:
                story += [PageBreak(), stamp(index + 1)]
            story.append(ReceiptSlot(exhibit.number, index, size))
    else:
        if exhibit.left_out:
            content = [
                ctx.para(s.left_out_title, st.box_title, bold=True),
                ctx.para(s.redacted_receipts_note, st.body),
            ]
        else:
            content = [
                ctx.para(s.problem_title, st.box_title, bold=True),
                ctx.para(status(ctx, exhibit), st.body),
                ctx.para(s.problem_advice, st.small),
            ]
        story.append(ctx.box(content, fill=layout.WARN_FILL, rule=layout.WARN_RULE))
    return story


def picture(ctx: Context, found: Picture) -> Any:
    width, height = ctx.frame
    room = height - CAPTION_ROOM
    natural_w = found.width * 72 / PICTURE_DPI
    natural_h = found.height * 72 / PICTURE_DPI
    largest = PICTURE_DPI / MIN_DPI  # how far a small picture may be enlarged
    scale = min(width / natural_w, room / natural_h, largest)
    source = io.BytesIO(found.source) if isinstance(found.source, bytes) else str(found.source)
    image = FramedImage(source, width=natural_w * scale, height=natural_h * scale)
    image.hAlign = "LEFT"
    return image
