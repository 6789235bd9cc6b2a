"""Dates, times, amounts, sizes and place names in the dossier's locale (Babel)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from desktop.formatting import long_date, medium_date, money

# A Chinese medium date ("2025年9月20日") breaks between any two characters in a
# narrow table column ("2025年9月2" / "0日"); the short form ("2025/9/20"), usual in
# Chinese tables, stays whole.
_SHORT_IN_TABLES = ("zh",)


@dataclass(frozen=True)
class Formats:
    locale: str = "en"

    def long_date(self, value: date) -> str:
        return long_date(value, self.locale)

    def short_date(self, value: date) -> str:
        if self.locale.split("_")[0] in _SHORT_IN_TABLES:
            from babel.dates import format_date

            return str(format_date(value, "short", locale=self.locale))
        return medium_date(value, self.locale)

    def clock(self, value: datetime) -> str:
        from babel.dates import format_time

        return str(format_time(value, "short", tzinfo=value.tzinfo, locale=self.locale))

    def time(self, value: datetime) -> str:
        """Wall-clock time with the entry's own offset, e.g. "14:30 UTC+01:00"."""
        return f"{self.clock(value)} {utc_offset(value.utcoffset())}"

    def money(self, amount: Decimal | None, currency: str) -> str:
        if amount is None:
            return ""
        code = currency.strip().upper()
        try:
            if len(code) == 3 and code.isalpha() and code.isascii():
                return money(amount, code, self.locale)
            return f"{amount:,.2f} {currency}".strip()
        except Exception:  # Babel or Decimal refuse an odd value; the figure still prints
            return f"{amount} {currency}".strip()

    def country(self, code: str) -> str:
        """The country's name for an ISO code; the text itself when it is not one."""
        from babel import Locale

        value = code.strip()
        if len(value) == 2 and value.isascii() and value.isalpha():
            try:
                name = Locale.parse(self.locale).territories.get(value.upper())
            except (ValueError, TypeError):
                name = None
            if name:
                return str(name)
        return value

    def weekdays(self) -> list[str]:
        """Abbreviated weekday names, Monday first."""
        from babel import Locale

        try:
            names = Locale.parse(self.locale).days["format"]["abbreviated"]
            return [str(names[index]) for index in range(7)]
        except (ValueError, KeyError, TypeError):
            return ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    def number(self, value: float, digits: int = 1) -> str:
        from babel.numbers import format_decimal

        pattern = "#,##0." + "0" * digits if digits else "#,##0"
        return str(format_decimal(value, format=pattern, locale=self.locale))


def utc_offset(offset: timedelta | None) -> str:
    if not offset:
        return "UTC"
    seconds = int(offset.total_seconds())
    sign = "+" if seconds >= 0 else "-"
    hours, rest = divmod(abs(seconds), 3600)
    minutes = rest // 60
    return f"UTC{sign}{hours:02d}:{minutes:02d}"
