"""Coverage layers on date boundaries and for each jurisdiction in the reference data."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.coverage import (
    LayerKind,
    LayerState,
    add_months,
    coverage_layers,
    strongest_argument,
)
from desktop.model import Case, DeviceKind, PlanKind


def case_bought(day: date, country: str = "DE", kind: DeviceKind = DeviceKind.IPHONE) -> Case:
    case = Case()
    case.purchase.date = day
    case.purchase.country = country
    case.device.kind = kind
    return case


def layer(case: Case, layer_id: str):  # type: ignore[no-untyped-def]
    return next(la for la in coverage_layers(case) if la.id == layer_id)


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2024, 2, 29), 12, date(2025, 2, 28)),  # leap day: the month has no 29th
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2025, 1, 31), 1, date(2025, 2, 28)),  # month end
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),  # year change
        (date(2025, 3, 1), 24, date(2027, 3, 1)),
    ],
)
def test_add_months_clamps_to_the_month_end(start: date, months: int, end: date) -> None:
    assert add_months(start, months) == end


def test_the_day_of_expiry_is_still_covered() -> None:
    warranty = layer(case_bought(date(2025, 9, 20)), "apple:warranty")
    assert warranty.end == date(2026, 9, 20)
    assert warranty.state(date(2026, 9, 20)) is LayerState.ACTIVE
    assert warranty.status_text(date(2026, 9, 20)) == "active, last day today"
    assert warranty.status_text(date(2026, 9, 19)) == "active, 1 day left"
    assert warranty.state(date(2026, 9, 21)) is LayerState.ENDED
    assert warranty.status_text(date(2026, 10, 2)) == "ended 12 days ago"
    assert warranty.status_text(date(2025, 9, 19)) == "starts in 1 day"


def test_phone_support_is_ninety_days() -> None:
    support = layer(case_bought(date(2024, 12, 1)), "apple:phone_support")
    assert support.end == date(2025, 3, 1)  # 2025 is not a leap year


def test_leap_day_purchase_warranty_ends_28_february() -> None:
    assert layer(case_bought(date(2024, 2, 29)), "apple:warranty").end == date(2025, 2, 28)


def test_eu_two_years_and_one_year_presumption() -> None:
    case = case_bought(date(2025, 3, 3), "FR")
    assert layer(case, "law:eu_guarantee").end == date(2027, 3, 3)
    presumption = layer(case, "law:eu_presumption")
    assert presumption.end == date(2027, 3, 3) and presumption.uncertain  # France: 24 months
    assert layer(case_bought(date(2025, 3, 3), "IT"), "law:eu_presumption").end == date(2026, 3, 3)


def test_spain_three_years_is_labelled_uncertain() -> None:
    guarantee = layer(case_bought(date(2025, 3, 3), "ES"), "law:eu_guarantee")
    assert guarantee.end == date(2028, 3, 3) and guarantee.uncertain


def test_uk_layers() -> None:
    case = case_bought(date(2025, 6, 10), "GB")
    assert layer(case, "law:uk_right_to_reject").end == date(2025, 7, 10)
    assert layer(case, "law:uk_presumption").end == date(2025, 12, 10)
    assert layer(case, "law:uk_limitation").end == date(2031, 6, 10)
    assert "Scotland" in layer(case, "law:uk_limitation").title


def test_australia_is_open_ended_with_apple_floor() -> None:
    case = case_bought(date(2024, 1, 1), "AU")
    assert layer(case, "law:au_apple_undertaking").end == date(2026, 1, 1)
    durable = layer(case, "law:au_consumer_guarantee")
    assert durable.end is None
    assert durable.status_text(date(2030, 1, 1)) == "active, no fixed end"


def test_china_phone_and_mac_rules_differ() -> None:
    phone = {la.id for la in coverage_layers(case_bought(date(2026, 1, 1), "CN"))}
    mac = {la.id for la in coverage_layers(case_bought(date(2026, 1, 1), "CN", DeviceKind.MAC))}
    assert "law:cn_phone_handset" in phone and "law:cn_computer_main_parts" not in phone
    assert "law:cn_computer_main_parts" in mac and "law:cn_phone_handset" not in mac
    case = case_bought(date(2026, 1, 1), "CN")
    assert layer(case, "law:cn_return").end == date(2026, 1, 8)
    assert layer(case, "law:cn_exchange").end == date(2026, 1, 16)


def test_russia_is_uncertain_and_complex_goods_window() -> None:
    case = case_bought(date(2025, 5, 1), "RU")
    assert layer(case, "law:ru_two_years").uncertain
    assert layer(case, "law:ru_complex_goods").end == date(2025, 5, 16)
    watch = case_bought(date(2025, 5, 1), "RU", DeviceKind.WATCH)
    assert "law:ru_complex_goods" not in {la.id for la in coverage_layers(watch)}


def test_us_implied_warranty_has_no_fixed_end() -> None:
    assert layer(case_bought(date(2025, 5, 1), "US"), "law:us_implied_warranty").end is None


def test_unknown_country_has_only_apple_layers() -> None:
    kinds = {la.kind for la in coverage_layers(case_bought(date(2025, 5, 1), "BR"))}
    assert kinds == {LayerKind.APPLE}


def test_applecare_plus_default_term_and_monthly_plan() -> None:
    case = case_bought(date(2024, 10, 1), "US", DeviceKind.MAC)
    case.applecare.kind = PlanKind.APPLECARE_PLUS
    plan = layer(case, "plan:applecare_plus")
    assert plan.end == date(2027, 10, 1) and "assumed" in plan.note
    case.applecare.kind = PlanKind.APPLECARE_ONE
    case.applecare.start = date(2025, 8, 1)
    one = layer(case, "plan:applecare_one")
    assert one.start == date(2025, 8, 1) and one.end is None


def test_repair_program_years_after_purchase() -> None:
    case = case_bought(date(2024, 2, 29), "US")
    case.repair_programs = ["iphone14plus_camera"]
    program = layer(case, "program:iphone14plus_camera")
    assert program.end == date(2027, 2, 28)
    assert "first retail sale" in program.note


def test_no_purchase_date_no_layers() -> None:
    assert coverage_layers(Case()) == []
    assert "purchase date" in strongest_argument(Case(), date(2026, 1, 1))


def test_strongest_argument_out_of_warranty_in_the_eu() -> None:
    case = case_bought(date(2025, 3, 3), "IT")
    sentence = strongest_argument(case, date(2026, 3, 15))
    assert sentence.startswith("Out of Apple's warranty by 12 days")
    assert "until 3 March 2027" in sentence
    assert "you may be asked to show" in sentence
    early = strongest_argument(case, date(2025, 12, 1))
    assert early.startswith("Within Apple's one-year warranty until 3 March 2026")


def test_strongest_argument_with_presumption_running() -> None:
    sentence = strongest_argument(case_bought(date(2025, 3, 3), "FR"), date(2026, 6, 1))
    assert "seller must prove" in sentence and "not verified" not in sentence.split(";")[1]


def test_repair_warranty_is_90_days_or_the_rest_of_the_original() -> None:
    from desktop.model import Resolution

    case = case_bought(date(2025, 9, 20), "US")
    case.closure.resolution = Resolution.REPAIRED_FREE
    case.closure.closed_on = date(2026, 9, 1)  # 19 days of warranty left: 90 days win
    assert layer(case, "apple:repair_guarantee").end == date(2026, 11, 30)
    case.closure.closed_on = date(2025, 12, 1)  # the original warranty lasts longer
    assert layer(case, "apple:repair_guarantee").end == date(2026, 9, 20)
    case.closure.resolution = Resolution.REFUSED
    assert "apple:repair_guarantee" not in {la.id for la in coverage_layers(case)}
