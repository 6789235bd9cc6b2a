"""Contact fields added for the timeline editor: saved, exported, read back; old files read."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from desktop.bundle import read_case_file, write_case_file
from desktop.casebook import CaseBook
from desktop.codec import case_from_dict, case_to_dict, contact_from_dict, contact_to_dict
from desktop.model import AttachmentRole, ContactEntry
from desktop.sample import sample_case


def rich_entry() -> ContactEntry:
    return ContactEntry(
        at=datetime(2026, 11, 2, 9, 30, tzinfo=ZoneInfo("Europe/Berlin")),
        time_zone="Europe/Berlin",
        who="Маша К.",
        advisor_id="A-4471",
        cs_code="CS123456",
        cs_amount=Decimal("150.00"),
        cs_currency="EUR",
        duration_seconds=754,
        notes="x" * 50_000,
    )


def test_new_fields_round_trip_through_the_dict() -> None:
    entry = rich_entry()
    back = contact_from_dict(contact_to_dict(entry))
    assert back.advisor_id == "A-4471" and back.cs_code == "CS123456"
    assert back.cs_amount == Decimal("150.00") and back.cs_currency == "EUR"
    assert back.duration_seconds == 754 and back.time_zone == "Europe/Berlin"
    assert back.at == entry.at and len(back.notes) == 50_000


def test_a_contact_written_before_the_new_fields_still_reads() -> None:
    old = {"id": "0" * 32, "at": "2026-10-03T11:20:00+02:00", "tier": "applecare"}
    entry = contact_from_dict(old)
    assert entry.advisor_id == "" and entry.cs_amount is None
    assert entry.duration_seconds is None and entry.attachments == []


def test_contact_files_are_saved_exported_and_deleted_with_the_case(
    casebook: CaseBook, tmp_path: Path
) -> None:
    case = sample_case()
    screenshot = tmp_path / "chat.png"
    screenshot.write_bytes(b"\x89PNG\r\n\x1a\n")
    entry = rich_entry()
    entry.attachments.append(casebook.import_file(screenshot, AttachmentRole.CONTACT))
    case.contacts.append(entry)
    casebook.save(case)

    loaded = casebook.load(case.id)
    [kept] = [e for e in loaded.contacts if e.id == entry.id]
    assert [a.file_name for a in kept.attachments] == ["chat.png"]
    assert kept.attachments[0].role is AttachmentRole.CONTACT
    assert kept.attachments[0] in loaded.attachments()
    assert case_from_dict(case_to_dict(loaded)).contacts[-1].cs_code == "CS123456"

    out = tmp_path / "case.casedossier"
    write_case_file(loaded, casebook.attachments_dir, out)
    read = read_case_file(out)  # validated against the schema on the way in
    assert read.attachments.keys() == {kept.attachments[0].stored_name}

    stored = casebook.attachment_path(kept.attachments[0])
    assert stored.exists()
    casebook.delete(case.id)
    assert not stored.exists()
