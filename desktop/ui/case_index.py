"""The list's view of every case: title, device, status in words, last activity, and the
text a search looks through. Built from plain fields only (no keychain lookups), so
listing many cases never waits for the keyring.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from desktop.escalation import due_follow_ups
from desktop.model import Case, CaseStatus
from desktop.ui.case_status import case_status_text
from desktop.ui.choices import device_name, status_words

if TYPE_CHECKING:
    from desktop.casebook import CaseBook
    from desktop.store import CaseSummary


@dataclass(frozen=True)
class CaseEntry:
    id: str
    title: str
    device_kind: str
    device: str
    status: CaseStatus
    status_text: str
    attention: bool  # a follow-up is due: the status is shown as a warning
    last_activity: datetime
    created_at: datetime
    search_text: str  # lower-case, everything a search may match

    def matches(self, query: str) -> bool:
        words = query.casefold().split()
        return all(word in self.search_text for word in words)


def entry_for(case: Case, today: date) -> CaseEntry:
    device = device_name(case.device.kind, case.device.model_name)
    status_text = case_status_text(case, today)
    last = max([case.updated_at, *(entry.at for entry in case.contacts)], key=_utc)
    searchable = [
        case.title,
        device,
        status_text,
        case.symptoms.description,
        case.purchase.seller,
        *case.case_numbers(),
        *(entry.who for entry in case.contacts),
    ]
    return CaseEntry(
        id=case.id,
        title=case.title,
        device_kind=str(case.device.kind),
        device=device,
        status=case.status,
        status_text=status_text,
        attention=case.status is CaseStatus.OPEN and bool(due_follow_ups(case, today)),
        last_activity=_utc(last),
        created_at=_utc(case.created_at),
        search_text=" ".join(searchable).casefold(),
    )


def entry_for_summary(summary: CaseSummary) -> CaseEntry:
    """When a case cannot be read in full: what the summary says."""
    device = device_name(summary.device_kind, summary.model_name)
    status_text = status_words(summary.status, summary.contact_count)
    return CaseEntry(
        id=summary.id,
        title=summary.title,
        device_kind=summary.device_kind,
        device=device,
        status=summary.status,
        status_text=status_text,
        attention=False,
        last_activity=_utc(summary.updated_at),
        created_at=_utc(summary.updated_at),
        search_text=f"{summary.title} {device} {status_text}".casefold(),
    )


def case_entries(
    casebook: CaseBook, today: date, loaded: dict[str, Case] | None = None
) -> list[CaseEntry]:
    """Every case, most recent activity first. `loaded` holds cases already open in the
    app (their in-memory state is the newest)."""
    loaded = loaded or {}
    entries = []
    for summary in casebook.list_cases():
        case = loaded.get(summary.id)
        if case is None:
            try:
                case = casebook.store.load_case(summary.id)
            except Exception:  # a damaged row must not hide the others
                entries.append(entry_for_summary(summary))
                continue
        entries.append(entry_for(case, today))
    entries.sort(key=lambda e: (e.last_activity, e.created_at), reverse=True)
    return entries


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
