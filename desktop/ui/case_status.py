"""Where a case stands, in a few words: for the case list and the case header.

"Closed: repaired free", "Callback due tomorrow", "Follow-up overdue by 3 days",
"Out of Apple's warranty by 12 days", "In Apple's warranty, 45 days left".
A follow-up that is due beats the coverage; a closed case says how it ended.
"""

from __future__ import annotations

from datetime import date, timedelta

from desktop.coverage import LayerState, coverage_layers
from desktop.escalation import due_follow_ups
from desktop.model import Case, CaseStatus, Channel, ContactEntry, Outcome, Resolution
from desktop.ui.choices import status_words
from desktop.ui.i18n import N_, Plural, tr, tr_count

RESOLUTION_LABELS: dict[Resolution, str] = {
    Resolution.REPAIRED_FREE: N_("Repaired free"),
    Resolution.PARTLY_PAID: N_("Repaired, partly paid"),
    Resolution.REPLACED: N_("Replaced"),
    Resolution.REFUNDED: N_("Refunded"),
    Resolution.REFUSED: N_("Refused"),
    Resolution.GAVE_UP: N_("Gave up"),
}

TEXT_CLOSED_AS = N_("Closed: {resolution}")
TEXT_CLOSED = N_("Closed")
TEXT_CALLBACK_TODAY = N_("Callback due today")
TEXT_CALLBACK_TOMORROW = N_("Callback due tomorrow")
TEXT_CALLBACK_IN = Plural("Callback due in {count} day", "Callback due in {count} days")
TEXT_FOLLOW_UP_TODAY = N_("Follow-up due today")
TEXT_FOLLOW_UP_TOMORROW = N_("Follow-up due tomorrow")
TEXT_FOLLOW_UP_IN = Plural("Follow-up due in {count} day", "Follow-up due in {count} days")
TEXT_OVERDUE = Plural("Follow-up overdue by {count} day", "Follow-up overdue by {count} days")
TEXT_IN_WARRANTY_ONE = N_("In Apple's warranty, last day today")
TEXT_IN_WARRANTY = Plural(
    "In Apple's warranty, {count} day left", "In Apple's warranty, {count} days left"
)
TEXT_OUT_OF_WARRANTY = Plural(
    "Out of Apple's warranty by {count} day", "Out of Apple's warranty by {count} days"
)

# How far ahead an upcoming next step shows in the list instead of the coverage.
UPCOMING_DAYS = 3

_CALLBACK_CHANNELS = (Channel.PHONE, Channel.CHAT)


def resolution_words(resolution: Resolution | None) -> str:
    if resolution is None:
        return tr(TEXT_CLOSED)
    label = tr(RESOLUTION_LABELS[resolution])
    return tr(TEXT_CLOSED_AS).format(resolution=label[:1].lower() + label[1:])


def case_status_text(case: Case, today: date) -> str:
    if case.status is CaseStatus.DRAFT:
        return status_words(case.status, len(case.contacts))
    if case.status is CaseStatus.CLOSED:
        return resolution_words(case.closure.resolution)
    follow_up = follow_up_text(case, today)
    if follow_up:
        return follow_up
    return warranty_text(case, today) or status_words(case.status, len(case.contacts))


def follow_up_text(case: Case, today: date) -> str:
    """The most pressing next step: overdue, due today, or due within a few days."""
    due = due_follow_ups(case, today)
    if due:
        entry = min(due, key=lambda e: e.next_step_due or today)
        assert entry.next_step_due is not None
        late = (today - entry.next_step_due).days
        if late == 0:
            return tr(TEXT_CALLBACK_TODAY if _is_callback(entry) else TEXT_FOLLOW_UP_TODAY)
        return tr_count(TEXT_OVERDUE, late)
    upcoming = upcoming_follow_up(case, today)
    if upcoming is None or upcoming.next_step_due is None:
        return ""
    days = (upcoming.next_step_due - today).days
    callback = _is_callback(upcoming)
    if days == 1:
        return tr(TEXT_CALLBACK_TOMORROW if callback else TEXT_FOLLOW_UP_TOMORROW)
    return tr_count(TEXT_CALLBACK_IN if callback else TEXT_FOLLOW_UP_IN, days)


def upcoming_follow_up(case: Case, today: date, within: int = UPCOMING_DAYS) -> ContactEntry | None:
    """The latest contact's open next step, when it falls due soon (not yet due)."""
    timeline = case.timeline()
    if not timeline:
        return None
    last = timeline[-1]
    due = last.next_step_due
    if due is None or last.outcome not in (Outcome.PENDING, Outcome.PARTLY, Outcome.NO_ANSWER):
        return None
    if today < due <= today + timedelta(days=within):
        return last
    return None


def warranty_text(case: Case, today: date) -> str:
    layers = {layer.id: layer for layer in coverage_layers(case)}
    warranty = layers.get("apple:warranty")
    if warranty is None or warranty.end is None:
        return ""
    state = warranty.state(today)
    if state is LayerState.ENDED:
        days = (today - warranty.end).days
        return tr_count(TEXT_OUT_OF_WARRANTY, days)
    if state is LayerState.ACTIVE:
        left = (warranty.end - today).days
        return tr(TEXT_IN_WARRANTY_ONE) if left == 0 else tr_count(TEXT_IN_WARRANTY, left)
    return ""


def _is_callback(entry: ContactEntry) -> bool:
    return entry.channel in _CALLBACK_CHANNELS and entry.outcome is not Outcome.NO_ANSWER
