"""Dates, times and amounts in the reader's conventions (Babel's CLDR data).

The locale combines the dossier language with the country: an English letter
from Germany reads "6 October 2026", one from the US "October 6, 2026".
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import cache


@cache
def locale_for(language: str, country: str = "") -> str:
    from babel import Locale, UnknownLocaleError

    language = (language or "en").replace("-", "_")
    for candidate in (f"{language}_{country}" if country else "", language, "en"):
        if not candidate:
            continue
        try:
            Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
        return candidate
    return "en"


# Long dates go into sentences. Russian CLDR ends them in an abbreviation, "2027 г.",
# and a sentence ending in a date then shows "г.."; the word in full reads as well.
_LONG_DATE_PATTERNS = {"ru": "d MMMM y 'года'"}


def long_date(day: date, locale: str = "en") -> str:
    from babel.dates import format_date

    pattern = _LONG_DATE_PATTERNS.get(locale.replace("-", "_").split("_")[0], "long")
    return str(format_date(day, pattern, locale=locale))


def medium_date(day: date, locale: str = "en") -> str:
    from babel.dates import format_date

    return str(format_date(day, "medium", locale=locale))


def short_month_date(day: date, locale: str = "en") -> str:
    """A date with its month as a word, never only digits, so that 03/04 is never read
    the wrong way round, in the locale's own order: "Oct 9, 2026", "9 Oct 2026",
    "9. Okt. 2026", "2026年10月9日", "9 окт. 2026 г."."""
    from babel.dates import format_date

    return str(format_date(day, short_month_pattern(locale), locale=locale))


@cache
def short_month_pattern(locale: str = "en") -> str:
    """The CLDR pattern of `short_month_date` ("MMM d, y", "d. MMM y", "y年M月d日"), also
    for date fields, so that they show dates as the rest of the app does."""
    from babel import Locale
    from babel.dates import match_skeleton

    skeletons = Locale.parse(locale).datetime_skeletons
    return str(skeletons[match_skeleton("yMMMd", skeletons) or "yMMMd"].pattern)


def short_month_date_time(moment: datetime, locale: str = "en") -> str:
    """`short_month_date` and the time of day (hours and minutes), joined as the locale
    joins them: "Oct 9, 2026, 2:30 PM", "2026年10月9日 14:30"."""
    from babel.dates import format_time, get_datetime_format

    clock = str(format_time(moment, "short", tzinfo=moment.tzinfo, locale=locale))
    joined = str(get_datetime_format("medium", locale=locale))
    return joined.replace("{1}", short_month_date(moment.date(), locale)).replace("{0}", clock)


def date_time(moment: datetime, locale: str = "en") -> str:
    """Date and time as they were for the writer, with their UTC offset."""
    from babel.dates import format_date, format_time

    offset = moment.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else ""
    day = format_date(moment, "medium", locale=locale)
    clock = format_time(moment, "short", tzinfo=moment.tzinfo, locale=locale)
    return f"{day} {clock} {offset}".strip()


def money(amount: Decimal, currency: str, locale: str = "en") -> str:
    from babel.numbers import format_currency

    if not currency:
        return f"{amount:,.2f}"
    return str(format_currency(amount, currency, locale=locale))
