"""What the user is still entitled to, in dates: pure functions of the case and "today".

Each coverage layer (Apple's warranty, phone support, AppleCare, a repair
program, a consumer-law right) has a start, a last covered day (or none), a
status in words, and the source of its rule.

Counting: a period of N months or years ends on the same day number N months
later (the last covered day), or on the last day of that month when it has no
such day (29 February + 1 year = 28 February), as German and EU law count
(BGB §§ 187-188). A period of N days ends N days after the start. The last
day itself is still covered.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from desktop.formatting import locale_for, long_date
from desktop.model import Case, PlanKind, Resolution
from desktop.reference import Period, Rule, apple_terms, consumer_law, programs


class LayerKind(StrEnum):
    APPLE = "apple"
    PLAN = "plan"
    PROGRAM = "program"
    LAW = "law"


class LayerState(StrEnum):
    NOT_STARTED = "not_started"
    ACTIVE = "active"
    ENDED = "ended"


@dataclass(frozen=True)
class Layer:
    id: str
    kind: LayerKind
    title: str
    start: date
    end: date | None  # the last covered day; None when the rule sets no end
    summary: str
    source: str
    uncertain: bool = False
    note: str = ""
    burden_on_seller: bool = False

    def state(self, today: date) -> LayerState:
        if today < self.start:
            return LayerState.NOT_STARTED
        if self.end is not None and today > self.end:
            return LayerState.ENDED
        return LayerState.ACTIVE

    def days_left(self, today: date) -> int | None:
        """Days after today still covered (0 on the last day), None with no end."""
        return None if self.end is None else (self.end - today).days

    def status_text(self, today: date) -> str:
        state = self.state(today)
        if state is LayerState.NOT_STARTED:
            return f"starts in {_days((self.start - today).days)}"
        if self.end is None:
            return "active, no fixed end"
        left = (self.end - today).days
        if state is LayerState.ENDED:
            return f"ended {_days(-left)} ago"
        if left == 0:
            return "active, last day today"
        return f"active, {_days(left)} left"


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n:,} days"


def add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def period_end(start: date, period: Period) -> date | None:
    if period.open_ended:
        return None
    if period.months is not None:
        return add_months(start, period.months)
    return start + timedelta(days=period.days or 0)


def _rule_layer(rule: Rule, kind: LayerKind, start: date, note: str = "") -> Layer:
    return Layer(
        id=f"{kind.value}:{rule.id}",
        kind=kind,
        title=rule.title,
        start=start,
        end=period_end(start, rule.period),
        summary=rule.summary,
        source=rule.source,
        uncertain=rule.uncertain,
        note=note,
        burden_on_seller=rule.burden_on_seller,
    )


def coverage_layers(case: Case) -> list[Layer]:
    """Every layer that applies to the case; empty without a purchase date."""
    bought = case.purchase.date
    if bought is None:
        return []
    terms = apple_terms()
    layers = [
        _rule_layer(terms.warranty, LayerKind.APPLE, bought),
        _rule_layer(terms.phone_support, LayerKind.APPLE, bought),
    ]
    plan = _plan_layer(case, bought)
    if plan is not None:
        layers.append(plan)
    layers.extend(_program_layers(case, bought))
    layers.extend(_law_layers(case, bought))
    repair = _repair_layer(case, layers[0])
    if repair is not None:
        layers.append(repair)
    return layers


_REPAIRED = (Resolution.REPAIRED_FREE, Resolution.PARTLY_PAID, Resolution.REPLACED)


def _repair_layer(case: Case, warranty: Layer) -> Layer | None:
    """Apple's repair carries its own warranty: 90 days, or the rest of the original."""
    done = case.closure.closed_on
    if case.closure.resolution not in _REPAIRED or done is None:
        return None
    rule = apple_terms().repair_guarantee
    ninety = period_end(done, rule.period)
    assert ninety is not None and warranty.end is not None
    return Layer(
        id="apple:repair_guarantee",
        kind=LayerKind.APPLE,
        title=rule.title,
        start=done,
        end=max(ninety, warranty.end),
        summary=rule.summary,
        source=rule.source,
        uncertain=rule.uncertain,
    )


