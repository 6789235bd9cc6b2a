"""What the user is still entitled to, in dates: pure functions of the case and "today".

Each coverage layer (Apple's warranty, phone support, AppleCare, a repair
program, a consumer-law right) has a start, a last covered day (or none), a
status in words, and the source of its rule.

Counting: a period of N months or years ends on the same day number N months
later (the last covered day), or on the last day of that month when it has no
such day (29 February + 1 year = 28 February), as German and EU law count
(BGB §§ 187-188). A period of N days ends N days after the start. The last
day itself is still covered.

Words that reach the user (titles, notes, status, the strongest argument) come
in the language asked for (`language`, English by default): the rules' titles
and summaries from the reference data's translations, the rest from the catalog.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from desktop.formatting import locale_for, long_date
from desktop.i18n import SOURCE_LANGUAGE, normalize_language, translator
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

    def status_text(self, today: date, language: str = SOURCE_LANGUAGE) -> str:
        words = translator(language)
        state = self.state(today)
        if state is LayerState.NOT_STARTED:
            n = (self.start - today).days
            return counted(
                words.ngettext("starts in {count} day", "starts in {count} days", n), n, language
            )
        if self.end is None:
            return words.gettext("active, no fixed end")
        left = (self.end - today).days
        if state is LayerState.ENDED:
            return counted(
                words.ngettext("ended {count} day ago", "ended {count} days ago", -left),
                -left,
                language,
            )
        if left == 0:
            return words.gettext("active, last day today")
        return counted(
            words.ngettext("active, {count} day left", "active, {count} days left", left),
            left,
            language,
        )


def counted(template: str, count: int, language: str = SOURCE_LANGUAGE, **values: object) -> str:
    """A message chosen by ngettext, with `{count}` grouped for the language ("1,234")."""
    return template.format(count=translator(language).number(count), **values)


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


def _rule_layer(
    rule: Rule, kind: LayerKind, start: date, note: str = "", language: str = SOURCE_LANGUAGE
) -> Layer:
    return Layer(
        id=f"{kind.value}:{rule.id}",
        kind=kind,
        title=rule.title_in(language),
        start=start,
        end=period_end(start, rule.period),
        summary=rule.summary_in(language),
        source=rule.source,
        uncertain=rule.uncertain,
        note=note,
        burden_on_seller=rule.burden_on_seller,
    )


def coverage_layers(case: Case, language: str = SOURCE_LANGUAGE) -> list[Layer]:
    """Every layer that applies to the case; empty without a purchase date."""
    bought = case.purchase.date
    if bought is None:
        return []
    terms = apple_terms()
    layers = [
        _rule_layer(terms.warranty, LayerKind.APPLE, bought, language=language),
        _rule_layer(terms.phone_support, LayerKind.APPLE, bought, language=language),
    ]
    plan = _plan_layer(case, bought, language)
    if plan is not None:
        layers.append(plan)
    layers.extend(_program_layers(case, bought, language))
    layers.extend(_law_layers(case, bought, language))
    repair = _repair_layer(case, layers[0], language)
    if repair is not None:
        layers.append(repair)
    return layers


_REPAIRED = (Resolution.REPAIRED_FREE, Resolution.PARTLY_PAID, Resolution.REPLACED)


def _repair_layer(case: Case, warranty: Layer, language: str) -> Layer | None:
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
        title=rule.title_in(language),
        start=done,
        end=max(ninety, warranty.end),
        summary=rule.summary_in(language),
        source=rule.source,
        uncertain=rule.uncertain,
    )


def _plan_layer(case: Case, bought: date, language: str) -> Layer | None:
    if case.applecare.kind is PlanKind.NONE:
        return None
    words = translator(language)
    terms = apple_terms().plans[case.applecare.kind.value]
    start = case.applecare.start or bought
    months = case.applecare.months
    if months is None and terms.default_months is not None:
        months = terms.default_months.get(case.device.kind.value)
    note = "" if months is not None else words.gettext("Runs while the plan is paid.")
    if case.applecare.months is None and months is not None:
        years = months // 12
        note = words.ngettext(
            "Usual term of {count} year assumed; enter yours if it differs.",
            "Usual term of {count} years assumed; enter yours if it differs.",
            years,
        ).format(count=words.number(years))
    return Layer(
        id=f"plan:{terms.id}",
        kind=LayerKind.PLAN,
        title=terms.title_in(language),
        start=start,
        end=add_months(start, months) if months is not None else None,
        summary=terms.summary_in(language),
        source=terms.source,
        uncertain=terms.confidence == "uncertain",
        note=note,
    )


def _program_layers(case: Case, bought: date, language: str) -> list[Layer]:
    chosen = set(case.repair_programs)
    note = translator(language).gettext(
        "Counted from your purchase date; Apple counts from the unit's first "
        "retail sale, which can be earlier."
    )
    layers = []
    for program in programs():
        if program.id not in chosen:
            continue
        layers.append(
            Layer(
                id=f"program:{program.id}",
                kind=LayerKind.PROGRAM,
                title=program.title_in(language),
                start=bought,
                end=add_months(bought, program.years * 12) if program.years else None,
                summary=program.scope_in(language),
                source=program.source,
                uncertain=program.uncertain,
                note=note,
            )
        )
    return layers


def _law_layers(case: Case, bought: date, language: str) -> list[Layer]:
    country = case.purchase.country or case.owner.country
    if not country:
        return []
    note = translator(language).gettext(
        "Counted from the purchase date; the law counts from delivery or the invoice."
    )
    return [
        _rule_layer(
            rule,
            LayerKind.LAW,
            bought,
            note if rule.counted_from != "purchase" else "",
            language,
        )
        for rule in consumer_law().rules_for(country, case.device.kind.value)
    ]


def case_locale(case: Case) -> str:
    """The locale the case's documents are written in."""
    return locale_for(case.owner.dossier_language, case.owner.country or case.purchase.country)


