"""The escalation ladder: where a case stands and what to do next, from its timeline.

Service provider -> Apple Store -> AppleCare advisor (ask for a CS code) ->
senior advisor -> Customer Relations -> Executive Relations. The rules follow
the seed article "4 steps to bend Apple to your will" (2009) and
shared/reference/domain.md section 4; the talking points keep its spirit:
polite, factual, specific, never arguing. Every text comes in the language
asked for (`language`, English by default).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum

from desktop.coverage import (
    LayerKind,
    LayerState,
    counted,
    coverage_layers,
    strongest_argument,
    text_locale,
)
from desktop.formatting import long_date, medium_date
from desktop.i18n import N_, SOURCE_LANGUAGE, translator
from desktop.model import Case, ContactEntry, Outcome, Tier


class Rung(IntEnum):
    START = 0
    SERVICE_PROVIDER = 1
    APPLE_STORE = 2
    APPLECARE = 3
    SENIOR_ADVISOR = 4
    CUSTOMER_RELATIONS = 5
    EXECUTIVE_RELATIONS = 6


_RUNG_OF_TIER = {
    Tier.SERVICE_PROVIDER: Rung.SERVICE_PROVIDER,
    Tier.CARRIER: Rung.SERVICE_PROVIDER,
    Tier.APPLE_STORE: Rung.APPLE_STORE,
    Tier.APPLECARE: Rung.APPLECARE,
    Tier.SENIOR_ADVISOR: Rung.SENIOR_ADVISOR,
    Tier.CUSTOMER_RELATIONS: Rung.CUSTOMER_RELATIONS,
    Tier.EXECUTIVE_RELATIONS: Rung.EXECUTIVE_RELATIONS,
    Tier.INVESTOR_RELATIONS: Rung.EXECUTIVE_RELATIONS,  # IR passes callers to the exec team
}

RUNG_TITLES = {
    Rung.START: N_("Not contacted yet"),
    Rung.SERVICE_PROVIDER: N_("Service provider"),
    Rung.APPLE_STORE: N_("Apple Store (Genius Bar)"),
    Rung.APPLECARE: N_("AppleCare advisor"),
    Rung.SENIOR_ADVISOR: N_("Senior advisor"),
    Rung.CUSTOMER_RELATIONS: N_("Customer Relations"),
    Rung.EXECUTIVE_RELATIONS: N_("Executive Relations"),
}


def rung_title(rung: Rung, language: str = SOURCE_LANGUAGE) -> str:
    return translator(language).gettext(RUNG_TITLES[rung])


@dataclass(frozen=True)
class Recommendation:
    standing: Rung  # the highest rung reached so far
    target: Rung | None  # whom to contact next; None when the case is settled
    headline: str
    reason: str
    have_ready: list[str] = field(default_factory=list)
    talking_points: list[str] = field(default_factory=list)
    due: list[ContactEntry] = field(default_factory=list)  # follow-ups due or overdue


def rung_of(entry: ContactEntry) -> Rung | None:
    return _RUNG_OF_TIER.get(entry.tier)


def standing(case: Case) -> Rung:
    rungs = [r for r in (rung_of(e) for e in case.contacts) if r is not None]
    return max(rungs, default=Rung.START)


def due_follow_ups(case: Case, today: date) -> list[ContactEntry]:
    """Open next steps due today or earlier that no later contact has answered."""
    timeline = case.timeline()
    return [
        e
        for i, e in enumerate(timeline)
        if e.next_step_due is not None
        and e.next_step_due <= today
        and e.outcome in (Outcome.PENDING, Outcome.PARTLY, Outcome.NO_ANSWER)
        and all(later.at <= e.at for later in timeline[i + 1 :])
    ]


def _refusals(case: Case, rungs: set[Rung]) -> int:
    return sum(1 for e in case.contacts if e.outcome is Outcome.REFUSED and rung_of(e) in rungs)


def recommend(case: Case, today: date, language: str = SOURCE_LANGUAGE) -> Recommendation:
    stand = standing(case)
    timeline = [e for e in case.timeline() if rung_of(e) is not None]
    last = timeline[-1] if timeline else None
    due = due_follow_ups(case, today)
    target, headline, reason = _next_rung(case, stand, last, today, language)
    return Recommendation(
        standing=stand,
        target=target,
        headline=headline,
        reason=reason,
        have_ready=have_ready(case, language) if target is not None else [],
        talking_points=(
            talking_points(case, target, today, language) if target is not None else []
        ),
        due=due,
    )


def _next_rung(
    case: Case, stand: Rung, last: ContactEntry | None, today: date, language: str
) -> tuple[Rung | None, str, str]:
    words = translator(language)
    _ = words.gettext
    if last is None:
        return (
            Rung.APPLE_STORE,
            _("Book the Genius Bar, or call Apple Support"),
            _(
                "Start with Apple itself: an Apple Store can override a service provider's "
                "decision, and every call gets a case number you will need later."
            ),
        )
    if last.outcome is Outcome.RESOLVED:
        return (
            None,
            _("Resolved"),
            _(
                "The last contact resolved the case. Keep the notes: a repair carries its own "
                "warranty of 90 days or the rest of the original, whichever is longer."
            ),
        )
    if last.outcome is Outcome.PENDING and last.next_step_due and last.next_step_due > today:
        days = (last.next_step_due - today).days
        due = medium_date(last.next_step_due, text_locale(case, language))
        if last.who:
            promised = words.ngettext(
                "{who} promised to come back ({count} day from now).",
                "{who} promised to come back ({count} days from now).",
                days,
            )
        else:
            promised = words.ngettext(
                "They promised to come back ({count} day from now).",
                "They promised to come back ({count} days from now).",
                days,
            )
        if last.case_number:
            again = _("If nothing arrives, call back with case number {number}.")
        else:
            again = _("If nothing arrives, call back with the case number from the last call.")
        return (
            rung_of(last),
            _("Wait for the answer promised by {date}").format(date=due),
            counted(promised, days, language, who=last.who)
            + " "
            + again.format(number=last.case_number),
        )
    if last.outcome in (Outcome.NO_ANSWER, Outcome.PENDING):
        return (
            rung_of(last),
            _("Call back at the same level"),
            _(
                "The last contact left the matter open. Call again, give the case number, and "
                "ask what was decided."
            ),
        )
    applecare_refusals = _refusals(case, {Rung.APPLECARE, Rung.SENIOR_ADVISOR})
    if stand <= Rung.SERVICE_PROVIDER:
        return (
            Rung.APPLE_STORE,
            _("Go to an Apple Store"),
            _(
                "The service provider said no. An Apple Store can override a service "
                "provider's decision."
            ),
        )
    if stand == Rung.APPLE_STORE:
        return (
            Rung.APPLECARE,
            _("Call AppleCare and ask for a CS code"),
            _(
                "The Apple Store said no. An AppleCare advisor can grant an exception, usually "
                "as a CS code: a repair credit the store or service provider applies to the "
                "price."
            ),
        )
    if stand in (Rung.APPLECARE, Rung.SENIOR_ADVISOR) and applecare_refusals < 2:
        return (
            Rung.SENIOR_ADVISOR,
            _("Ask for a senior advisor"),
            _(
                "One refusal from AppleCare. Politely ask for a senior advisor, or call back "
                "for another advisor: decisions differ from person to person."
            ),
        )
    if stand in (Rung.APPLECARE, Rung.SENIOR_ADVISOR):
        refusals = words.ngettext(
            "{count} refusal from AppleCare advisors: ask for Customer Relations, who can "
            "override a service decision. Give your case number.",
            "{count} refusals from AppleCare advisors: ask for Customer Relations, who can "
            "override a service decision. Give your case number.",
            applecare_refusals,
        )
        return (
            Rung.CUSTOMER_RELATIONS,
            _("Ask for Customer Relations"),
            counted(refusals, applecare_refusals, language),
        )
    if stand == Rung.CUSTOMER_RELATIONS:
        return (
            Rung.EXECUTIVE_RELATIONS,
            _("Write to the executive team"),
            _(
                "Customer Relations said no. A short, factual email to Apple's executive team "
                "is read by Executive Relations, who often find a fair solution."
            ),
        )
    return (
        None,
        _("The ladder is climbed"),
        _(
            "Executive Relations has answered. What is left is your legal right against the "
            "seller (see the coverage) or a consumer organisation; this app gives no legal "
            "advice."
        ),
    )


def have_ready(case: Case, language: str = SOURCE_LANGUAGE) -> list[str]:
    _ = translator(language).gettext
    items = []
    if case.device.serial:
        items.append(_("Serial number {serial}").format(serial=case.device.serial))
    elif case.device.imei:
        items.append(_("IMEI {imei}").format(imei=case.device.imei))
    else:
        items.append(_("The serial number (Settings > General > About)"))
    numbers = case.case_numbers()
    if numbers:
        items.append(_("Case number {number}").format(number=numbers[-1]))
    else:
        items.append(_("A pen for the case number"))
    if case.purchase.receipts:
        items.append(_("The receipt (in the dossier)"))
    elif case.purchase.date:
        items.append(_("Proof of purchase if you have it"))
    if case.symptoms.description:
        items.append(_("The symptom summary and when it started"))
    items.append(_("Your notes of every earlier contact: date, time, name, what was said"))
    return items


def talking_points(
    case: Case, target: Rung | None, today: date, language: str = SOURCE_LANGUAGE
) -> list[str]:
    words = translator(language)
    _ = words.gettext
    points = [
        _(
            "Be polite and calm; thank them for their time. They want to help a reasonable "
            "customer."
        ),
        _("Say how long you have used Apple products, if that is true: you are a loyal customer."),
    ]
    if case.purchase.date:
        locale = text_locale(case, language)
        bought = long_date(case.purchase.date, locale)
        contacts = len(case.contacts)
        if case.symptoms.first_noticed:
            facts = words.ngettext(
                "The facts: bought on {bought}, problem noticed on {noticed}; "
                "{count} contact so far.",
                "The facts: bought on {bought}, problem noticed on {noticed}; "
                "{count} contacts so far.",
                contacts,
            )
        else:
            facts = words.ngettext(
                "The facts: bought on {bought}; {count} contact so far.",
                "The facts: bought on {bought}; {count} contacts so far.",
                contacts,
            )
        noticed = (
            long_date(case.symptoms.first_noticed, locale) if case.symptoms.first_noticed else ""
        )
        points.append(counted(facts, contacts, language, bought=bought, noticed=noticed))
    asks = {
        Rung.APPLECARE: N_(
            "Ask for something specific: a repair under an exception, or a CS code that covers it."
        ),
        Rung.SENIOR_ADVISOR: N_(
            "Ask for something specific: a free repair, or at least parts without labour."
        ),
        Rung.CUSTOMER_RELATIONS: N_(
            "Ask for a specific remedy: a free repair or a CS code; parts without labour is a "
            "common compromise."
        ),
        Rung.EXECUTIVE_RELATIONS: N_(
            "Ask for one specific remedy and give a date by which you hope to hear back."
        ),
    }
    default_ask = N_("Ask for a free repair under warranty or the law.")
    points.append(_(asks.get(target or Rung.START, default_ask)))
    for layer in coverage_layers(case, language):
        if layer.kind is LayerKind.PROGRAM and layer.state(today) is LayerState.ACTIVE:
            points.append(
                _("Mention the {program}: it covers this fault if it matches.").format(
                    program=layer.title
                )
            )
    points.append(
        _("Your rights: {argument}").format(argument=strongest_argument(case, today, language))
    )
    points.append(
        _(
            "Never argue. If the answer is no, thank them, end the call, and call back for "
            "another advisor."
        )
    )
    return points
