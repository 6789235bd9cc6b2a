"""What is due for a case, in words: follow-ups overdue or coming, coverage about to end."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop.coverage import LayerState, coverage_layers
from desktop.escalation import due_follow_ups
from desktop.model import Case, CaseStatus, Outcome
from desktop.ui.formatting import format_date
from desktop.ui.i18n import N_, Plural, tr, tr_count

TEXT_OVERDUE = N_("Overdue since {date}: {step}")
TEXT_DUE_TODAY = N_("Due today: {step}")
TEXT_COMING = N_("Due on {date}: {step}")
TEXT_ENDS = Plural(
    "{title} ends on {date} ({count} day left)", "{title} ends on {date} ({count} days left)"
)
TEXT_ENDS_TODAY = N_("{title} ends today")
TEXT_UNNAMED_STEP = N_("the next step you noted")
TEXT_WITH = N_("{step} ({who})")

COMING_DAYS = 14  # next steps shown ahead of time
ENDING_DAYS = 90  # coverage that ends this soon is worth a line
URGENT_DAYS = 30


@dataclass(frozen=True)
class DueItem:
    text: str
    urgent: bool  # shown with a warning sign (and the words say why)


def due_items(case: Case, today: date, language: str = "en") -> list[DueItem]:
    if case.status is CaseStatus.CLOSED:
        return []
    items: list[DueItem] = []
    due = due_follow_ups(case, today)
    for entry in due:
        assert entry.next_step_due is not None
        step = _step(entry.next_step, entry.who)
        if entry.next_step_due == today:
            items.append(DueItem(tr(TEXT_DUE_TODAY).format(step=step), True))
        else:
            text = tr(TEXT_OVERDUE).format(date=format_date(entry.next_step_due), step=step)
            items.append(DueItem(text, True))
    horizon = today + timedelta(days=COMING_DAYS)
    for entry in case.timeline():
        when = entry.next_step_due
        if entry in due or when is None or not (today < when <= horizon):
            continue
        if entry.outcome not in (Outcome.PENDING, Outcome.PARTLY, Outcome.NO_ANSWER):
            continue
        if any(later.at > entry.at for later in case.contacts):
            continue  # a later contact answered it
        step = _step(entry.next_step, entry.who)
        items.append(DueItem(tr(TEXT_COMING).format(date=format_date(when), step=step), False))
    for layer in coverage_layers(case, language):
        if layer.end is None or layer.state(today) is not LayerState.ACTIVE:
            continue
        left = (layer.end - today).days
        if left > ENDING_DAYS:
            continue
        if left == 0:
            items.append(DueItem(tr(TEXT_ENDS_TODAY).format(title=layer.title), True))
        else:
            text = tr_count(TEXT_ENDS, left, title=layer.title, date=format_date(layer.end))
            items.append(DueItem(text, left <= URGENT_DAYS))
    return items


def _step(next_step: str, who: str) -> str:
    step = next_step.strip() or tr(TEXT_UNNAMED_STEP)
    return tr(TEXT_WITH).format(step=step, who=who) if who.strip() else step
