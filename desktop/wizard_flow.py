"""Which wizard page comes next: a plain navigator, tested without Qt.

The Qt wizard asks `next_step(current, case)`; the answer depends only on the
case data so far, so later case types can branch here without touching the UI.
"""

from __future__ import annotations

from enum import StrEnum

from desktop.model import Case, CaseType, DeviceKind


class Step(StrEnum):
    CASE_TYPE = "case_type"
    DEVICE = "device"
    IDENTIFIERS = "identifiers"
    APPLE_ID = "apple_id"
    OWNER = "owner"
    RECEIPT = "receipt"
    SYMPTOMS = "symptoms"
    REVIEW = "review"


STEP_TITLES: dict[Step, str] = {
    Step.CASE_TYPE: "Case type",
    Step.DEVICE: "Device",
    Step.IDENTIFIERS: "Serial & IMEI",
    Step.APPLE_ID: "Apple ID",
    Step.OWNER: "Your details",
    Step.RECEIPT: "Receipt",
    Step.SYMPTOMS: "Symptoms",
    Step.REVIEW: "Review",
}

ALL_STEPS: tuple[Step, ...] = tuple(Step)


def steps_for(case: Case) -> list[Step]:
    """The pages this case needs, in order."""
    steps = list(ALL_STEPS)
    if case.case_type is CaseType.ACCOUNT and case.device.kind is DeviceKind.OTHER:
        # A billing dispute about the account alone has no device identifiers to ask for.
        steps.remove(Step.IDENTIFIERS)
    return steps


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
