"""The body of the dossier: coverage, device, purchase, symptoms and the timeline."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak

from desktop.coverage import Layer, LayerState
from desktop.dossier.blocks import Context, spacer
from desktop.dossier.flowables import Lines, Para
from desktop.dossier.text import clean, is_blank, markup, one_line
from desktop.model import CaseType, ContactEntry, PlanKind


def coverage(ctx: Context) -> list[Any]:
    s, st = ctx.strings, ctx.styles
    story: list[Any] = [CondPageBreak(220), ctx.heading(s.coverage_heading, "coverage")]
    if not ctx.layers:
        story.append(ctx.para(s.no_coverage, st.body))
        return story
    on = ctx.date(ctx.prepared)
    story.append(ctx.para(s.coverage_intro.format(date=on), st.small))
    story.append(spacer(4))
    notes: list[str] = []
    rows = []
    for layer in ctx.layers:
        rows.append(
            [
                _layer_cell(ctx, layer, notes),
                ctx.short_date(layer.start),
                ctx.short_date(layer.end) if layer.end else s.no_fixed_end,
                ctx.para(status(ctx, layer), st.cell_bold, bold=True),
                ctx.para(layer.source, st.cell_muted),
            ]
        )
    header = (s.col_layer, s.col_from, s.col_until, s.col_status.format(date=on), s.col_source)
    story.append(ctx.grid(header, rows, (0.34, 0.12, 0.12, 0.16, 0.26)))
    if any(layer.uncertain for layer in ctx.layers):
        story.append(ctx.para(f"* {s.not_verified_note}", st.footnote))
    for number, note in enumerate(notes, start=1):
        story.append(ctx.para(f"{number}. {note}", st.footnote))
    return story


def _layer_cell(ctx: Context, layer: Layer, notes: list[str]) -> Any:
    st, s = ctx.styles, ctx.strings
    parts = [markup(layer.title, st.bold, tag_all=True)]
    if layer.uncertain:
        parts.append(" " + markup(f"* {s.not_verified}", st.regular))
    if layer.note:
        if layer.note not in notes:
            notes.append(layer.note)
        number = notes.index(layer.note) + 1
        parts.append(f"<super>{number}</super>")
    body = "".join(parts)
    if not is_blank(layer.summary):
        body += (
            "<br/>" + f'<font size="7.5" color="#5f6670">{markup(layer.summary, st.regular)}</font>'
        )
    return Para(body, st.cell)


def status(ctx: Context, layer: Layer) -> str:
    s, today = ctx.strings, ctx.prepared
    state = layer.state(today)
    if state is LayerState.NOT_STARTED:
        return s.status_not_started((layer.start - today).days)
    if layer.end is None:
        return s.status_active_open
    left = (layer.end - today).days
    if state is LayerState.ENDED:
        return s.status_ended(-left)
    if left == 0:
        return s.status_active_last_day
    return s.status_active_left(left)


def device(ctx: Context) -> list[Any]:
    s, case = ctx.strings, ctx.case
    rows = [
        (s.kind, s.kind_label(case.device.kind)),
        (s.model, case.device.model_name),
        (s.serial, case.device.serial),
        (s.imei, case.device.imei),
        (s.imei2, case.device.imei2),
        (s.eid, case.device.eid),
        (s.apple_id, case.apple_id),
    ]
    return [CondPageBreak(120), ctx.heading(s.device_heading, "device"), ctx.key_values(rows)]


def purchase(ctx: Context) -> list[Any]:
    s, case = ctx.strings, ctx.case
    bought = case.purchase
    rows = [
        (s.purchase_date, ctx.date(bought.date)),
        (s.seller, bought.seller),
        (s.country, ctx.formats.country(bought.country)),
        (s.order_number, bought.order_number),
        (s.price, ctx.formats.money(bought.price, bought.currency)),
        (s.applecare_plan, plan_text(ctx)),
        (s.receipts, ctx.attachment_list(bought.receipts)),
    ]
    return [CondPageBreak(120), ctx.heading(s.purchase_heading, "purchase"), ctx.key_values(rows)]


def plan_text(ctx: Context) -> str:
    s, plan = ctx.strings, ctx.case.applecare
    try:
        kind = PlanKind(plan.kind)
    except ValueError:
        return ""
    if kind is PlanKind.NONE:
        return ""
    name = s.plan(kind)
    start = plan.start or ctx.case.purchase.date
    if start is None:
        return name
    if plan.months:
        return s.plan_months(plan.months, plan=name, start=ctx.date(start))
    return s.plan_value.format(plan=name, start=ctx.date(start))


def symptoms(ctx: Context) -> list[Any]:
    s, st, case = ctx.strings, ctx.styles, ctx.case
    found = case.symptoms
    story: list[Any] = [CondPageBreak(120), ctx.heading(s.symptoms_heading, "symptoms")]
    facts = [
        (s.first_noticed, ctx.date(found.first_noticed)),
        (s.frequency, found.frequency),
        (s.photos, ctx.attachment_list(found.photos)),
    ]
    if any(not is_blank(value) for _, value in facts):
        story.append(ctx.key_values(facts))
    for label, value in (
        (s.description, found.description),
        (s.tried, found.tried),
        (s.error_messages, found.error_messages),
    ):
        if is_blank(value):
            continue
        story.append(ctx.para(label, st.subheading, bold=True))
        story += ctx.long_text(value, st.body)
    if len(story) == 2:
        story.append(ctx.para(s.nothing_recorded, st.body))
    if case.case_type is CaseType.HARDWARE and case.repairs:
        story += repairs(ctx)
    if case.charges:
        story += charges(ctx)
    return story


def repairs(ctx: Context) -> list[Any]:
    s = ctx.strings
    rows = [
        [ctx.short_date(item.date), clean(item.place).strip(), clean(item.what).strip()]
        for item in sorted(ctx.case.repairs, key=lambda r: (r.date is None, r.date))
    ]
    header = (s.col_date, s.col_place, s.col_work)
    return [
        spacer(4),
        ctx.subheading(s.repairs_heading, "repairs"),
        ctx.grid(header, rows, (0.16, 0.3, 0.54)),
    ]


def charges(ctx: Context) -> list[Any]:
    s = ctx.strings
    rows = [
        [
            ctx.short_date(item.date),
            one_line(item.order_id),
            clean(item.item).strip(),
            ctx.formats.money(item.amount, item.currency),
            clean(item.report_a_problem).strip(),
        ]
        for item in sorted(ctx.case.charges, key=lambda c: (c.date is None, c.date))
    ]
    header = (s.col_date, s.col_order, s.col_item, s.col_amount, s.col_problem_report)
    return [
        spacer(4),
        ctx.subheading(s.charges_heading, "charges"),
        ctx.grid(header, rows, (0.14, 0.18, 0.24, 0.14, 0.30)),
    ]


def timeline(ctx: Context) -> list[Any]:
    s, st = ctx.strings, ctx.styles
    # Start the table on a fresh page rather than with a sliver at the foot of one.
    story: list[Any] = [CondPageBreak(150), ctx.heading(s.timeline_heading, "timeline")]
    entries = ctx.case.timeline()
    if not entries:
        story.append(ctx.para(s.no_timeline, st.body))
        return story
    story.append(ctx.para(s.timeline_intro, st.small))
    story.append(spacer(4))
    rows = [
        [
            when_text(ctx, entry),
            contact_cell(ctx, entry),
            ctx.para(s.outcome(entry.outcome), st.cell_bold, bold=True),
            clean(entry.notes).strip(),
            next_step_text(ctx, entry),
        ]
        for entry in entries
    ]
    header = (s.col_when, s.col_contact, s.col_outcome, s.col_notes, s.col_next)
    story.append(ctx.grid(header, rows, (0.14, 0.22, 0.12, 0.35, 0.17)))
    return story


def when_text(ctx: Context, entry: ContactEntry) -> str:
    """Date, time and, when noted, how long the call took."""
    text = f"{ctx.short_date(entry.at.date())}\n{ctx.formats.time(entry.at)}"
    if entry.duration_seconds:
        minutes = max(1, round(entry.duration_seconds / 60))
        text += "\n" + ctx.strings.call_minutes.format(minutes=ctx.formats.number(minutes, 0))
    return text


def contact_cell(ctx: Context, entry: ContactEntry) -> Any:
    """Channel (bold), team, person, advisor ID, case number and CS code, one per line."""
    s, st = ctx.strings, ctx.styles
    lines = [[(s.channel(entry.channel), st.bold, True)], [(s.tier(entry.tier), st.regular, False)]]
    if not is_blank(entry.who):
        lines.append([(entry.who.strip(), st.regular, False)])
    if not is_blank(entry.advisor_id):
        lines.append([(s.advisor_id_line.format(id=one_line(entry.advisor_id)), st.regular, False)])
    if not is_blank(entry.case_number):
        number = s.case_number_line.format(number=one_line(entry.case_number))
        lines.append([(number, st.regular, False)])
    if not is_blank(entry.cs_code):
        lines.append([(cs_code_line(ctx, entry), st.bold, True)])
    return Lines(lines, st.cell)  # a Paragraph of the same lines when one wraps


def cs_code_line(ctx: Context, entry: ContactEntry) -> str:
    """The repair credit an advisor issued (a wide column: codes must not break)."""
    s, code = ctx.strings, one_line(entry.cs_code)
    if entry.cs_amount is None:
        return s.cs_code_line.format(code=code)
    amount = ctx.formats.money(entry.cs_amount, entry.cs_currency)
    return s.cs_code_amount_line.format(code=code, amount=amount)


def next_step_text(ctx: Context, entry: ContactEntry) -> str:
    text = clean(entry.next_step).strip()
    if entry.next_step_due:
        due = ctx.strings.due.format(date=ctx.short_date(entry.next_step_due))
        text = f"{text}\n{due}" if text else due
    return text
