"""Identifier checks with real-world shaped vectors, and a property: they never raise."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.identifiers import (
    Level,
    check_apple_id,
    check_eid,
    check_imei,
    check_meid,
    check_serial,
)


@pytest.mark.parametrize(
    ("raw", "years", "week", "half"),
    [
        ("C02XK1ZPJG5J", "2018", "42", "second"),  # X = 2018 H2; K = 16th symbol -> 16 + 26
        ("F17R31ABCDEF", "2016", "3", "first"),  # R = 2016 H1; 3 -> week 3
        ("W88Z2ABCDEFG", "2019", "28", "second"),  # Z = 2019 H2; 2 -> 2 + 26
    ],
)
def test_twelve_character_serial_decodes(raw: str, years: str, week: str, half: str) -> None:
    check = check_serial(raw)
    assert check.level is Level.OK
    assert (check.details["years"], check.details["week"], check.details["half"]) == (
        years,
        week,
        half,
    )
    assert f"week {week}" in check.message and years in check.message


def test_twelve_character_serial_of_2010_or_2020_is_ambiguous() -> None:
    check = check_serial("W88C5234ABCD")
    assert check.level is Level.OK
    assert check.details["years"] == "2010 or 2020"
    assert check.details["week"] == "5"


def test_week_27_only_exists_in_a_second_half() -> None:
    assert check_serial("W88CY234ABCD").level is Level.WARNING  # C = first half
    assert check_serial("W88DY234ABCD").details["week"] == "53"


def test_spaces_and_case_are_normalised() -> None:
    check = check_serial("  c02x k1zp-jg5j ")
    assert check.normalized == "C02XK1ZPJG5J"
    assert check.level is Level.OK


def test_legacy_serial_decodes_year_and_week() -> None:
    check = check_serial("YM8231ABCDE")  # factory YM, year 8 -> 2008, week 23
    assert check.level is Level.OK
    assert check.details["years"] == "2008" and check.details["week"] == "23"


def test_ten_character_serial_is_accepted_but_not_decoded() -> None:
    check = check_serial("h7xq-2lm9vr")
    assert check.level is Level.OK
    assert check.normalized == "H7XQ2LM9VR"
    assert "cannot be decoded offline" in check.message


def test_letter_o_is_flagged_with_a_suggestion_not_changed() -> None:
    check = check_serial("C02XK1ZPJG5O")
    assert check.level is Level.WARNING
    assert check.normalized == "C02XK1ZPJG5O"
    assert check.suggestion == "C02XK1ZPJG50"
    assert "zero" in check.message


def test_scanner_prefix_is_removed() -> None:
    check = check_serial("SC02XK1ZPJG5J")
    assert check.normalized == "C02XK1ZPJG5J"
    assert "leading S" in check.message


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        ("A2172", "model number"),
        ("MGJ53LL/A", "part number"),
        ("356789104523418", "IMEI"),
        ("C02X", "4 characters"),
        ("C02XK1ZPJG5J123456", "18 characters"),
    ],
)
def test_common_wrong_pastes_are_errors_that_explain(raw: str, hint: str) -> None:
    check = check_serial(raw)
    assert check.level is Level.ERROR
    assert hint in check.message


def test_undecodable_twelve_characters_is_a_doubt() -> None:
    check = check_serial("C02AA1ZPJG5J")  # A is not a year letter
    assert check.level is Level.WARNING


def test_imei_valid_and_mistyped() -> None:
    assert check_imei("35 678910 452341 8").level is Level.OK
    wrong = check_imei("356789104523417")
    assert wrong.level is Level.ERROR and "mistyped" in wrong.message
    assert check_imei("3567891045234").level is Level.ERROR
    assert "IMEISV" in check_imei("3567891045234101").message
    assert check_imei("35678910452341").level is Level.WARNING
    assert check_imei("35678910452341X").level is Level.ERROR


def test_eid_check_digits() -> None:
    body = "890490320000010000000000000000"
    good = body + f"{98 - (int(body) * 100) % 97:02d}"
    assert check_eid(good).level is Level.OK
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert check_eid(bad).level is Level.ERROR
    assert check_eid("8904").level is Level.ERROR


def test_meid() -> None:
    assert check_meid("AF 01 23 45 0A BC DE").level is Level.OK
    assert check_meid("XYZ").level is Level.ERROR


@pytest.mark.parametrize(
    ("raw", "level"),
    [
        ("lena.vogt@example.com", Level.OK),
        ("lena.vogt@example", Level.ERROR),
        ("+49 30 5550 1234", Level.OK),
        ("030 5550 1234", Level.WARNING),
        ("hunter2", Level.ERROR),
        ("", Level.EMPTY),
    ],
)
def test_apple_id(raw: str, level: Level) -> None:
    assert check_apple_id(raw).level is level


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_checks_never_raise_on_arbitrary_input(text: str) -> None:
    for check in (check_serial, check_imei, check_eid, check_meid, check_apple_id):
        result = check(text)
        assert result.level in Level
        assert isinstance(result.message, str)
