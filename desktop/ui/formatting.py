"""How dates and amounts read in the UI: unambiguous ("12 Mar 2024"), in the UI's locale
(QLocale's default, set with the UI language: desktop/ui/i18n.py `ui_locale`)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QLocale


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value), "d MMM yyyy")


def format_datetime(value: datetime) -> str:
    return QLocale().toString(QDateTime(value.astimezone()), "d MMM yyyy, HH:mm")


def format_money(amount: Decimal | None, currency: str) -> str:
    if amount is None:
        return ""
    # Grouping and decimal mark of the UI's locale (1,299.00 / 1.299,00 / 1 299,00).
    return f"{QLocale().toString(float(amount), 'f', 2)} {currency}".strip()


def safe_file_name(text: str) -> str:
    """A file name that every file system accepts: no separators, no reserved characters."""
    cleaned = "".join("-" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in text)
    return " ".join(cleaned.split()).strip(" .") or "Case"