def text_locale(case: Case, language: str) -> str:
    """The locale for dates in a text written in `language` about this case: the case's
    own locale when that is the dossier's language, else the language in its country."""
    if normalize_language(language) == normalize_language(case.owner.dossier_language):
        return case_locale(case)
    return locale_for(normalize_language(language), case.owner.country or case.purchase.country)


def strongest_argument(case: Case, today: date, language: str = SOURCE_LANGUAGE) -> str:
    """The case for a free remedy in one sentence, from the layers that apply."""
    words = translator(language)
    _ = words.gettext
    layers = coverage_layers(case, language)
    if not layers:
        return _("Add the purchase date to see what you are still entitled to.")
    locale = text_locale(case, language)

    def _long_date(day: date) -> str:
        return long_date(day, locale)

    by_id = {layer.id: layer for layer in layers}
    warranty = by_id["apple:warranty"]
    assert warranty.end is not None  # the warranty always has a fixed term
    active = [la for la in layers if la.state(today) is LayerState.ACTIVE]
    if warranty.state(today) is LayerState.ACTIVE:
        left = (warranty.end - today).days
        if left == 0:
            return _(
                "Within Apple's one-year warranty until {date} (last day today): "
                "ask for a free repair."
            ).format(date=_long_date(warranty.end))
        template = words.ngettext(
            "Within Apple's one-year warranty until {date} ({count} day left): "
            "ask for a free repair.",
            "Within Apple's one-year warranty until {date} ({count} days left): "
            "ask for a free repair.",
            left,
        )
        return counted(template, left, language, date=_long_date(warranty.end))
    out = (today - warranty.end).days
    by = words.ngettext(
        "Out of Apple's warranty by {count} day", "Out of Apple's warranty by {count} days", out
    )
    parts = [counted(by, out, language)]
    plan = next((la for la in active if la.kind is LayerKind.PLAN), None)
    if plan is not None:
        if plan.end:
            parts.append(
                _("covered by {plan} until {date}").format(
                    plan=plan.title, date=_long_date(plan.end)
                )
            )
        else:
            parts.append(_("covered by {plan}").format(plan=plan.title))
    for program in (la for la in active if la.kind is LayerKind.PROGRAM):
        if program.end:
            text = _("the {program} applies until {date}, if the fault matches")
        else:
            text = _("the {program} applies, if the fault matches")
        parts.append(text.format(program=program.title, date=_long_date(program.end or today)))
    laws = [la for la in active if la.kind is LayerKind.LAW]
    main_law = max(laws, key=lambda la: la.end or date.max, default=None)
    if main_law is not None:
        if main_law.end:
            text = _("within the {law} until {date}").format(
                law=main_law.title, date=_long_date(main_law.end)
            )
        else:
            text = _("within the {law}").format(law=main_law.title)
        if main_law.uncertain:
            text = _("{clause} (figure not verified)").format(clause=text)
        parts.append(text)
        if any(la.burden_on_seller for la in laws):
            parts.append(_("the seller must prove the fault was not present at delivery"))
        elif any(la.burden_on_seller for la in layers if la.kind is LayerKind.LAW):
            parts.append(_("you may be asked to show the fault was there at delivery"))
    elif plan is None:
        parts.append(_("ask for a goodwill repair (a CS code) and cite any known defect"))
    # Translators: the clauses above make one sentence in English ("…; …; …."); a language
    # may make each a sentence of its own (". " and capitalised clauses) or use "；" and "。".
    separator = words.pgettext("between clauses", "; ")
    return words.pgettext("end of a sentence", "{sentence}.").format(sentence=separator.join(parts))
