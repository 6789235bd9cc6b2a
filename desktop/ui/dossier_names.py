"""The name Save as offers for a dossier:
"Dossier - iPhone 13 Pro - 102938475610 - 2026-11-22.pdf"."""

from __future__ import annotations

from datetime import date

from desktop.model import Case
from desktop.ui.choices import device_name
from desktop.ui.formatting import safe_file_name
from desktop.ui.i18n import N_, tr

TEXT_NAME = N_("Dossier - {device} - {case_number} - {date}.pdf")
TEXT_NAME_NO_NUMBER = N_("Dossier - {device} - {date}.pdf")
TEXT_NAME_REDACTED = N_("Dossier - {device} - {case_number} - {date} (redacted).pdf")
TEXT_NAME_REDACTED_NO_NUMBER = N_("Dossier - {device} - {date} (redacted).pdf")


def default_dossier_name(case: Case, today: date | None = None, *, redacted: bool = False) -> str:
    """The latest Apple case number is the one people quote; a redacted copy says so."""
    device = device_name(case.device.kind, case.device.model_name)
    day = (today or date.today()).isoformat()
    numbers = case.case_numbers()
    if numbers:
        text = TEXT_NAME_REDACTED if redacted else TEXT_NAME
        name = tr(text).format(device=device, case_number=numbers[-1], date=day)
    else:
        text = TEXT_NAME_REDACTED_NO_NUMBER if redacted else TEXT_NAME_NO_NUMBER
        name = tr(text).format(device=device, date=day)
    return safe_file_name(name)
