"""Letters from the case, the mailto link (non-ASCII, long bodies) and the .ics export."""

from __future__ import annotations

from datetime import UTC, date, datetime
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from icalendar import Calendar

from desktop.calendar_export import follow_up_event
from desktop.letters import Letter, customer_relations_letter, executive_letter, mailto_url
from desktop.sample import sample_case

TODAY = date(2026, 11, 22)


def test_executive_letter_is_specific() -> None:
    letter = executive_letter(sample_case(), TODAY)
    assert "102938475610" in letter.subject
    body = letter.body
    assert "H7XQ2LM9VR" in body and "20 September 2025" in body
    assert "6 October 2026: Advisor Jonas (ID 4471), case 102938475610" in body
    assert "EU legal guarantee" in body
    assert "by 2 December 2026" in body
    assert body.startswith("Dear Executive Relations team,")
    assert "Lena Vogt" in body


def test_customer_relations_letter_uses_the_ask() -> None:
    letter = customer_relations_letter(sample_case(), TODAY, ask="parts without labour")
    assert "I am asking for parts without labour." in letter.body


def query(url: str) -> dict[str, str]:
    parts = urlsplit(url)
    return {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}


def test_mailto_encodes_non_ascii_and_line_breaks() -> None:
    letter = Letter(
        to="",
        subject="iPhone: просьба & 请求 #1?",
        body="Здравствуйте,\n\n屏幕闪烁 — 50% & more = ?\nСпасибо 🙏",
    )
    url, shortened = mailto_url(letter)
    assert not shortened
    assert url.startswith("mailto:?subject=")
    assert all(ord(c) < 128 for c in url) and " " not in url and "\n" not in url
    q = query(url)
    assert q["subject"] == letter.subject
    assert q["body"] == letter.body.replace("\n", "\r\n")


def test_long_body_is_shortened_to_fit_and_says_so() -> None:
    letter = Letter(to="", subject="Long", body="Жалоба. " * 2000)
    url, shortened = mailto_url(letter)
    assert shortened and len(url) <= 1900
    body = unquote(query(url)["body"])
    assert body.endswith("[The full letter is on the clipboard: paste it here.]")
    assert letter.body.startswith(body.split("\r\n\r\n[The full")[0])


def test_follow_up_ics() -> None:
    case = sample_case()
    entry = case.contacts[1]
    data = follow_up_event(case, entry, now=datetime(2026, 11, 22, 12, tzinfo=UTC))
    cal = Calendar.from_ical(data)
    [event] = cal.walk("VEVENT")
    assert event.decoded("dtstart") == date(2026, 10, 9)
    assert "Senior advisor to call back" in str(event["summary"])
    assert "102938475610" in str(event["description"])
    assert cal.walk("VALARM")
    with pytest.raises(ValueError):
        follow_up_event(case, case.contacts[0])