def _plan_layer(case: Case, bought: date) -> Layer | None:
    if case.applecare.kind is PlanKind.NONE:
        return None
    terms = apple_terms().plans[case.applecare.kind.value]
    start = case.applecare.start or bought
    months = case.applecare.months
    if months is None and terms.default_months is not None:
        months = terms.default_months.get(case.device.kind.value)
    note = "" if months is not None else "Runs while the plan is paid."
    if case.applecare.months is None and months is not None:
        note = f"Usual term of {months // 12} years assumed; enter yours if it differs."
    return Layer(
        id=f"plan:{terms.id}",
        kind=LayerKind.PLAN,
        title=terms.title,
        start=start,
        end=add_months(start, months) if months is not None else None,
        summary=terms.summary,
        source=terms.source,
        uncertain=terms.confidence == "uncertain",
        note=note,
    )


def _program_layers(case: Case, bought: date) -> list[Layer]:
    chosen = set(case.repair_programs)
    layers = []
    for program in programs():
        if program.id not in chosen:
            continue
        layers.append(
            Layer(
                id=f"program:{program.id}",
                kind=LayerKind.PROGRAM,
                title=program.title,
                start=bought,
                end=add_months(bought, program.years * 12) if program.years else None,
                summary=program.scope,
                source=program.source,
                uncertain=program.uncertain,
                note="Counted from your purchase date; Apple counts from the unit's first "
                "retail sale, which can be earlier.",
            )
        )
    return layers


def _law_layers(case: Case, bought: date) -> list[Layer]:
    country = case.purchase.country or case.owner.country
    if not country:
        return []
    note = "Counted from the purchase date; the law counts from delivery or the invoice."
    return [
        _rule_layer(rule, LayerKind.LAW, bought, note if rule.counted_from != "purchase" else "")
        for rule in consumer_law().rules_for(country, case.device.kind.value)
    ]


def case_locale(case: Case) -> str:
    """The locale the case's documents are written in."""
    return locale_for(case.owner.dossier_language, case.owner.country or case.purchase.country)


def strongest_argument(case: Case, today: date) -> str:
    """The case for a free remedy in one sentence, from the layers that apply."""
    layers = coverage_layers(case)
    if not layers:
        return "Add the purchase date to see what you are still entitled to."
    locale = case_locale(case)

    def _long_date(day: date) -> str:
        return long_date(day, locale)

    by_id = {layer.id: layer for layer in layers}
    warranty = by_id["apple:warranty"]
    assert warranty.end is not None  # the warranty always has a fixed term
    active = [la for la in layers if la.state(today) is LayerState.ACTIVE]
    if warranty.state(today) is LayerState.ACTIVE:
        left = warranty.status_text(today).removeprefix("active, ")
        return (
            f"Within Apple's one-year warranty until {_long_date(warranty.end)} ({left}): "
            "ask for a free repair."
        )
    parts = [f"Out of Apple's warranty by {_days((today - warranty.end).days)}"]
    plan = next((la for la in active if la.kind is LayerKind.PLAN), None)
    if plan is not None:
        until = f" until {_long_date(plan.end)}" if plan.end else ""
        parts.append(f"covered by {plan.title}{until}")
    for program in (la for la in active if la.kind is LayerKind.PROGRAM):
        until = f" until {_long_date(program.end)}" if program.end else ""
        parts.append(f"the {program.title} applies{until}, if the fault matches")
    laws = [la for la in active if la.kind is LayerKind.LAW]
    main_law = max(laws, key=lambda la: la.end or date.max, default=None)
    if main_law is not None:
        until = f" until {_long_date(main_law.end)}" if main_law.end else ""
        flag = " (figure not verified)" if main_law.uncertain else ""
        parts.append(f"within the {main_law.title}{until}{flag}")
        if any(la.burden_on_seller for la in laws):
            parts.append("the seller must prove the fault was not present at delivery")
        elif any(la.burden_on_seller for la in layers if la.kind is LayerKind.LAW):
            parts.append("you may be asked to show the fault was there at delivery")
    elif plan is None:
        parts.append("ask for a goodwill repair (a CS code) and cite any known defect")
    return "; ".join(parts) + "."
