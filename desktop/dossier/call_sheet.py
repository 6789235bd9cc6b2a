"""The call sheet: one page for the next call, to keep next to the phone.

Whom to contact (the coach's recommended tier), the support number and its
hours in the owner's own time zone (from the regional directory, with its
source), the case, the facts, what to ask for, the talking points, space to
write down what is said, and the directory's scam warning. Whatever the case
holds, it is shrunk to fit one page.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from reportlab.platypus import PageBreak, TableStyle

from desktop.directory import Directory, Line, directory
from desktop.dossier import layout
from desktop.dossier.blocks import Context, percent, safely, spacer
from desktop.dossier.flowables import FluidTable, ShrinkToFit
from desktop.dossier.front import device_name, the_ask
from desktop.escalation import Rung

# How much of a long symptom text the sheet repeats.
SYMPTOM_CHARS = 240
COLUMN_GAP = 10.0  # points between a column's text and the rule between the columns
WRITE_ROW = 19.0  # points: the height of a line to write on

_HOW = {
    Rung.SERVICE_PROVIDER: "service_provider",
    Rung.APPLE_STORE: "apple_store",
    Rung.APPLECARE: "applecare",
    Rung.SENIOR_ADVISOR: "senior_advisor",
    Rung.CUSTOMER_RELATIONS: "customer_relations",
    Rung.EXECUTIVE_RELATIONS: "executive_relations",
}


def call_sheet(ctx: Context) -> list[Any]:
    s, st = ctx.strings, ctx.styles
    found = safely(directory, None)
    country = (ctx.case.owner.country or ctx.case.purchase.country).strip().upper()
    line = found.support_line(country) if found is not None and country else None
    zone = _zone(ctx.case.owner.time_zone, line)
    case_block = [
        ctx.para(s.your_case, st.label, bold=True),
        ctx.key_values(
            _case_rows(ctx),
            top_rule=True,
            label_share=0.42,
            compact=True,
            width=ctx.width / 2 - COLUMN_GAP,
        ),
    ]
    facts_block = [ctx.para(s.facts, st.label, bold=True), *ctx.bullets(_facts(ctx), small=True)]
    content: list[Any] = [
        ctx.para(s.call_sheet_intro, st.small),
        spacer(5),
        _two_columns(ctx, _whom(ctx), _number(ctx, found, line, zone)),
        spacer(7),
        _two_columns(ctx, case_block, facts_block),
        spacer(7),
        ctx.para(s.the_ask, st.label, bold=True),
        ctx.box([ctx.para(the_ask(ctx), st.body, bold=True)], padding=5),
    ]
    rec = ctx.recommendation
    if rec is not None and rec.talking_points:
        content += [
            spacer(7),
            ctx.para(s.talking_points, st.label, bold=True),
            *ctx.bullets(rec.talking_points, symbol="☐"),
        ]
    ready = [ctx.para(s.have_ready, st.label, bold=True)]
    ready += ctx.bullets(rec.have_ready if rec is not None else [], small=True)
    content += [spacer(7), _two_columns(ctx, ready, _write_down(ctx))]
    if found is not None:
        content += [spacer(7), _scam_box(ctx, found)]
    heading = ctx.heading(s.call_sheet_heading, "call-sheet")
    width, height = ctx.frame
    room = height - 40  # the heading above it
    return [
        PageBreak(),
        heading,
        ShrinkToFit(width, room, content, hAlign="LEFT"),
        PageBreak(),
    ]


def _zone(name: str, line: Line | None) -> str:
    for candidate in (name.strip(), line.time_zone if line else "", "UTC"):
        if not candidate:
            continue
        try:
            ZoneInfo(candidate)
        except (KeyError, ValueError, OSError):
            continue
        return candidate
    return "UTC"


def _two_columns(ctx: Context, left: list[Any], right: list[Any]) -> Any:
    table = FluidTable([[left, right]], colWidths=percent([0.5, 0.5]), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *ctx.cell_padding(0, 0),
                ("RIGHTPADDING", (0, 0), (0, -1), COLUMN_GAP),
                ("LEFTPADDING", (1, 0), (1, -1), COLUMN_GAP),
                ("LINEBEFORE", (1, 0), (1, -1), 0.4, layout.HAIRLINE),
            ]
        )
    )
    return table


def _whom(ctx: Context) -> list[Any]:
    s, st, rec = ctx.strings, ctx.styles, ctx.recommendation
    from desktop.escalation import rung_title

    if rec is None:
        return [ctx.para(s.whom, st.label, bold=True), ctx.para(s.not_recorded, st.body)]
    target = rec.target
    title = rung_title(target, s.language) if target is not None else rec.headline
    how = s.contact_how[_HOW.get(target, "none") if target is not None else "none"]
    return [
        ctx.para(s.whom, st.label, bold=True),
        ctx.para(title, st.big, bold=True),
        ctx.para(how, st.body),
        ctx.para(s.why_now, st.label, bold=True),
        ctx.para(rec.reason, st.small),
    ]


def _number(ctx: Context, found: Directory | None, line: Line | None, zone: str) -> list[Any]:
    s, st = ctx.strings, ctx.styles
    authority = found.authority if found is not None else "support.apple.com/contact"
    story = [ctx.para(s.number, st.label, bold=True)]
    if line is None:
        story.append(ctx.para(s.number_unknown.format(authority=authority), st.body))
        return story
    story.append(ctx.para(line.display, st.big, bold=True))
    story.append(
        ctx.para(
            s.number_source.format(year=line.seen, source=line.source, authority=authority),
            st.cell_muted,
        )
    )
    story.append(spacer(4))
    story.append(ctx.para(s.hours, st.label, bold=True))
    story.append(ctx.para(hours_text(ctx, line, zone, authority), st.body))
    return story


def hours_text(ctx: Context, line: Line, zone: str, authority: str) -> str:
    """The line's opening hours for the week of the day prepared, in the owner's time."""
    s = ctx.strings
    note = line.hours_note_in(s.language)
    if not line.hours:
        return note or s.hours_unknown.format(authority=authority)
    monday = ctx.prepared - timedelta(days=ctx.prepared.weekday())
    names = ctx.formats.weekdays()
    spans: list[tuple[list[int], str, str]] = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        found = safely(lambda day=day: line.hours_in(zone, day), None)  # type: ignore[misc]
        if found is None:
            continue
        opens, closes = (ctx.formats.clock(moment) for moment in found)
        if spans and spans[-1][1:] == (opens, closes) and spans[-1][0][-1] == offset - 1:
            spans[-1][0].append(offset)
        else:
            spans.append(([offset], opens, closes))
    parts = []
    for days, opens, closes in spans:
        label = names[days[0]] if len(days) == 1 else f"{names[days[0]]}–{names[days[-1]]}"
        parts.append(s.hours_span.format(days=label, opens=opens, closes=closes))
    text = s.hours_your_time.format(spans=s.list_separator.join(parts), zone=zone)
    if note:
        text = s.hours_with_note.format(hours=text, note=note)
    return text


def _case_rows(ctx: Context) -> list[tuple[str, str]]:
    s, case = ctx.strings, ctx.case
    numbers = case.case_numbers()
    return [
        (s.case_numbers, numbers[-1] if numbers else ""),
        (s.device, device_name(ctx)),
        (s.serial, case.device.serial or case.device.imei),
        (s.apple_id, case.apple_id),
        (s.owner, case.owner.name),
    ]


def _facts(ctx: Context) -> list[str]:
    s, case = ctx.strings, ctx.case
    facts = []
    bought = case.purchase
    if bought.date is not None:
        seller = bought.seller.strip()
        template = s.bought_on if seller else s.bought_on_no_seller
        facts.append(template.format(date=ctx.date(bought.date), seller=seller))
    if case.symptoms.first_noticed is not None:
        facts.append(s.noticed_on.format(date=ctx.date(case.symptoms.first_noticed)))
    description = " ".join(case.symptoms.description.split())
    if description:
        if len(description) > SYMPTOM_CHARS:
            description = description[:SYMPTOM_CHARS].rsplit(" ", 1)[0] + " …"
        facts.append(description)
    timeline = case.timeline()
    if timeline:
        last = timeline[-1]
        facts.append(
            s.contacts_so_far_line(
                len(timeline),
                date=ctx.date(last.at.date()),
                outcome=s.outcomes_lower.get(last.outcome, str(last.outcome)),
            )
        )
    else:
        facts.append(s.no_contacts_line)
    return facts


def _write_down(ctx: Context) -> list[Any]:
    """Ruled lines to write on, each with its label at the start ("Case number ____")."""
    s, st = ctx.strings, ctx.styles
    # Each line at least WRITE_ROW high; a label too long for one line makes its row taller.
    line = WRITE_ROW - 3  # the cell's padding above and below
    rows = [[ctx.para(field, st.cell_muted), spacer(line)] for field in s.write_down_fields]
    table = FluidTable(rows, colWidths=percent([0.36, 0.64]))
    table.setStyle(
        TableStyle(
            [
                *ctx.cell_padding(1.5, 0),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, layout.HAIRLINE),
            ]
        )
    )
    return [ctx.para(s.write_down, st.label, bold=True), table]


def _scam_box(ctx: Context, found: Directory) -> Any:
    s, st = ctx.strings, ctx.styles
    return ctx.box(
        [
            ctx.para(s.scam_heading, st.box_title, bold=True),
            ctx.para(found.scam_warning_in(s.language), st.small),
        ],
        fill=layout.WARN_FILL,
        rule=layout.WARN_RULE,
        padding=6,
    )
