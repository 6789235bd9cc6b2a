"""What can be wrong with a contact as typed, said in words. No widgets here.

Errors block saving the contact; warnings are doubts worth a look.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from desktop.ui import choices
from desktop.ui.i18n import N_, tr
from desktop.ui.widgets.field_message import NO_PROBLEM, Check, Level
from desktop.ui.wizard.money import parse_price

MAX_NOTES = 200_000  # the case file's limit for a text
MAX_LINE = 2_000

TEXT_ZONE_MISSING = N_(
    "Choose the time zone the time was noted in, for example Europe/Berlin or America/New_York."
)
TEXT_ZONE_UNKNOWN = N_(
    "“{zone}” is not a time zone this app knows. Pick one from the list, "
    "for example Europe/Berlin or America/New_York."
)
TEXT_FUTURE = N_(
    "This is more than a day from now. That is fine for a booked appointment; "
    "otherwise check the date."
)
TEXT_CASE_NUMBER_ODD = N_(
    "Apple case numbers are usually digits only, for example 102938475610. "
    "Compare it with the email Apple sent."
)
TEXT_AMOUNT_BAD = N_("The amount is not a number. Write it like 150.00 or 150,00.")
TEXT_AMOUNT_NO_CODE = N_(
    "An amount without a CS code: add the code as well, it is what the store asks for."
)
TEXT_CURRENCY_BAD = N_("A currency is three letters, for example EUR or USD.")
TEXT_CODE_NO_AMOUNT = N_(
    "Note the amount the CS code covers too, if they said it: the store applies it to the price."
)
TEXT_DUE_BEFORE = N_("The due date is before the contact itself. Check the year.")
TEXT_TOO_LONG = N_(
    "This text has {n:,} characters; up to {limit:,} fit. Attach the full text as a file instead."
)


def check_zone(zone: str) -> Check:
    zone = zone.strip()
    if not zone:
        return Check(Level.ERROR, tr(TEXT_ZONE_MISSING))
    if not choices.is_time_zone(zone):
        return Check(Level.ERROR, tr(TEXT_ZONE_UNKNOWN).format(zone=zone))
    return NO_PROBLEM


def check_when(at: datetime | None, now: datetime) -> Check:
    if at is not None and at - now > timedelta(days=1):
        return Check(Level.WARN, tr(TEXT_FUTURE))
    return NO_PROBLEM


def check_case_number(text: str) -> Check:
    compact = text.replace(" ", "").replace("-", "")
    if compact and not compact.isdigit():
        return Check(Level.WARN, tr(TEXT_CASE_NUMBER_ODD))
    return NO_PROBLEM


def check_cs(code: str, amount: str, currency: str) -> Check:
    try:
        value = parse_price(amount)
    except ValueError:
        return Check(Level.ERROR, tr(TEXT_AMOUNT_BAD))
    currency = currency.strip()
    if currency and (len(currency) != 3 or not currency.isalpha()):
        return Check(Level.ERROR, tr(TEXT_CURRENCY_BAD))
    if value is not None and not code.strip():
        return Check(Level.WARN, tr(TEXT_AMOUNT_NO_CODE))
    if value is None and code.strip():
        return Check(Level.HINT, tr(TEXT_CODE_NO_AMOUNT))
    return NO_PROBLEM


def check_due(due: date | None, contact_day: date | None) -> Check:
    if due is not None and contact_day is not None and due < contact_day:
        return Check(Level.WARN, tr(TEXT_DUE_BEFORE))
    return NO_PROBLEM


def check_length(text: str, limit: int = MAX_NOTES) -> Check:
    if len(text) > limit:
        return Check(Level.ERROR, tr(TEXT_TOO_LONG).format(n=len(text), limit=limit))
    return NO_PROBLEM
