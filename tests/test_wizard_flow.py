"""The wizard's page order, decided without Qt: one walk per case type."""

from __future__ import annotations

from desktop.model import Case, CaseType, DeviceKind
from desktop.wizard_flow import (
    ALL_STEPS,
    STEP_TITLES,
    Step,
    next_step,
    previous_step,
    steps_for,
    wants_photos,
)


def walk(case: Case) -> list[Step]:
    order = [Step.CASE_TYPE]
    while (step := next_step(order[-1], case)) is not None:
        order.append(step)
    return order


def walk_back(case: Case) -> list[Step]:
    order = [Step.REVIEW]
    while (step := previous_step(order[-1], case)) is not None:
        order.append(step)
    return order[::-1]


def test_hardware_case_asks_for_coverage_symptoms_with_photos_and_repair_history() -> None:
    case = Case(case_type=CaseType.HARDWARE)
    assert walk(case) == [
        Step.CASE_TYPE,
        Step.DEVICE,
        Step.IDENTIFIERS,
        Step.APPLE_ID,
        Step.OWNER,
        Step.RECEIPT,
        Step.COVERAGE,
        Step.SYMPTOMS,
        Step.REPAIRS,
        Step.REVIEW,
    ]
    assert walk_back(case) == walk(case)
    assert wants_photos(case)


def test_account_case_asks_for_charges_and_skips_coverage_and_repairs() -> None:
    case = Case(case_type=CaseType.ACCOUNT)
    case.device.kind = DeviceKind.IPHONE
    assert walk(case) == [
        Step.CASE_TYPE,
        Step.DEVICE,
        Step.IDENTIFIERS,
        Step.APPLE_ID,
        Step.CHARGES,
        Step.OWNER,
        Step.RECEIPT,
        Step.SYMPTOMS,
        Step.REVIEW,
    ]
    assert walk_back(case) == walk(case)
    assert not wants_photos(case)


def test_account_case_without_a_device_skips_identifiers() -> None:
    case = Case(case_type=CaseType.ACCOUNT)
    case.device.kind = DeviceKind.OTHER
    assert Step.IDENTIFIERS not in walk(case)
    assert next_step(Step.DEVICE, case) is Step.APPLE_ID
    assert next_step(Step.APPLE_ID, case) is Step.CHARGES
    assert previous_step(Step.APPLE_ID, case) is Step.DEVICE


def test_software_case_asks_for_coverage_but_not_charges_or_repairs() -> None:
    case = Case(case_type=CaseType.SOFTWARE)
    steps = walk(case)
    assert Step.COVERAGE in steps and Step.SYMPTOMS in steps
    assert Step.CHARGES not in steps and Step.REPAIRS not in steps
    assert steps[-2:] == [Step.SYMPTOMS, Step.REVIEW]
    assert wants_photos(case)


def test_account_case_about_a_device_keeps_identifiers() -> None:
    case = Case(case_type=CaseType.ACCOUNT)
    case.device.kind = DeviceKind.IPHONE
    assert Step.IDENTIFIERS in steps_for(case)


def test_a_step_dropped_by_a_later_answer_still_leads_on() -> None:
    case = Case(case_type=CaseType.ACCOUNT)
    case.device.kind = DeviceKind.OTHER
    assert next_step(Step.IDENTIFIERS, case) is Step.APPLE_ID
    # Switching a hardware case to billing while on the repair history: on to the review.
    assert next_step(Step.REPAIRS, case) is Step.REVIEW
    assert next_step(Step.COVERAGE, case) is Step.SYMPTOMS
    assert previous_step(Step.COVERAGE, case) is None


def test_review_is_last_and_case_type_first_for_every_type() -> None:
    for case_type in CaseType:
        case = Case(case_type=case_type)
        assert next_step(Step.REVIEW, case) is None
        assert previous_step(Step.CASE_TYPE, case) is None
        assert steps_for(case)[0] is Step.CASE_TYPE and steps_for(case)[-1] is Step.REVIEW


def test_every_step_has_a_title() -> None:
    assert set(STEP_TITLES) == set(ALL_STEPS)
