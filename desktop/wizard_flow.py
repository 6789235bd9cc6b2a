"""Which wizard page comes next: a plain navigator, tested without Qt.

The Qt wizard asks `next_step(current, case)`; the answer depends only on the
case data so far. The case type decides the branch:

- hardware fault: the device's coverage, the symptoms with photos, and the
  repair history (earlier repairs: date, place, what was done);
- account & billing: the disputed charges (order ID, date, amount, item, what
  Report a Problem said) right after the account; no coverage or repair
  history (they are about a device's faults), symptoms without photos;
- software & services: coverage (phone support and AppleCare cover software
  help too) and the symptoms, no repair history or charges.

An account case about no device at all also skips the device identifiers.
"""

from __future__ import annotations

from enum import StrEnum

from desktop.i18n import N_
from desktop.model import Case, CaseType, DeviceKind


class Step(StrEnum):
    CASE_TYPE = "case_type"
    DEVICE = "device"
    IDENTIFIERS = "identifiers"
    APPLE_ID = "apple_id"
    CHARGES = "charges"
    OWNER = "owner"
    RECEIPT = "receipt"
    COVERAGE = "coverage"
    SYMPTOMS = "symptoms"
    REPAIRS = "repairs"
    REVIEW = "review"


STEP_TITLES: dict[Step, str] = {
    Step.CASE_TYPE: N_("Case type"),
    Step.DEVICE: N_("Device"),
    Step.IDENTIFIERS: N_("Serial & IMEI"),
    Step.APPLE_ID: N_("Apple ID"),
    Step.CHARGES: N_("Charges"),
    Step.OWNER: N_("Your details"),
    Step.RECEIPT: N_("Receipt"),
    Step.COVERAGE: N_("Coverage"),
    Step.SYMPTOMS: N_("Symptoms"),
    Step.REPAIRS: N_("Repair history"),
    Step.REVIEW: N_("Review"),
}

ALL_STEPS: tuple[Step, ...] = tuple(Step)

# Steps only some case types need.
_ONLY_FOR: dict[Step, frozenset[CaseType]] = {
    Step.CHARGES: frozenset({CaseType.ACCOUNT}),
    Step.COVERAGE: frozenset({CaseType.HARDWARE, CaseType.SOFTWARE}),
    Step.REPAIRS: frozenset({CaseType.HARDWARE}),
}


def steps_for(case: Case) -> list[Step]:
    """The pages this case needs, in order."""
    steps = [
        step for step in ALL_STEPS if step not in _ONLY_FOR or case.case_type in _ONLY_FOR[step]
    ]
    if case.case_type is CaseType.ACCOUNT and case.device.kind is DeviceKind.OTHER:
        # A billing dispute about the account alone has no device identifiers to ask for.
        steps.remove(Step.IDENTIFIERS)
    return steps


def wants_photos(case: Case) -> bool:
    """Whether the symptoms page asks for photos: not for an account or billing case."""
    return case.case_type is not CaseType.ACCOUNT


def next_step(current: Step, case: Case) -> Step | None:
    steps = steps_for(case)
    if current not in steps:
        # The page was dropped by an earlier answer: continue after its old place.
        later = ALL_STEPS[ALL_STEPS.index(current) + 1 :]
        return next((s for s in later if s in steps), None)
    index = steps.index(current)
    return steps[index + 1] if index + 1 < len(steps) else None


def previous_step(current: Step, case: Case) -> Step | None:
    steps = steps_for(case)
    if current not in steps:
        return None
    index = steps.index(current)
    return steps[index - 1] if index > 0 else None
