"""The regional directory: every country asked for, sourced, and 'open now' in any zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from desktop.directory import describe_hours, directory

REQUIRED = ["US", "CA", "GB", "DE", "FR", "CN", "RU", "AU", "JP", "IN"]


def test_every_required_country_has_a_sourced_support_line() -> None:
    book = directory()
    for country in REQUIRED:
        line = book.support_line(country)
        assert line is not None, country
        assert line.source and line.seen >= 2009 and line.number.startswith("+")
    assert book.authority == "support.apple.com/contact"
    assert "password" in book.scam_warning and "gift card" in book.scam_warning
    assert any(ln.purpose == "investor_relations" for ln in book.for_country("US"))


def test_open_now_uses_the_lines_own_time_zone() -> None:
    china = directory().support_line("CN")
    assert china is not None
    # Monday 2026-11-23 10:00 in Shanghai is 02:00 UTC: open.
    assert china.is_open(datetime(2026, 11, 23, 2, 0, tzinfo=UTC)) is True
    # 22:00 in Shanghai: closed.
    assert china.is_open(datetime(2026, 11, 23, 14, 0, tzinfo=UTC)) is False
    # Saturday 19:00 Shanghai: weekend hours end at 18:00.
    assert china.is_open(datetime(2026, 11, 28, 11, 0, tzinfo=UTC)) is False


def test_hours_are_shown_in_the_callers_time() -> None:
    china = directory().support_line("CN")
    assert china is not None
    opens, closes = china.hours_in("Europe/Berlin", date(2026, 11, 23))  # type: ignore[misc]
    assert (opens.hour, closes.hour) == (2, 14)  # UTC+8 vs UTC+1 in winter
    berlin = timezone(timedelta(hours=1))
    text = describe_hours(china, "Europe/Berlin", datetime(2026, 11, 23, 1, 0, tzinfo=berlin))
    assert text == "Closed now; opens 02:00 your time"
    text = describe_hours(china, "Europe/Berlin", datetime(2026, 11, 23, 9, 0, tzinfo=berlin))
    assert text == "Open now, until 14:00 your time"


def test_unknown_hours_say_so() -> None:
    us = directory().support_line("US")
    assert us is not None and us.is_open(datetime.now(UTC)) is None
    assert "not verified" in describe_hours(us, "America/New_York", datetime.now(UTC))
