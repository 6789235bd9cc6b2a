"""Drafts of the letters people send when calls are not enough, and the mailto link.

Built from the case: a short factual history with dates and case numbers, the
remedy asked for, the legal basis from the coverage engine, and a date by
which the writer hopes to hear back. The user edits the draft before sending;
the app never sends anything itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import quote

from desktop.coverage import case_locale, strongest_argument
from desktop.escalation import RUNG_TITLES, rung_of
from desktop.formatting import long_date
from desktop.model import Case, Outcome

# Windows' ShellExecute and several mail clients cut mailto links near 2,000 characters.
MAX_MAILTO_CHARS = 1900
REPLY_WITHIN_DAYS = 10

_OUTCOME_WORDS = {
    Outcome.RESOLVED: "resolved",
    Outcome.REFUSED: "refused",
    Outcome.PARTLY: "offered a partial remedy",
    Outcome.PENDING: "left it open",
    Outcome.NO_ANSWER: "no answer",
}


@dataclass(frozen=True)
class Letter:
    to: str
    subject: str
    body: str


def _device(case: Case) -> str:
    return case.device.model_name or case.device.kind.value


def _history(case: Case, locale: str) -> list[str]:
    lines = []
    for entry in case.timeline():
        rung = rung_of(entry)
        who = entry.who or (RUNG_TITLES[rung] if rung is not None else "Contact")
        number = f", case {entry.case_number}" if entry.case_number else ""
        outcome = _OUTCOME_WORDS[entry.outcome]
        lines.append(f"- {long_date(entry.at.date(), locale)}: {who}{number}: {outcome}.")
    return lines


def executive_letter(case: Case, today: date, ask: str = "") -> Letter:
    return _letter(case, today, ask, to="", audience="Executive Relations team")


def customer_relations_letter(case: Case, today: date, ask: str = "") -> Letter:
    return _letter(case, today, ask, to="", audience="Customer Relations team")


def _letter(case: Case, today: date, ask: str, *, to: str, audience: str) -> Letter:
    numbers = case.case_numbers()
    subject = f"{_device(case)}: request for a fair solution" + (
        f" (case {numbers[-1]})" if numbers else ""
    )
    remedy = ask or "a free repair of the fault described below"
    reply_by = today + timedelta(days=REPLY_WITHIN_DAYS)
    locale = case_locale(case)
    paragraphs = [
        f"Dear {audience},",
        f"I am writing about my {_device(case)}"
        + (f" (serial {case.device.serial})" if case.device.serial else "")
        + (f", bought on {long_date(case.purchase.date, locale)}" if case.purchase.date else "")
        + (f" from {case.purchase.seller}" if case.purchase.seller else "")
        + ".",
    ]
    if case.symptoms.description:
        first = (
            f" It began on {long_date(case.symptoms.first_noticed, locale)}."
            if case.symptoms.first_noticed
            else ""
        )
        paragraphs.append(f"The problem: {case.symptoms.description.strip()}{first}")
    history = _history(case, locale)
    if history:
        paragraphs.append("What has happened so far:\n" + "\n".join(history))
    paragraphs.append(f"My understanding of my rights: {strongest_argument(case, today)}")
    paragraphs.append(
        f"I have been glad to use Apple products and would like to keep doing so. "
        f"I am asking for {remedy}. I would be grateful for an answer by "
        f"{long_date(reply_by, locale)}."
    )
    closing = ["Thank you for your time.", "", "Kind regards,", case.owner.name or ""]
    if case.owner.email:
        closing.append(case.owner.email)
    if case.owner.phone:
        closing.append(case.owner.phone)
    body = "\n\n".join(paragraphs) + "\n\n" + "\n".join(closing).rstrip() + "\n"
    return Letter(to=to, subject=subject, body=body)


def mailto_url(letter: Letter, max_chars: int = MAX_MAILTO_CHARS) -> tuple[str, bool]:
    """The mailto link and whether the body had to be shortened to fit.

    When shortened, the body ends with a note; the caller copies the full text
    to the clipboard so nothing is lost.
    """

    def build(body: str) -> str:
        query = f"subject={quote(letter.subject, safe='')}&body={quote(_crlf(body), safe='')}"
        return f"mailto:{quote(letter.to, safe='@')}?{query}"

    url = build(letter.body)
    if len(url) <= max_chars:
        return url, False
    note = "\n\n[The full letter is on the clipboard: paste it here.]"
    low, high = 0, len(letter.body)
    while low < high:  # the longest prefix that fits, by bisection
        mid = (low + high + 1) // 2
        if len(build(letter.body[:mid] + note)) <= max_chars:
            low = mid
        else:
            high = mid - 1
    return build(letter.body[:low] + note), True


def _crlf(text: str) -> str:
    # RFC 6068: line breaks in a mailto body are CRLF.
    return text.replace("\r\n", "\n").replace("\n", "\r\n")
