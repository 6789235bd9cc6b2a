"""How a contact's moment reads: in the time zone it was noted in, never silently shifted."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from desktop.model import ContactEntry
from desktop.ui import choices
from desktop.ui.formatting import format_date


def noted_time(entry: ContactEntry) -> datetime:
    """The contact's time in the zone it was noted in (its own offset when that is unknown)."""
    if entry.time_zone and choices.is_time_zone(entry.time_zone):
        return entry.at.astimezone(ZoneInfo(entry.time_zone))
    return entry.at


def zone_label(entry: ContactEntry) -> str:
    if entry.time_zone and choices.is_time_zone(entry.time_zone):
        return entry.time_zone
    offset = entry.at.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"


def when_text(entry: ContactEntry) -> str:
    """ "3 Oct 2026, 11:20"."""
    moment = noted_time(entry)
    return f"{format_date(moment.date())}, {moment:%H:%M}"


def duration_text(seconds: int | None) -> str:
    """ "12 min 05 s", "1 h 02 min"; "" when not noted."""
    if seconds is None:
        return ""
    hours, rest = divmod(max(seconds, 0), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min {secs:02d} s"


def clock_text(seconds: int) -> str:
    """A running timer: "03:25", "1:02:09"."""
    hours, rest = divmod(max(seconds, 0), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
