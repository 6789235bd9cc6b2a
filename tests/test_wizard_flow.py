"""The wizard's page order, decided without Qt."""

from __future__ import annotations

from desktop.model import Case, CaseType, DeviceKind
from desktop.wizard_flow import ALL_STEPS, Step, next_step, previous_step, steps_for


def walk(case: Case) -> list[Step]:
    order = [Step.CASE_TYPE]
    while (step := next_step(order[-1], case)) is not None:
        order.append(step)
    return order


def test_hardware_case_visits_every_step_in_order() -> None:
    assert walk(Case(case_type=CaseType.HARDWARE)) == list(ALL_STEPS)


def test_account_case_without_a_device_skips_identifiers() -> None:
    case = Case(case_type=CaseType.ACCOUNT)
    case.device.kind = DeviceKind.OTHER
    assert Step.IDENTIFIERS not in walk(case)
    assert next_step(Step.DEVICE, case) is Step.APPLE_ID
    assert previous_step(Step.APPLE_ID, case) is Step.DEVICE


def test_account_case_about_a_device_keeps_identifiers() -> None:
    case = Case(case_type=CaseType.ACCOUNT)
    case.device.kind = DeviceKind.IPHONE
    assert Step.IDENTIFIERS in steps_for(case)


def test_a_step_dropped_by_a_later_answer_still_leads_on() -> None:
    case = Case(case_type=CaseType.ACCOUNT)
    case.device.kind = DeviceKind.OTHER
    assert next_step(Step.IDENTIFIERS, case) is Step.APPLE_ID


def test_review_is_last_and_case_type_first() -> None:
    case = Case()
    assert next_step(Step.REVIEW, case) is None
    assert previous_step(Step.CASE_TYPE, case) is None
