"""Follow-ups and appointments as .ics files any calendar can import (RFC 5545)."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.model import Case, ContactEntry, utc_now


def follow_up_event(case: Case, entry: ContactEntry, now: datetime | None = None) -> bytes:
    """An all-day event on the entry's due date, with a reminder that morning."""
    from icalendar import Alarm, Calendar, Event

    if entry.next_step_due is None:
        raise ValueError("this contact has no due date")
    cal = Calendar()
    cal.add("prodid", "-//Case Dossier//case-dossier//EN")
    cal.add("version", "2.0")
    event = Event()
    event.add("uid", f"{entry.id}@case-dossier")
    event.add("dtstamp", now or utc_now())
    event.add("dtstart", entry.next_step_due)
    event.add("dtend", entry.next_step_due + timedelta(days=1))
    title = entry.next_step or "Follow up"
    event.add("summary", f"{title} ({case.title})" if case.title else title)
    details = [f"Case: {case.title}"] if case.title else []
    if entry.case_number:
        details.append(f"Apple case number: {entry.case_number}")
    if entry.who:
        details.append(f"Last spoke with: {entry.who} on {entry.at:%d %B %Y}")
    if entry.next_step:
        details.append(f"Next step: {entry.next_step}")
    event.add("description", "\n".join(details))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", timedelta(hours=9))  # 09:00 on the day
    event.add_component(alarm)
    cal.add_component(event)
    return bytes(cal.to_ical())
