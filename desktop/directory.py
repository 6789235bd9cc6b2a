"""Apple's regional support contacts, with opening hours in the caller's own time.

Data: resources/reference/support_contacts.json, each line with its source,
the year it was seen and a confidence. support.apple.com/contact is the
authority and the app says so wherever it shows a number. Labels, hours and
the scam warning come in the language asked for (English by default); the
data file may carry `hours_note_i18n` and `scam_warning_i18n` translations.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from desktop.i18n import N_, SOURCE_LANGUAGE, translator
from desktop.paths import resources_dir
from desktop.reference import (
    CONFIDENCE,
    ReferenceDataError,
    Texts,
    in_language,
    read_translations,
)

_DAY_SETS = {
    "daily": range(7),
    "mon-fri": range(5),
    "sat-sun": (5, 6),
    "sat": (5,),
    "sun": (6,),
}
PURPOSES = {
    "support": N_("Apple Support (AppleCare)"),
    "support_toll_free": N_("Apple Support, toll-free"),
    "store_sales": N_("Apple Store sales"),
    "investor_relations": N_("Investor Relations"),
    "accessibility": N_("Accessibility support"),
}


@dataclass(frozen=True)
class Line:
    country: str
    purpose: str
    number: str  # E.164-style, for tel: links
    display: str
    hours: dict[int, tuple[time, time]]  # weekday -> opening, closing (country's time)
    hours_note: str
    source: str
    seen: int
    confidence: str
    time_zone: str
    hours_note_i18n: Texts = field(default_factory=dict, hash=False)

    @property
    def label(self) -> str:
        return PURPOSES.get(self.purpose, self.purpose)

    def label_in(self, language: str) -> str:
        purpose = PURPOSES.get(self.purpose)
        return translator(language).gettext(purpose) if purpose else self.purpose

    def hours_note_in(self, language: str) -> str:
        return in_language(self.hours_note_i18n, language, self.hours_note)

    def is_open(self, now: datetime) -> bool | None:
        """Open at that moment (any time zone), or None when the hours are not known."""
        if not self.hours:
            return None
        local = now.astimezone(ZoneInfo(self.time_zone))
        span = self.hours.get(local.weekday())
        return span is not None and span[0] <= local.time() < span[1]

    def hours_in(self, zone: str, on: date) -> tuple[datetime, datetime] | None:
        """That day's opening hours expressed in another time zone."""
        span = self.hours.get(on.weekday())
        if span is None:
            return None
        home, there = ZoneInfo(self.time_zone), ZoneInfo(zone)
        opens = datetime.combine(on, span[0], home).astimezone(there)
        closes = datetime.combine(on, span[1], home).astimezone(there)
        return opens, closes


@dataclass(frozen=True)
class Directory:
    lines: tuple[Line, ...]
    web: tuple[tuple[str, str], ...]  # purpose, url
    scam_warning: str
    authority: str
    as_of: date
    scam_warning_i18n: Texts = field(default_factory=dict, hash=False)

    def scam_warning_in(self, language: str) -> str:
        return in_language(self.scam_warning_i18n, language, self.scam_warning)

    def for_country(self, country: str) -> list[Line]:
        return [line for line in self.lines if line.country == country]

    def support_line(self, country: str) -> Line | None:
        return next((ln for ln in self.for_country(country) if ln.purpose == "support"), None)


def _hours(raw: Any, where: str) -> dict[int, tuple[time, time]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ReferenceDataError(f"{where}: hours must be an object or null")
    hours: dict[int, tuple[time, time]] = {}
    for days, span in raw.items():
        if days not in _DAY_SETS or not isinstance(span, list) or len(span) != 2:
            raise ReferenceDataError(f'{where}: hours \'{days}\' must be like ["09:00", "21:00"]')
        try:
            opens, closes = time.fromisoformat(span[0]), time.fromisoformat(span[1])
        except (TypeError, ValueError):
            raise ReferenceDataError(f"{where}: hours '{days}' are not times") from None
        if not opens < closes:
            raise ReferenceDataError(f"{where}: hours '{days}' close before they open")
        for weekday in _DAY_SETS[days]:
            hours[weekday] = (opens, closes)
    return hours


def load_directory(folder: Path | None = None) -> Directory:
    path = (folder or resources_dir() / "reference") / "support_contacts.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ReferenceDataError(f"support_contacts.json: cannot be read ({exc})") from None
    lines = []
    for country, entry in data["countries"].items():
        zone = entry.get("time_zone", "")
        try:
            ZoneInfo(zone)
        except (KeyError, ValueError):
            raise ReferenceDataError(f"support_contacts.json {country}: bad time zone") from None
        for i, raw in enumerate(entry["lines"]):
            where = f"support_contacts.json {country} lines[{i}]"
            for key in ("purpose", "number", "display", "source"):
                if not isinstance(raw.get(key), str) or not raw[key].strip():
                    raise ReferenceDataError(f"{where}: '{key}' must be non-empty text")
            if raw.get("confidence") not in CONFIDENCE:
                raise ReferenceDataError(f"{where}: confidence must be one of {CONFIDENCE}")
            if not isinstance(raw.get("seen"), int):
                raise ReferenceDataError(f"{where}: 'seen' must be a year")
            lines.append(
                Line(
                    country=country,
                    purpose=raw["purpose"],
                    number=raw["number"],
                    display=raw["display"],
                    hours=_hours(raw.get("hours"), where),
                    hours_note=raw.get("hours_note") or "",
                    source=raw["source"],
                    seen=raw["seen"],
                    confidence=raw["confidence"],
                    time_zone=zone,
                    hours_note_i18n=_texts(raw, "hours_note", where),
                )
            )
    return Directory(
        lines=tuple(lines),
        web=tuple((w["purpose"], w["url"]) for w in data["web"]),
        scam_warning=data["scam_warning"],
        authority=data["authority"],
        as_of=date.fromisoformat(data["as_of"]),
        scam_warning_i18n=_texts(data, "scam_warning", "support_contacts.json"),
    )


def _texts(raw: dict[str, Any], key: str, where: str) -> Texts:
    return read_translations(raw, key, where)


@cache
def directory() -> Directory:
    return load_directory()


def describe_hours(line: Line, zone: str, now: datetime, language: str = SOURCE_LANGUAGE) -> str:
    """'Open now, until 21:00 your time' / 'Closed now; opens 09:00 your time' / the note."""
    _ = translator(language).gettext
    state = line.is_open(now)
    note = line.hours_note_in(language)
    if state is None:
        return note or _("Opening hours not known: see support.apple.com/contact.")
    today = now.astimezone(ZoneInfo(line.time_zone)).date()
    for offset in range(8):
        day = today + timedelta(days=offset)
        span = line.hours_in(zone, day)
        if span is None:
            continue
        opens, closes = span
        if state and opens <= now < closes:
            return _("Open now, until {time} your time").format(time=f"{closes:%H:%M}")
        if now < opens:
            if offset == 0:
                return _("Closed now; opens {time} your time").format(time=f"{opens:%H:%M}")
            return _("Closed now; opens {day} {time} your time").format(
                day=_weekday(opens, language), time=f"{opens:%H:%M}"
            )
    return note or _("Opening hours not known.")


def _weekday(moment: datetime, language: str) -> str:
    if translator(language).language == SOURCE_LANGUAGE:
        return f"{moment:%a}"
    from babel.dates import format_date

    return str(format_date(moment, "EEE", locale=translator(language).language))
