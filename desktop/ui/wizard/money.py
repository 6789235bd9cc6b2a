"""Reading a price as people type it: "1299", "1,299.00", "1.299,00", "999,90"."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_NOT_NUMBER = re.compile(r"[^\d.,]")


def parse_price(text: str) -> Decimal | None:
    """The amount, or None for an empty field; ValueError when it is not a price."""
    cleaned = _NOT_NUMBER.sub("", text.replace("\u00a0", " ").strip())
    if not text.strip():
        return None
    if not cleaned or not any(ch.isdigit() for ch in cleaned):
        raise ValueError(text)
    last_dot, last_comma = cleaned.rfind("."), cleaned.rfind(",")
    if last_dot >= 0 and last_comma >= 0:
        # Both present: the later one is the decimal separator.
        decimal_sep = "." if last_dot > last_comma else ","
    elif last_dot >= 0 or last_comma >= 0:
        sep = "." if last_dot >= 0 else ","
        decimals = len(cleaned) - cleaned.rfind(sep) - 1
        # One separator followed by exactly three digits is a thousands separator ("1.299").
        single = cleaned.count(sep) == 1
        decimal_sep = sep if single and decimals != 3 else ""
    else:
        decimal_sep = ""
    thousands = {".", ","} - {decimal_sep}
    for sep in thousands:
        cleaned = cleaned.replace(sep, "")
    if decimal_sep:
        cleaned = cleaned.replace(decimal_sep, ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if value < 0 or value >= Decimal("10000000"):
        raise ValueError(text)
    return value


def format_price(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}"
