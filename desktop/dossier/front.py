"""The cover and the summary page."""

from __future__ import annotations

from collections import Counter
from typing import Any

from reportlab.platypus import PageBreak, Spacer
from reportlab.platypus.flowables import TopPadder

from desktop.coverage import LayerKind, LayerState
from desktop.dossier import layout
from desktop.dossier.blocks import Context, safely, spacer
from desktop.dossier.flowables import MarkedParagraph
from desktop.dossier.text import markup, one_line
from desktop.model import Case, CaseType, Outcome, Tier


def device_name(ctx: Context) -> str:
    s, case = ctx.strings, ctx.case
    kind = s.kind_label(case.device.kind)
    model = one_line(case.device.model_name)
    if not model:
        return kind
    if model.casefold().startswith(kind.casefold()):
        return model
    return s.device_name.format(kind=kind, model=model).strip()


def case_title(ctx: Context) -> str:
    return one_line(ctx.case.title) or ctx.strings.untitled_case


# The cover lists the latest few case numbers; the timeline has them all.
COVER_CASE_NUMBERS = 4


def case_numbers(ctx: Context) -> str:
    numbers = [one_line(number) for number in ctx.case.case_numbers()]
    if len(numbers) <= COVER_CASE_NUMBERS:
        return "\n".join(numbers)
    shown = numbers[-COVER_CASE_NUMBERS:]
    more = ctx.strings.more_case_numbers(len(numbers) - len(shown))
    return "\n".join([*shown, more])


def cover(ctx: Context) -> list[Any]:
    s, st, case = ctx.strings, ctx.styles, ctx.case
    kicker = s.redacted_label if ctx.redacted else s.dossier_label
    story: list[Any] = [
        Spacer(1, 14 * layout.MM),
        MarkedParagraph(
            markup(kicker, st.bold), st.cover_kicker, mark=("cover", s.cover_outline, 0)
        ),
        ctx.para(case_title(ctx), st.cover_title, bold=True),
        ctx.para(device_name(ctx), st.cover_device),
        ctx.key_values(
            [
                (s.owner, case.owner.name),
                (s.email, case.owner.email),
                (s.phone, case.owner.phone),
                (s.address, case.owner.postal_address),
                (s.device, device_name(ctx)),
                (s.case_type, s.case_type_label(case.case_type)),
                (s.case_numbers, case_numbers(ctx)),
                (s.prepared_on, ctx.date(ctx.prepared)),
            ],
            top_rule=True,
        ),
        Spacer(1, 20),
        coverage_box(ctx),
        Spacer(1, 24),
    ]
    foot = [ctx.para(s.disclaimer, st.disclaimer)]
    if ctx.redacted:
        foot.insert(0, ctx.para(s.redacted_notice, st.small))
        foot.insert(1, spacer(4))
    # At the foot of the cover page, whatever the cover holds above it.
    story.append(TopPadder(ctx.box(foot, fill=None, rule=layout.HAIRLINE, padding=4)))
    story.append(PageBreak())
    return story


def coverage_box(ctx: Context) -> Any:
    s, st = ctx.strings, ctx.styles
    content: list[Any] = [
        ctx.para(s.coverage_box_title.format(date=ctx.date(ctx.prepared)), st.label, bold=True),
        ctx.para(ctx.argument, st.lead),
    ]
    if ctx.recommendation is not None:
        content.append(
            ctx.rich(
                [
                    (s.label_colon.format(label=s.next_step), True),
                    (ctx.recommendation.headline, False),
                ],
                st.body,
            )
        )
    return ctx.box(content)


def the_ask(ctx: Context) -> str:
    s, case = ctx.strings, ctx.case
    if case.case_type is CaseType.ACCOUNT:
        return s.asks["account"]
    basis = _basis(ctx)
    kind = "software" if case.case_type is CaseType.SOFTWARE else "hardware"
    if not basis:
        return s.asks[f"{kind}_goodwill"]
    return s.asks[kind].format(basis=basis)


def _basis(ctx: Context) -> str:
    """The strongest cover still running on the day prepared, in words ("" if none)."""
    s = ctx.strings
    active = [layer for layer in ctx.layers if layer.state(ctx.prepared) is LayerState.ACTIVE]
    for layer in active:
        if layer.id == "apple:warranty":
            return s.basis_warranty
    for layer in active:
        if layer.kind is LayerKind.PLAN:
            return s.basis_plan.format(plan=layer.title)
    laws = [layer for layer in active if layer.kind is LayerKind.LAW and not layer.burden_on_seller]
    if laws:
        return s.basis_law.format(law=laws[0].title)
    return ""


def summary(ctx: Context) -> list[Any]:
    s, st = ctx.strings, ctx.styles
    story: list[Any] = [ctx.heading(s.summary_heading, "summary")]
    story.append(ctx.para(s.strongest_argument, st.subheading, bold=True))
    story.append(ctx.box([ctx.para(ctx.argument, st.lead)]))
    story.append(ctx.para(s.the_ask, st.subheading, bold=True))
    story.append(ctx.para(the_ask(ctx), st.body))
    rec = ctx.recommendation
    if rec is not None:
        from desktop.escalation import rung_title

        story.append(ctx.para(s.where_it_stands, st.subheading, bold=True))
        reached = safely(lambda: rung_title(rec.standing, s.language), "")
        if reached:
            story.append(ctx.para(s.highest_reached.format(rung=reached), st.body))
        story.append(
            ctx.rich(
                [
                    (s.label_colon.format(label=s.next_step), True),
                    (s.headline_end.format(headline=rec.headline), True),
                    (rec.reason, False),
                ],
                st.body,
            )
        )
    story.append(ctx.para(s.contacts_by_tier, st.subheading, bold=True))
    story += contacts_by_tier(ctx)
    return story


def contacts_by_tier(ctx: Context) -> list[Any]:
    s, st, case = ctx.strings, ctx.styles, ctx.case
    timeline = case.timeline()
    if not timeline:
        return [ctx.para(s.no_timeline, st.body)]
    first, last = timeline[0].at.date(), timeline[-1].at.date()
    if len(timeline) == 1:
        intro = s.contacts_one.format(date=ctx.date(first))
    else:
        intro = s.contacts_total(len(timeline), first=ctx.date(first), last=ctx.date(last))
    rows = []
    for tier, entries in _by_tier(case):
        outcomes = Counter(entry.outcome for entry in entries)
        words = s.list_separator.join(
            s.outcome_count.format(count=outcomes[outcome], outcome=s.outcomes_lower[outcome])
            for outcome in Outcome
            if outcomes[outcome]
        )
        latest = max(entries, key=lambda entry: entry.at)
        rows.append(
            [
                ctx.para(s.tier(tier), st.cell_bold, bold=True),
                str(len(entries)),
                words,
                ctx.short_date(latest.at.date()),
            ]
        )
    header = (s.col_team, s.col_count, s.col_outcomes, s.col_last)
    return [ctx.para(intro, st.body), ctx.grid(header, rows, (0.34, 0.12, 0.34, 0.2))]


def _by_tier(case: Case) -> list[tuple[Tier, list[Any]]]:
    groups: dict[Tier, list[Any]] = {}
    for entry in case.timeline():
        try:
            tier = Tier(entry.tier)
        except ValueError:
            tier = Tier.OTHER
        groups.setdefault(tier, []).append(entry)
    return [(tier, groups[tier]) for tier in Tier if tier in groups]
