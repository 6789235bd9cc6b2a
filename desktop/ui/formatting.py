"""How dates and amounts read in the UI: unambiguous (the month as a word: "12 Mar 2024",
"Mar 12, 2024", "2024年3月12日"), in the UI's locale (QLocale's default, set with the UI
language: desktop/ui/i18n.py `ui_locale`), with CLDR's patterns (Babel)."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QLocale

from desktop.formatting import (
    locale_for,
    short_month_date,
    short_month_date_time,
    short_month_pattern,
)


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return short_month_date(value, _babel_locale())


def format_datetime(value: datetime) -> str:
    return short_month_date_time(value.astimezone(), _babel_locale())


def date_edit_format() -> str:
    """Qt's display format for date fields: the order and words of `format_date`. Qt's
    letters are CLDR's, but Qt writes a four-digit year as yyyy; quoted text stays."""
    parts = short_month_pattern(_babel_locale()).split("'")
    return "'".join(
        re.sub("y+", "yyyy", part) if index % 2 == 0 else part for index, part in enumerate(parts)
    )


def _babel_locale() -> str:
    """The UI's locale (QLocale's default) as Babel knows it: en_DE, ru_RU, zh_CN."""
    name = QLocale().name()  # "C" when Qt has no locale: English then
    language, _, country = name.partition("_")
    return locale_for(language if language != "C" else "en", country)


def format_money(amount: Decimal | None, currency: str) -> str:
    if amount is None:
        return ""
    # Grouping and decimal mark of the UI's locale (1,299.00 / 1.299,00 / 1 299,00).
    return f"{QLocale().toString(float(amount), 'f', 2)} {currency}".strip()


def safe_file_name(text: str) -> str:
    """A file name that every file system accepts: no separators, no reserved characters."""
    cleaned = "".join("-" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in text)
    return " ".join(cleaned.split()).strip(" .") or "Case"
